import type { CommonScam } from '../../campaigns/spec.js';
import type { Channel, MessageCategory } from '../strings/index.js';

// Words the published scams are named with in the campaigns' languages; the first match wins.
const PATTERNS: [MessageCategory, RegExp][] = [
  ['romance', /romance|romantic|dating|情緣|交友|戀|恋|romântic|amoros/i],
  ['investment', /invest|投資|投资|獲利|获利|investimento/i],
  [
    'impersonation',
    /impersonat|support|official|police|prosecut|冒充|假冒|檢警|检警|官員|官员|客服|agentes|autoridade/i,
  ],
];

/** Which kind of scam message a published common scam reads as; the campaign names them freely. */
export function messageCategory(scams: readonly CommonScam[]): MessageCategory {
  const text = scams.map((s) => `${s.name} ${s.howItWorks}`).join(' ');
  return PATTERNS.find(([, pattern]) => pattern.test(text))?.[0] ?? 'generic';
}

/** How each kind of scam usually arrives. */
export const CHANNEL_OF: Record<MessageCategory, Channel> = {
  impersonation: 'sms',
  investment: 'dm',
  romance: 'dm',
  generic: 'email',
};
