import { formatTime } from '../format.js';
import { useT } from '../i18n/index.js';
import type { LocalDraft } from './local-draft.js';
import './editor.css';

interface Props {
  draft: LocalDraft;
  /** The version on screen: a copy made on an older one says so. */
  baseVersion: number;
  onRestore(): void;
  onDiscard(): void;
}

/** "You have unsaved changes from <time> — restore / discard", above the form. */
export function LocalDraftOffer({ draft, baseVersion, onRestore, onDiscard }: Props) {
  const { t } = useT('editor');
  return (
    <section className="alert alert-warning local-draft-offer" aria-labelledby="local-draft-offer">
      <p id="local-draft-offer">
        {t('localDraft.offer', { time: formatTime(draft.savedAt) })}
        {draft.baseVersion !== baseVersion && (
          <> {t('localDraft.olderBase', { version: draft.baseVersion })}</>
        )}
      </p>
      <button type="button" className="button-primary" onClick={onRestore}>
        {t('localDraft.restore')}
      </button>
      <button type="button" onClick={onDiscard}>
        {t('localDraft.discard')}
      </button>
    </section>
  );
}
