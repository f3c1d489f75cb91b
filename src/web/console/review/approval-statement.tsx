import { useState } from 'react';
import { api, path } from '../api.js';
import { Checkbox } from '../components/fields.js';
import { ErrorAlert } from '../components/problems.js';
import { useT } from '../i18n/index.js';
import { localeLabel } from './locale-label.js';
import type { LocaleStatus, ReviewDiff } from './review-types.js';

interface Props {
  campaignId: string;
  diff: ReviewDiff;
  statuses: LocaleStatus[];
  note: string;
  /** The statement names the staff when the campaign has no partner. */
  onApproved(message: string): void;
  disabled: boolean;
}

/** "A", "A and B", "A, B and C" in the console's language. */
export function useListInWords() {
  const { t } = useT('review');
  return (items: string[]) =>
    items.length <= 1
      ? items.join('')
      : `${items.slice(0, -1).join(t('list.separator'))}${t('list.and')}${items.at(-1)}`;
}

/**
 * The approval as an explicit statement: the reviewer checks each locale they read, the statement
 * names those locales, the draft's digest, the jurisdiction and the partner, and the server records
 * exactly that (a draft changed since it was read is refused).
 */
export function ApprovalStatement({ campaignId, diff, statuses, note, onApproved, disabled }: Props) {
  const { t } = useT('review');
  const inWords = useListInWords();
  const [checked, setChecked] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const statusOf = (locale: string) => statuses.find((s) => s.locale === locale)?.status ?? 'translated';
  const locales = diff.locales.map((l) => l.locale);
  const chosen = locales.filter((l) => checked.includes(l));
  const partner = diff.partner?.name ?? t('approve.staffPartner');

  const approve = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.post(path`/v1/admin/campaigns/${campaignId}/approve`, {
        locales: chosen,
        digest: diff.digest,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setChecked([]);
      onApproved(t('approve.done', { locales: inWords(chosen.map(localeLabel)) }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="approval-statement">
      <legend>{t('approve.heading')}</legend>
      <p className="hint">{t('approve.chooseOne')}</p>
      {locales.map((locale) => {
        const status = statusOf(locale);
        if (status === 'untranslated')
          return (
            <p key={locale} className="hint">
              {t('approve.untranslated', { locale: localeLabel(locale) })}
            </p>
          );
        return (
          <div key={locale}>
            <Checkbox
              label={t('approve.readLocale', { locale: localeLabel(locale) })}
              checked={checked.includes(locale)}
              onChange={(on) =>
                setChecked((now) => (on ? [...now, locale] : now.filter((l) => l !== locale)))
              }
              hint={
                status === 'approved'
                  ? t('approve.alreadyApproved', { locale: localeLabel(locale) })
                  : undefined
              }
            />
          </div>
        );
      })}
      {chosen.length > 0 && (
        <blockquote>
          {t('approve.statement', {
            locales: inWords(chosen.map(localeLabel)),
            version: diff.version,
            digest: diff.digest.slice(0, 8),
            jurisdiction: `${diff.jurisdiction.name} (${diff.jurisdiction.code})`,
            partner,
          })}
        </blockquote>
      )}
      {chosen.length > 0 && chosen.length < locales.length && <p className="hint">{t('approve.partial')}</p>}
      <button
        type="button"
        className="button-primary"
        disabled={disabled || busy || chosen.length === 0}
        onClick={() => void approve()}
      >
        {t('approve.button')}
      </button>
      <ErrorAlert error={error} />
    </fieldset>
  );
}
