import { nativeLocaleName } from '../../../campaigns/locale-names.js';

/** A locale as a reviewer reads it: its own name ("繁體中文", "English"), the tag when unknown. */
export function localeLabel(tag: string): string {
  const name = nativeLocaleName(tag);
  return name === tag ? tag : name;
}

/** "user:reviewer@…" → "reviewer@…": the actor as a person reads it. */
export function actorLabel(actor: string | null): string {
  if (!actor) return '—';
  return actor.replace(/^(user|key|seed):/, '');
}
