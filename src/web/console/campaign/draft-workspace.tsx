import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError } from '../api.js';
import { errorsAt, problemsOf } from '../components/problems.js';
import { formatTime } from '../format.js';
import { currentLanguage, useT } from '../i18n/index.js';
import { useUser } from '../session.js';
import type { CampaignSpec, CampaignVersion, Jurisdiction } from '../types.js';
import { describeSpecProblem, type Translate } from '../validation/describe-problem.js';
import { ContentFields } from './content-fields.js';
import { draftProblems } from './draft-problems.js';
import { LeaveGuard } from './leave-guard.js';
import { LocalDraftOffer } from './local-draft-offer.js';
import {
  clearLocalDraft,
  readLocalDraft,
  sameSpec,
  writeLocalDraft,
  type LocalDraft,
} from './local-draft.js';
import { LocalePicker } from './locale-picker.js';
import { PreviewPane } from './preview-pane.js';
import { ProblemSummary } from './problem-summary.js';
import { ReadOnlyContext } from './read-only.js';
import { SettingsFields } from './settings-fields.js';
import { VariantsEditor } from './variants-editor.js';
import { cleanSpec } from './spec-clean.js';
import './editor.css';

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

/** Where focus should go once the form shows it: the first marked field, or one problem's field. */
type FocusRequest = { first: true } | { pointer: string };

export function DraftWorkspace(props: Props) {
  const { campaignId, version, editable, jurisdiction, onDirtyChange } = props;
  const { t } = useT('editor');
  const { t: tv } = useT('validation');
  const language = currentLanguage();
  const user = useUser();
  // A police reviewer works on the words; the exchange's knobs stay folded away and read-only.
  const reviewer = user.role === 'partner_reviewer';
  const [spec, setSpec] = useState<CampaignSpec>(() => structuredClone(version.spec));
  const [dirty, setDirty] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // The latest check of the spec (a refused save or preview), which marks the fields.
  const [refusal, setRefusal] = useState<unknown>(null);
  // Set by a refused save, until a save succeeds: the summary at the top.
  const [saveFailure, setSaveFailure] = useState<unknown>(null);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const [technicalOpen, setTechnicalOpen] = useState(!reviewer);
  const [offer, setOffer] = useState<LocalDraft | null>(() => {
    if (!editable || version.state !== 'draft') return null;
    const stored = readLocalDraft(user.id, campaignId);
    return stored && !sameSpec(stored.spec, version.spec) ? stored : null;
  });
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const summaryHeading = useRef<HTMLHeadingElement>(null);

  const locales = Object.keys(spec.content);
  const defaultLocale = jurisdiction?.defaultLocale ?? null;
  const [locale, setLocale] = useState(() =>
    defaultLocale && locales.includes(defaultLocale) ? defaultLocale : (locales[0] ?? ''),
  );
  const cleaned = useMemo(() => cleanSpec(spec), [spec]);
  const content = spec.content[locale];
  const translate: Translate = useCallback((key, values) => tv(key, values ?? {}), [tv]);
  const errors = errorsAt(
    problemsOf(refusal),
    '/spec',
    (pointer, message) => describeSpecProblem(translate, language, pointer, message, cleaned).sentence,
  );
  const shownLocales = [locale, ...locales.filter((l) => l !== locale)];
  const problems = draftProblems(refusal, translate, language, cleaned, shownLocales);
  // A failure that is not about the spec's fields (a conflict, the connection) is said as such.
  const saveOthers = saveFailure && problemsOf(saveFailure).length === 0 ? problems.others : [];
  const summary = saveFailure
    ? {
        fields: problems.fields,
        others: [
          ...saveOthers,
          ...draftProblems(saveFailure, translate, language, cleaned, shownLocales).others,
        ],
      }
    : null;

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  // Reloading or closing the tab with unsaved edits: the browser asks (in-app links: LeaveGuard).
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  // Every unsaved edit is kept in this browser, so leaving the page loses nothing. While an older
  // copy is being offered back it is not overwritten: the user decides first.
  useEffect(() => {
    if (!dirty || offer || !editable) return;
    writeLocalDraft(user.id, campaignId, {
      savedAt: new Date().toISOString(),
      baseVersion: version.version,
      spec,
    });
  }, [spec, dirty, offer, editable, user.id, campaignId, version.version]);

  // Focus moves once the form shows what it is asked to focus (another locale, the open details).
  useEffect(() => {
    if (!focusRequest || !form.current) return;
    const root = form.current;
    if ('first' in focusRequest) {
      const marked = root.querySelector<HTMLElement>(
        '[aria-invalid="true"]:not(:disabled), .field-error[data-problem-pointer]',
      );
      const first = problems.fields[0];
      if (marked) focusElement(marked);
      else if (first) return setFocusRequest({ pointer: first.pointer });
      else summaryHeading.current?.focus();
      return setFocusRequest(null);
    }
    const problem = problems.fields.find((p) => p.pointer === focusRequest.pointer);
    if (problem?.locale && problem.locale !== locale && spec.content[problem.locale])
      return setLocale(problem.locale);
    if (problem?.technical && !technicalOpen) return setTechnicalOpen(true);
    const target = fieldFor(root, focusRequest.pointer);
    if (target) focusElement(target);
    else summaryHeading.current?.focus();
    setFocusRequest(null);
  }, [focusRequest, locale, technicalOpen, problems.fields, spec.content]);

  const change = (next: CampaignSpec) => {
    setSpec(next);
    setDirty(true);
    setSavedAt(null);
    setRestoredAt(null);
  };

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setSaving(true);
    try {
      await api.put<CampaignVersion>(`/v1/admin/campaigns/${encodeURIComponent(campaignId)}/draft`, {
        spec: cleaned,
      });
      clearLocalDraft(user.id, campaignId);
      setOffer(null);
      setDirty(false);
      setRefusal(null);
      setSaveFailure(null);
      setSavedAt(new Date().toISOString());
      props.onSaved();
    } catch (caught) {
      setSaveFailure(caught);
      if (caught instanceof ApiError && caught.errors.length > 0) setRefusal(caught);
      setFocusRequest({ first: true });
    } finally {
      setSaving(false);
    }
  };

  const restore = (draft: LocalDraft) => {
    setSpec(draft.spec);
    setDirty(true);
    setOffer(null);
    setRestoredAt(draft.savedAt);
    const kept = Object.keys(draft.spec.content);
    if (!kept.includes(locale)) setLocale(kept[0] ?? '');
  };

  const discard = () => {
    clearLocalDraft(user.id, campaignId);
    setOffer(null);
  };

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

  const status = saving
    ? t('saving')
    : summary && summary.fields.length + summary.others.length > 0
      ? tv('notSavedCount', { count: summary.fields.length + summary.others.length })
      : dirty
        ? t('unsaved')
        : savedAt
          ? t('saved', { time: formatTime(savedAt) })
          : '';

  return (
    <div className="workspace">
      <LeaveGuard when={dirty} />
      <section aria-labelledby="editor-heading" className="editor">
        <h2 id="editor-heading">
          {version.state === 'draft'
            ? t('draftHeading', { version: version.version })
            : t('publishedHeading', { version: version.version })}
        </h2>
        {offer && (
          <LocalDraftOffer
            draft={offer}
            baseVersion={version.version}
            onRestore={() => restore(offer)}
            onDiscard={discard}
          />
        )}
        {restoredAt && (
          <p role="status" className="alert alert-success">
            {t('localDraft.restored', { time: formatTime(restoredAt) })}
          </p>
        )}
        <form onSubmit={save} ref={form} noValidate>
          {summary && (
            <ProblemSummary
              fields={summary.fields}
              others={summary.others}
              onSelect={(pointer) => setFocusRequest({ pointer })}
              headingRef={summaryHeading}
            />
          )}
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
              <legend className="visually-hidden">{t('formLegend')}</legend>
              {content && (
                <ContentFields
                  key={locale}
                  content={content}
                  onChange={(next) => change({ ...spec, content: { ...spec.content, [locale]: next } })}
                  errors={(pointer) => errors(`/content/${locale}${pointer}`)}
                />
              )}
            </fieldset>
          </ReadOnlyContext>
          <details
            className="technical-settings"
            open={technicalOpen}
            onToggle={(event) => setTechnicalOpen(event.currentTarget.open)}
          >
            <summary>{t('technical.summary')}</summary>
            <p className="hint">{reviewer ? t('technical.reviewerHint') : t('technical.staffHint')}</p>
            <ReadOnlyContext value={!editable || reviewer}>
              <fieldset disabled={!editable || reviewer} className="plain">
                <legend className="visually-hidden">{t('technical.summary')}</legend>
                {locale && <VariantsEditor spec={spec} locale={locale} onChange={change} errors={errors} />}
                <SettingsFields spec={spec} onChange={change} errors={errors} />
              </fieldset>
            </ReadOnlyContext>
          </details>
          {editable && (
            <div className="sticky-actions">
              <button type="submit" className="button-primary" disabled={saving}>
                {t('save')}
              </button>
              {(version.review.state === 'in_review' || version.review.state === 'approved') && (
                <p className="hint span-all">{t('reviewAgain')}</p>
              )}
              <span role="status" className="save-state">
                {status}
              </span>
            </div>
          )}
        </form>
      </section>
      {locale && (
        <PreviewPane
          campaignId={campaignId}
          spec={cleaned}
          locale={locale}
          onChecked={(answer) => setRefusal(answer)}
        />
      )}
    </div>
  );
}

/** The input marked with this pointer, else the nearest marked field that contains it. */
function fieldFor(root: HTMLElement, pointer: string): HTMLElement | null {
  for (let at = pointer; at.split('/').length > 2; at = at.slice(0, at.lastIndexOf('/'))) {
    const found = root.querySelector<HTMLElement>(`[data-problem-pointer="${CSS.escape(at)}"]`);
    if (found) return found;
  }
  return null;
}

function focusElement(element: HTMLElement) {
  element.focus();
  element.scrollIntoView({ block: 'center' });
}
