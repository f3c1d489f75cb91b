import { useEffect, useRef, useState } from 'react';
import { api, path } from '../api.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { ErrorAlert } from '../components/problems.js';
import { formatTime } from '../format.js';
import { useT } from '../i18n/index.js';
import type { CampaignDetail } from '../types.js';

/** What GET …/publish-preview answers (src/http/routes/campaign-publish.ts). */
interface PublishPreview {
  jurisdiction: { code: string; name: string };
  version: number;
  digest: string;
  replaces: { version: number } | null;
  paused: boolean;
  locales: string[];
  targeting: string[];
  holdoutShare: number;
  estimate: { warningsPerDay: number; explanation: string };
  fourEyes: { required: boolean; approvedBy: string | null };
  missing: string | null;
}

/** The server's view of what is live, beside the versions (not in every console type yet). */
interface LiveFields {
  live?: { version: number; startsAt: string | null; endsAt: string | null } | null;
  pausedAt?: string | null;
}

interface Props {
  campaign: CampaignDetail;
  reload(): void;
  /** Publishing is offered (admin, a draft exists, not retired) and allowed by the partner's review. */
  publishShown: boolean;
  publishEnabled: boolean;
  dirty: boolean;
  onDone(message: string): void;
}

const toIso = (local: string) => (local ? new Date(local).toISOString() : null);

/**
 * Publish with a confirmation of reach, then the controls of what is live: pause (the kill switch),
 * resume and rollback. The confirmation sends back the version and digest it showed, so the server
 * refuses a publish of anything else.
 */
export function PublishControls({ campaign, reload, publishShown, publishEnabled, dirty, onDone }: Props) {
  const { t } = useT('publish');
  const [preview, setPreview] = useState<PublishPreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const dialogRef = useRef<HTMLDivElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const { live, pausedAt } = campaign as CampaignDetail & LiveFields;
  const base = path`/v1/admin/campaigns/${campaign.id}`;
  const publishedVersions = campaign.versions.filter((v) => v.state === 'published');
  const canRollBack = live != null && publishedVersions.some((v) => v.version < live.version);

  useEffect(() => {
    if (preview) dialogRef.current?.focus();
  }, [preview]);

  const act = async (what: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setError(null);
    try {
      await what();
      onDone(message);
      reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const open = async () => {
    setBusy(true);
    setError(null);
    try {
      setPreview(await api.get<PublishPreview>(`${base}/publish-preview`));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setPreview(null);
    requestAnimationFrame(() => openerRef.current?.focus());
  };
  const confirm = (shown: PublishPreview) =>
    act(
      async () => {
        await api.post(`${base}/publish`, {
          version: shown.version,
          digest: shown.digest,
          ...(startsAt ? { startsAt: toIso(startsAt) } : {}),
          ...(endsAt ? { endsAt: toIso(endsAt) } : {}),
        });
        setPreview(null);
      },
      startsAt
        ? t('publishedScheduled', { version: shown.version })
        : t('published', { version: shown.version }),
    );

  return (
    <>
      {publishShown && (
        <button
          ref={openerRef}
          type="button"
          className="button-primary"
          disabled={busy || dirty || !publishEnabled || preview !== null}
          onClick={open}
        >
          {t('publish')}
        </button>
      )}
      {live && !campaign.retiredAt && (
        <>
          {pausedAt ? (
            <button
              type="button"
              disabled={busy}
              onClick={() => act(() => api.post(`${base}/resume`), t('resumed'))}
            >
              {t('resume')}
            </button>
          ) : (
            <ConfirmButton
              label={t('pause')}
              question={t('pauseQuestion')}
              confirmLabel={t('pauseConfirm')}
              danger
              disabled={busy}
              onConfirm={() => act(() => api.post(`${base}/pause`), t('paused'))}
            />
          )}
          {canRollBack && (
            <ConfirmButton
              label={t('rollBack')}
              question={t('rollBackQuestion', { version: live.version })}
              confirmLabel={t('rollBackConfirm')}
              disabled={busy}
              onConfirm={() => act(() => api.post(`${base}/rollback`), t('rolledBack'))}
            />
          )}
        </>
      )}
      {pausedAt && <p className="alert alert-warning">{t('pausedSince', { time: formatTime(pausedAt) })}</p>}
      {preview && (
        <div
          ref={dialogRef}
          role="dialog"
          aria-modal="false"
          aria-labelledby="publish-dialog-heading"
          tabIndex={-1}
          className="panel publish-dialog"
          onKeyDown={(event) => event.key === 'Escape' && close()}
        >
          <h3 id="publish-dialog-heading">{t('dialogHeading', { version: preview.version })}</h3>
          <dl>
            <dt>{t('jurisdiction')}</dt>
            <dd>
              {preview.jurisdiction.name} ({preview.jurisdiction.code})
            </dd>
            <dt>{t('who')}</dt>
            <dd>
              <ul>
                {preview.targeting.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </dd>
            <dt>{t('holdout')}</dt>
            <dd>{Math.round(preview.holdoutShare * 100)}%</dd>
            <dt>{t('languages')}</dt>
            <dd>{preview.locales.join(', ')}</dd>
            <dt>{t('perDay')}</dt>
            <dd>
              {t('about', { count: preview.estimate.warningsPerDay })}{' '}
              <span className="hint">{preview.estimate.explanation}</span>
            </dd>
            <dt>{t('replaces')}</dt>
            <dd>
              {preview.replaces
                ? t('replacesVersion', { version: preview.replaces.version })
                : t('firstPublish')}
            </dd>
            <dt>{t('secondPerson')}</dt>
            <dd>
              {preview.fourEyes.approvedBy
                ? t('approvedBy', { who: preview.fourEyes.approvedBy })
                : preview.fourEyes.required
                  ? t('notApproved')
                  : t('notRequired')}
            </dd>
          </dl>
          {preview.paused && <p className="alert alert-warning">{t('pausedNote')}</p>}
          <label>
            {t('startsAt')}
            <input type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} />
          </label>
          <label>
            {t('endsAt')}
            <input type="datetime-local" value={endsAt} onChange={(e) => setEndsAt(e.target.value)} />
          </label>
          {preview.missing && <p className="alert alert-warning">{preview.missing}</p>}
          <div className="button-row">
            <button
              type="button"
              className="button-primary"
              disabled={busy || preview.missing !== null}
              onClick={() => confirm(preview)}
            >
              {t('publishVersion', { version: preview.version })}
            </button>
            <button type="button" disabled={busy} onClick={close}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      <ErrorAlert error={error} />
    </>
  );
}
