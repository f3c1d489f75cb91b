import { resolveLocale, type LocalePolicy } from './locale-fallback.js';
import type { CampaignSpec, LocalizedContent } from './spec.js';

export interface RenderedContent extends LocalizedContent {
  /** The locale whose text this is, after fallback. */
  locale: string;
}

/** The localized warning for one request, with the variant's message applied. */
export function renderContent(
  spec: CampaignSpec,
  requestedLocale: string,
  /** The jurisdiction (its default locale and fallback chain), or just its default locale. */
  jurisdiction: string | LocalePolicy,
  variant: string | null,
): RenderedContent | undefined {
  const locale = resolveLocale(requestedLocale, Object.keys(spec.content), jurisdiction);
  return locale ? renderResolved(spec, locale, variant) : undefined;
}

// Published specs never change, so each (locale, variant) of a spec renders once: the hot path then
// hands out the same frozen object, which the HTTP layer serializes once too. Bounded by the spec's
// own locales × variants; a spec no longer referenced takes its renderings with it.
const rendered = new WeakMap<CampaignSpec, Map<string, RenderedContent | undefined>>();

/** The content for a locale already resolved (e.g. re-rendering a recorded decision). */
export function renderResolved(
  spec: CampaignSpec,
  locale: string,
  variant: string | null,
): RenderedContent | undefined {
  let bySpec = rendered.get(spec);
  if (!bySpec) rendered.set(spec, (bySpec = new Map()));
  const key = `${locale}\u0000${variant ?? ''}`;
  if (bySpec.has(key)) return bySpec.get(key);
  const content = render(spec, locale, variant);
  bySpec.set(key, content ? Object.freeze(content) : undefined);
  return content;
}

function render(spec: CampaignSpec, locale: string, variant: string | null): RenderedContent | undefined {
  const base = spec.content[locale];
  if (!base) return undefined;
  const override = spec.experiment.variants.find((candidate) => candidate.key === variant)?.overrides?.[
    locale
  ];
  return {
    ...base,
    ...(override?.title ? { title: override.title } : {}),
    ...(override?.body ? { body: override.body } : {}),
    locale,
  };
}
