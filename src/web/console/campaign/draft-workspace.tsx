import { useEffect, useMemo, useState } from 'react';
import { api } from '../api.js';
import { ErrorAlert } from '../components/problems.js';
import { formatTime } from '../format.js';
import { useSubmit } from '../hooks.js';
import type { CampaignSpec, CampaignVersion, Jurisdiction } from '../types.js';
import { ContentFields } from './content-fields.js';
import { LocalePicker } from './locale-picker.js';
import { PreviewPane } from './preview-pane.js';
import { ReadOnlyContext } from './read-only.js';
import { SettingsFields } from './settings-fields.js';
import { VariantsEditor } from './variants-editor.js';
import { cleanSpec } from './spec-clean.js';

interface Props {
  campaignId: string;
  /** The draft, or the latest published version when there is no draft (read-only then). */
  version: CampaignVersion;
  editable: boolean;
  jurisdiction: Jurisdiction | null;
  /** The jurisdiction list could not be read (reviewers may not): locales are then typed in. */
  jurisdictionUnknown: boolean;
  onSaved(): void;
  onDirtyChange(dirty: boolean): void;
}

export function DraftWorkspace(props: Props) {
  const { campaignId, version, editable, jurisdiction, onDirtyChange } = props;
  const [spec, setSpec] = useState<CampaignSpec>(() => structuredClone(version.spec));
  const [dirty, setDirty] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const locales = Object.keys(spec.content);
  const defaultLocale = jurisdiction?.defaultLocale ?? null;
  const [locale, setLocale] = useState(() =>
    defaultLocale && locales.includes(defaultLocale) ? defaultLocale : (locales[0] ?? ''),
  );
  const cleaned = useMemo(() => cleanSpec(spec), [spec]);
  const content = spec.content[locale];

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  // Leaving the page with unsaved edits would lose a partner's careful wording.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const change = (next: CampaignSpec) => {
    setSpec(next);
    setDirty(true);
    setSavedAt(null);
  };

  const {
    error,
    errors,
    busy: saving,
    submit: save,
  } = useSubmit(async () => {
    await api.put<CampaignVersion>(`/v1/admin/campaigns/${encodeURIComponent(campaignId)}/draft`, {
      spec: cleaned,
    });
    setDirty(false);
    setSavedAt(new Date().toISOString());
    props.onSaved();
  }, '/spec');

  const addLocale = (code: string) => {
    const from = spec.content[locale];
    // A new locale starts as a copy of the one on screen: links and numbers rarely change, words do.
    if (from) change({ ...spec, content: { ...spec.content, [code]: structuredClone(from) } });
    setLocale(code);
  };

  const removeLocale = (code: string) => {
    const rest = Object.fromEntries(Object.entries(spec.content).filter(([key]) => key !== code));
    change({ ...spec, content: rest });
    setLocale(Object.keys(rest)[0] ?? '');
  };

  const addable = props.jurisdictionUnknown
    ? null
    : (jurisdiction?.locales ?? []).filter((l) => !locales.includes(l));

  return (
    <div className="workspace">
      <section aria-labelledby="editor-heading" className="editor">
        <h2 id="editor-heading">
          {version.state === 'draft'
            ? `Draft (version ${version.version})`
            : `Version ${version.version} (published)`}
        </h2>
        <form onSubmit={save}>
          <LocalePicker
            locales={locales}
            selected={locale}
            onSelect={setLocale}
            addable={addable}
            defaultLocale={defaultLocale}
            onAdd={editable ? addLocale : undefined}
            onRemove={editable ? removeLocale : undefined}
          />
          <ReadOnlyContext value={!editable}>
            <fieldset disabled={!editable} className="plain">
              <legend className="visually-hidden">Campaign content and settings</legend>
              {content && (
                <ContentFields
                  key={locale}
                  content={content}
                  onChange={(next) => change({ ...spec, content: { ...spec.content, [locale]: next } })}
                  errors={(pointer) => errors(`/content/${locale}${pointer}`)}
                />
              )}
              {locale && <VariantsEditor spec={spec} locale={locale} onChange={change} errors={errors} />}
              <SettingsFields spec={spec} onChange={change} errors={errors} />
            </fieldset>
          </ReadOnlyContext>
          {editable && (
            <div className="sticky-actions">
              <ErrorAlert error={error} title="The draft was not saved." />
              <button type="submit" className="button-primary" disabled={saving}>
                Save draft
              </button>
              {(version.review.state === 'in_review' || version.review.state === 'approved') && (
                <p className="hint span-all">
                  Saving changes sends the draft back to editing: it must be reviewed again.
                </p>
              )}
              <span role="status" className="save-state">
                {saving
                  ? 'Saving…'
                  : dirty
                    ? 'Unsaved changes'
                    : savedAt
                      ? `Saved ${formatTime(savedAt)}`
                      : ''}
              </span>
            </div>
          )}
        </form>
      </section>
      {locale && <PreviewPane campaignId={campaignId} spec={cleaned} locale={locale} />}
    </div>
  );
}
