import type { CampaignSpec, LocalizedContent, Variant } from '../types.js';

/**
 * The form keeps what the user typed, blank lines and empty optional fields included, so typing
 * never jumps; what is sent drops those, as the schema has no empty strings. Required fields are
 * sent as typed, so an empty one is reported by the server against that field.
 */
export function cleanSpec(spec: CampaignSpec): CampaignSpec {
  const content: Record<string, LocalizedContent> = {};
  for (const [locale, c] of Object.entries(spec.content)) content[locale] = cleanContent(c);
  return {
    ...spec,
    targeting: dropBlank(spec.targeting, Object.keys(spec.targeting)),
    experiment: { ...spec.experiment, variants: spec.experiment.variants.map(cleanVariant) },
    content,
  };
}

function cleanContent(c: LocalizedContent): LocalizedContent {
  return dropBlank(
    {
      ...c,
      tips: lines(c.tips),
      commonScams: c.commonScams.map((s) => ({ ...s, redFlags: lines(s.redFlags) })),
      resources: c.resources.map((r) => dropBlank(r, ['url', 'phone'])),
      contacts: c.contacts.map((x) => dropBlank(x, ['phone', 'url', 'email', 'hours'])),
      statistics: c.statistics.map((s) => dropBlank(s, ['sourceUrl'])),
    },
    ['acknowledgeLabel', 'cancelLabel'],
  );
}

/** An override left empty means "use the campaign's own text": it is not sent at all. */
function cleanVariant(variant: Variant): Variant {
  const overrides: NonNullable<Variant['overrides']> = {};
  for (const [locale, override] of Object.entries(variant.overrides ?? {})) {
    const kept = dropBlank(override, ['title', 'body']);
    if (Object.keys(kept).length > 0) overrides[locale] = kept;
  }
  const { overrides: _dropped, ...rest } = variant;
  return Object.keys(overrides).length > 0 ? { ...rest, overrides } : rest;
}

function lines(list: string[]): string[] {
  return list.map((line) => line.trim()).filter((line) => line !== '');
}

/** Removes the named optional fields when left blank ('' or an unparseable number). */
function dropBlank<T extends object>(value: T, optional: string[]): T {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    const blank = field === undefined || field === '' || (typeof field === 'number' && Number.isNaN(field));
    if (blank && optional.includes(key)) continue;
    out[key] = field;
  }
  return out as T;
}

/** The text of a one-per-line textarea as a list; kept unfiltered while editing (see cleanSpec). */
export const splitLines = (text: string) => text.split('\n');
