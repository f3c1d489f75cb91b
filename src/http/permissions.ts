import type { ApiKeyScope } from '../store/api-key-repository.js';
import type { ConsoleRole } from '../store/console-user-repository.js';

/**
 * What a route needs. API keys carry scopes, console users a role; both are turned into the same
 * permissions here, so a route names one permission whoever calls it.
 */
export type Permission =
  | ApiKeyScope
  | 'admin.read'
  | 'campaigns.read'
  | 'campaigns.edit'
  | 'campaigns.review'
  | 'reports.triage'
  // Reading, never triaging, the scam reports of one's own jurisdiction when the exchange shares them.
  | 'reports.shared'
  // Answering police requests; overriding an agency's data-sharing policy is a named admin's act.
  | 'police.respond'
  | 'police.override'
  // Releasing a withdrawal held on the friction ladder, after talking to the user (audited).
  | 'decisions.release'
  // Ending one's own console session: every role, whatever else it may do.
  | 'session.end'
  // Setting up one's own authenticator-app second factor: every role.
  | 'account.totp';

const API_KEY_GRANTS: Record<ApiKeyScope, readonly Permission[]> = {
  admin: [
    'admin',
    'admin.read',
    'campaigns.read',
    'campaigns.edit',
    'reports.triage',
    'police.respond',
    'decisions.release',
  ],
  screening: ['screening'],
  events: ['events'],
  reports: ['reports'],
  lookup: ['lookup'],
  partner: ['partner'],
  // Filing scam reports on a user's behalf (exchange backends, support tools); not triaging them.
  scam_reports: ['scam_reports'],
};

// Approving a draft is a person's act on behalf of a partner: no API key can do it. An admin
// approves only campaigns without a partner, as the second person four-eyes asks for.
const ROLE_GRANTS: Record<ConsoleRole, readonly Permission[]> = {
  admin: [
    'admin',
    'admin.read',
    'campaigns.read',
    'campaigns.edit',
    'campaigns.review',
    'reports',
    'lookup',
    'reports.triage',
    'police.respond',
    'police.override',
    'decisions.release',
  ],
  analyst: ['admin.read', 'campaigns.read', 'reports', 'lookup', 'reports.triage', 'decisions.release'],
  partner_reviewer: ['campaigns.read', 'campaigns.edit', 'campaigns.review', 'reports', 'reports.shared'],
  le_responder: ['police.respond', 'lookup'],
};

// Administration spans every jurisdiction (keys, users, partners): a key bound to one partner, which
// sees only that partner's jurisdiction, never administers (it could mint itself an unbound key).
const UNBOUND_ONLY: ReadonlySet<Permission> = new Set(['admin', 'admin.read']);

export function apiKeyPermissions(
  scopes: readonly ApiKeyScope[],
  partnerBound = false,
): ReadonlySet<Permission> {
  const granted = scopes.flatMap((scope) => API_KEY_GRANTS[scope]);
  return new Set(partnerBound ? granted.filter((p) => !UNBOUND_ONLY.has(p)) : granted);
}

export function rolePermissions(role: ConsoleRole): ReadonlySet<Permission> {
  return new Set<Permission>([...ROLE_GRANTS[role], 'session.end', 'account.totp']);
}

/** What an admin who must still enrol a second factor may do: enrol it, or sign out. */
export function enrolOnlyPermissions(): ReadonlySet<Permission> {
  return new Set<Permission>(['session.end', 'account.totp']);
}
