import { useState } from 'react';
import { detachDirectoryValues } from '../../../campaigns/directory-refs.js';
import { api } from '../api.js';
import { ErrorAlert } from '../components/problems.js';
import { useResource } from '../hooks.js';
import { useUser } from '../session.js';
import type { Jurisdiction } from '../types.js';
import { canEditDrafts, draftOf, latestPublished } from './campaign-model.js';
import { useCampaign } from './campaign-page.js';
import { DirectoryChangesNotice } from './directory-changes.js';
import { DraftWorkspace } from './draft-workspace.js';
import { ReviewPanel } from './review-panel.js';
import { VersionHistory } from './version-history.js';

export function DraftReviewTab() {
  const { campaign, reload } = useCampaign();
  const user = useUser();
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

  const startDraft = async () => {
    if (!published) return;
    setStarting(true);
    setStartError(null);
    try {
      await api.put(`/v1/admin/campaigns/${encodeURIComponent(campaign.id)}/draft`, {
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

  return (
    <>
      <DirectoryChangesNotice campaignId={campaign.id} />
      {!draft && (
        <div className="panel">
          <p>
            There is no draft.
            {published ? ` Below is version ${published.version}, the latest published version.` : ''}
          </p>
          {published && canEditDrafts(user.role) && campaign.retiredAt === null && (
            <button type="button" className="button-primary" disabled={starting} onClick={startDraft}>
              Start a new draft
            </button>
          )}
          <ErrorAlert error={startError} title="The draft was not started." />
        </div>
      )}
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
      <ReviewPanel campaign={campaign} reload={reload} dirty={dirty} />
      <VersionHistory campaign={campaign} />
    </>
  );
}
