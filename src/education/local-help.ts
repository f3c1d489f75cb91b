import type { LocalizedContent } from '../campaigns/spec.js';
import type { LocalHelp } from './strings/index.js';

/**
 * What the explanations point people to, from the jurisdiction's own published campaign: the first
 * place to check before sending (Scameter) and the first number to call (18222). Nothing is made
 * up when the campaign names neither; the sentence then says to open the official app.
 */
export function localHelp(content: LocalizedContent | null): LocalHelp {
  if (!content) return { checker: null, hotline: null };
  const checks = content.resources.filter((r) => r.checkBeforeSend);
  const checker = checks.find((r) => r.url)?.name ?? null;
  const hotline = checks.find((r) => r.phone)?.phone ?? content.contacts.find((c) => c.phone)?.phone ?? null;
  return { checker, hotline };
}
