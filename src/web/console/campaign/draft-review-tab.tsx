import { useEffect, useState } from 'react';
import { detachDirectoryValues } from '../../../campaigns/directory-refs.js';
import { api, path } from '../api.js';
import { ErrorAlert, LoadStatus } from '../components/problems.js';
import { useResource } from '../hooks.js';
import { RedlineView } from '../review/redline-view.js';
import type { Comments, ReviewDiff, ReviewedCampaign } from '../review/review-types.js';
import { SideBySide } from '../review/side-by-side.js';
import { useT } from '../i18n/index.js';
import { useUser } from '../session.js';
import type { Jurisdiction } from '../types.js';
import { canEditDrafts, draftOf, latestPublished } from './campaign-model.js';
import { useCampaign } from './campaign-page.js';
import { DirectoryChangesNotice } from './directory-changes.js';
import { DraftWorkspace } from './draft-workspace.js';
import { ReviewPanel } from './review-panel.js';
import { VersionHistory } from './version-history.js';

/**
 * Draft & review: where the review stands and what to do first, then what changed against the live
 * version (with comments beside each field) and two languages side by side, then the editor and
 * the record.
 */
export function DraftReviewTab() {
  const { campaign: loaded, reload } = useCampaign();
  const campaign = loaded as ReviewedCampaign;
  const user = useUser();
  const { t } = useT('editorItems');
  const jurisdictions = useResource<{ jurisdictions: Jurisdiction[] }>('/v1/admin/jurisdictions');
  const [dirty, setDirty] = useState(false);
  const [startError, setStartError] = useState<unknown>(null);
  const [starting, setStarting] = useState(false);
  const draft = draftOf(campaign);
  const published = latestPublished(campaign);
  const source = draft ?? published;
  const editable = draft !== undefined && canEditDrafts(user.role) && campaign.retiredAt === null;
  const jurisdiction =
    jurisdictions.state.status === 'ready'
      ? (jurisdictions.state.data.jurisdictions.find((j) => j.code === campaign.jurisdiction) ?? null)
      : null;
  const base = path`/v1/admin/campaigns/${campaign.id}`;
  const diff = useResource<ReviewDiff>(draft ? `${base}/review-diff` : null);
  const comments = useResource<Comments>(draft ? `${base}/comments` : null);
  const { reload: reloadDiff } = diff;
  const { reload: reloadComments } = comments;
  // The campaign is read again after every save and review step: so is what depends on its draft.
  useEffect(() => {
    reloadDiff();
    reloadComments();
  }, [loaded, reloadDiff, reloadComments]);

  const startDraft = async () => {
    if (!published) return;
    setStarting(true);
    setStartError(null);
    try {
      await api.put(`${base}/draft`, {
        // The new draft follows the directory again, rather than the values this version was published with.
        spec: detachDirectoryValues(published.spec),
      });
      reload();
    } catch (error) {
      setStartError(error);
    } finally {
      setStarting(false);
    }
  };

  const readyDiff = draft && diff.state.status === 'ready' ? diff.state.data : null;
  return (
    <>
      <ReviewPanel campaign={campaign} reload={reload} dirty={dirty} diff={readyDiff} />
      <DirectoryChangesNotice campaignId={campaign.id} />
      {!draft && (
        <div className="panel">
          <p>
            {t('draft.none')}
            {published ? t('draft.latest', { version: published.version }) : ''}
          </p>
          {published && canEditDrafts(user.role) && campaign.retiredAt === null && (
            <button type="button" className="button-primary" disabled={starting} onClick={startDraft}>
              {t('draft.start')}
            </button>
          )}
          <ErrorAlert error={startError} title={t('draft.notStarted')} />
        </div>
      )}
      {draft && diff.state.status !== 'ready' && (
        <LoadStatus state={diff.state} what={t('draft.changesWhat')} />
      )}
      {readyDiff && (
        <RedlineView
          key={`${readyDiff.version}:${readyDiff.digest}`}
          campaignId={campaign.id}
          diff={readyDiff}
          comments={comments.state.status === 'ready' ? comments.state.data.comments : []}
          canComment={canEditDrafts(user.role) && campaign.retiredAt === null}
          onCommentsChanged={reloadComments}
        />
      )}
      {draft && <SideBySide spec={draft.spec} />}
      {source && (
        <DraftWorkspace
          key={`${campaign.id}:${source.version}:${source.state}`}
          campaignId={campaign.id}
          version={source}
          editable={editable}
          jurisdiction={jurisdiction}
          jurisdictionUnknown={jurisdictions.state.status === 'error'}
          onSaved={reload}
          onDirtyChange={setDirty}
        />
      )}
      <VersionHistory campaign={campaign} />
    </>
  );
}
