import { REF_SECTIONS, type DirectoryChange } from '../../../campaigns/directory-refs.js';
import { path } from '../api.js';
import { useResource } from '../hooks.js';
import { useT } from '../i18n/index.js';

/**
 * Says when the live version shows older directory values than the directory now holds: published
 * versions are records of what users saw, so the new values go live only with a new version.
 */
export function DirectoryChangesNotice({ campaignId }: { campaignId: string }) {
  const { t } = useT('directory');
  const { state } = useResource<{ liveVersion: number | null; changes: DirectoryChange[] }>(
    path`/v1/admin/campaigns/${campaignId}/directory-changes`,
  );
  if (state.status !== 'ready' || state.data.liveVersion === null || state.data.changes.length === 0)
    return null;
  const shown = (value: unknown) => (value === undefined ? t('changes.nothing') : String(value));
  return (
    <section className="alert alert-warning" aria-labelledby="directory-changes-title">
      <p id="directory-changes-title" className="alert-title">
        {t('changes.title')}
      </p>
      <p>{t('changes.body', { version: state.data.liveVersion })}</p>
      <ul>
        {state.data.changes.filter(onceForRemoved).map((change) => {
          const values = {
            locale: change.locale,
            section: t(`kinds.${REF_SECTIONS[change.section]}`),
            number: change.index + 1,
            ref: change.ref,
            field: t(`fields.${change.field}`),
            shown: shown(change.shown),
            current: shown(change.current),
          };
          return (
            <li key={`${change.locale}:${change.section}:${change.index}:${change.field}`} dir="auto">
              {change.removed ? t('changes.removedItem', values) : t('changes.item', values)}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** A removed entry is said once per item, not once per value it held. */
function onceForRemoved(change: DirectoryChange, index: number, all: DirectoryChange[]): boolean {
  if (!change.removed) return true;
  const first = all.findIndex(
    (other) =>
      other.locale === change.locale && other.section === change.section && other.index === change.index,
  );
  return first === index;
}
