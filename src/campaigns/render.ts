import { resolveLocale, type LocalePolicy } from './locale-fallback.js';
import type { CampaignSpec, LocalizedContent, Resource, Statistic } from './spec.js';

/** What a user is shown: every item with its facts, whether typed in or from the directory. */
export type RenderedResource = Resource & { checkBeforeSend: boolean };
export type RenderedStatistic = Statistic & { value: string; year: number };

/**
 * Rendered from a spec whose directory refs are resolved: published versions are resolved when
 * published, and a draft's preview resolves it first (resolveDirectoryRefs in directory-refs.ts).
 */
export interface RenderedContent extends Omit<LocalizedContent, 'resources' | 'statistics'> {
  resources: RenderedResource[];
  statistics: RenderedStatistic[];
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
    resources: base.resources.map((resource) => ({
      ...resource,
      checkBeforeSend: resource.checkBeforeSend ?? false,
    })),
    // A statistic without its value (an unresolved ref, which the spec rules refuse) is not shown.
    statistics: base.statistics.filter(
      (statistic): statistic is RenderedStatistic =>
        statistic.value !== undefined && statistic.year !== undefined,
    ),
    ...(override?.title ? { title: override.title } : {}),
    ...(override?.body ? { body: override.body } : {}),
    locale,
  };
}
