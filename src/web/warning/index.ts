import { CaveatWarning } from './caveat-warning.js';

// Defining twice throws; a page that loads the script twice (two widgets, a re-render) must not break.
if (!customElements.get('caveat-warning')) customElements.define('caveat-warning', CaveatWarning);

export { CaveatWarning };
export type { WarningDecision, WarningContent, ReactionEvent, ReactionType } from './decision.js';
export type { DeliveryFailure } from './event-outbox.js';
