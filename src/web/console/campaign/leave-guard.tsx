import { useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';
import { useT } from '../i18n/index.js';
import './editor.css';

/**
 * Asks before an in-app navigation leaves unsaved edits (a reload or closing the tab is asked by
 * the browser, see the beforeunload handler in the workspace). The edits are in the local draft
 * either way; leaving only means they wait there until the user comes back.
 */
export function LeaveGuard({ when }: { when: boolean }) {
  const { t } = useT('editor');
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => when && currentLocation.pathname !== nextLocation.pathname,
  );
  const dialog = useRef<HTMLDialogElement>(null);
  const blocked = blocker.state === 'blocked';

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (blocked && !element.open) element.showModal();
    if (!blocked && element.open) element.close();
  }, [blocked]);

  return (
    <dialog
      ref={dialog}
      className="leave-dialog"
      aria-labelledby="leave-dialog-title"
      aria-describedby="leave-dialog-body"
      // Escape means "stay", as the first button does.
      onCancel={(event) => {
        event.preventDefault();
        if (blocker.state === 'blocked') blocker.reset();
      }}
    >
      <h2 id="leave-dialog-title">{t('leave.title')}</h2>
      <p id="leave-dialog-body">{t('leave.body')}</p>
      <div className="form-actions">
        <button
          type="button"
          className="button-primary"
          autoFocus
          onClick={() => blocker.state === 'blocked' && blocker.reset()}
        >
          {t('leave.stay')}
        </button>
        <button type="button" onClick={() => blocker.state === 'blocked' && blocker.proceed()}>
          {t('leave.go')}
        </button>
      </div>
    </dialog>
  );
}
