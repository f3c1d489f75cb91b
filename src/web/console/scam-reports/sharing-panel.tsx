import { useState } from 'react';
import { api, errorMessage, path } from '../api.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { DataTable } from '../components/data-table.js';
import { LoadStatus } from '../components/problems.js';
import { formatTime } from '../format.js';
import { useResource } from '../hooks.js';
import { useT } from '../i18n/index.js';

interface Sharing {
  jurisdiction: string;
  shared: boolean;
  sharedBy: string | null;
  sharedAt: string | null;
}

/**
 * The exchange decides, per jurisdiction, whether its police partner's reviewers may read that
 * jurisdiction's reports (never the reporter's contact, pseudonym, staff notes or evidence files).
 */
export function SharingPanel() {
  const { t } = useT('scamReports');
  const { state, reload } = useResource<{ jurisdictions: Sharing[] }>('/v1/admin/scam-report-sharing');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const change = async (row: Sharing, shared: boolean) => {
    setError(null);
    try {
      await api.put(path`/v1/admin/scam-report-sharing/${row.jurisdiction}`, { shared });
      setMessage(
        shared
          ? t('sharing.nowShared', { jurisdiction: row.jurisdiction })
          : t('sharing.noLonger', { jurisdiction: row.jurisdiction }),
      );
      reload();
    } catch (caught) {
      setError(t('sharing.notChanged', { jurisdiction: row.jurisdiction, reason: errorMessage(caught) }));
    }
  };

  return (
    <section aria-labelledby="sharing-heading" className="panel">
      <h2 id="sharing-heading">{t('sharing.heading')}</h2>
      <p className="hint">{t('sharing.hint')}</p>
      <LoadStatus state={state} what={t('sharing.loadWhat')} />
      {error && (
        <p role="alert" className="alert alert-error">
          {error}
        </p>
      )}
      <p role="status" className="save-state">
        {message}
      </p>
      {state.status === 'ready' && (
        <DataTable
          columns={[t('sharing.jurisdiction'), t('sharing.shared'), t('sharing.since')]}
          actions
          className="reflow"
        >
          {state.data.jurisdictions.map((row) => (
            <tr key={row.jurisdiction}>
              <th scope="row" data-label={t('sharing.jurisdiction')}>
                {row.jurisdiction}
              </th>
              <td data-label={t('sharing.shared')}>{row.shared ? t('sharing.yes') : t('sharing.no')}</td>
              <td data-label={t('sharing.since')}>
                {row.sharedAt
                  ? t('sharing.sinceBy', { time: formatTime(row.sharedAt), by: row.sharedBy ?? '—' })
                  : '—'}
              </td>
              <td>
                {row.shared ? (
                  <ConfirmButton
                    label={t('sharing.stopLabel', { jurisdiction: row.jurisdiction })}
                    question={t('sharing.stopQuestion', { jurisdiction: row.jurisdiction })}
                    confirmLabel={t('sharing.stop')}
                    danger
                    onConfirm={() => change(row, false)}
                  />
                ) : (
                  <ConfirmButton
                    label={t('sharing.shareLabel', { jurisdiction: row.jurisdiction })}
                    question={t('sharing.shareQuestion', { jurisdiction: row.jurisdiction })}
                    confirmLabel={t('sharing.share')}
                    onConfirm={() => change(row, true)}
                  />
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
