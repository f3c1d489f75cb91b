import type { FastifyRequest } from 'fastify';
import { RequestProblem } from '../errors.js';
import type { CampaignRepository, CampaignWithVersions } from '../store/campaign-repository.js';

/** Who may call: an API key, or a console session (the cookie). For the OpenAPI document. */
export const SECURITY: { [scheme: string]: string[] }[] = [{ bearer: [] }, { session: [] }];

/** Whether the caller may see this jurisdiction's data (partner reviewers see only their own). */
export function canSee(request: FastifyRequest, jurisdiction: string): boolean {
  const restricted = request.principal?.jurisdiction ?? null;
  return restricted === null || restricted === jurisdiction;
}

/**
 * Throws not found for what the caller may not see: a reviewer of one jurisdiction learns nothing,
 * not even that another jurisdiction's campaign exists.
 */
export function requireVisible(
  request: FastifyRequest,
  jurisdiction: string,
  field: string,
  what: string,
): void {
  if (!canSee(request, jurisdiction)) throw RequestProblem.notFound(field, `no ${what}`);
}

/**
 * The campaign named by `params/id`, or not found when it does not exist or the caller may not see
 * it (a reviewer of another jurisdiction); the one check every campaign route makes first.
 */
export async function visibleCampaign(
  campaigns: Pick<CampaignRepository, 'getCampaign'>,
  request: FastifyRequest,
  id: string,
): Promise<CampaignWithVersions> {
  const campaign = await campaigns.getCampaign(id);
  if (!campaign) throw RequestProblem.notFound('params/id', `no campaign ${id}`);
  requireVisible(request, campaign.jurisdiction, 'params/id', `campaign ${id}`);
  return campaign;
}
