import type { Jurisdiction } from './model.js';
import { checkPresentations, checkQuestions } from './question-rules.js';
import type { CampaignSpec } from './spec.js';

export interface SpecProblem {
  /** JSON pointer into the spec, e.g. /content/zh-Hant/resources/1/url */
  field: string;
  message: string;
}

/** Rules a schema cannot express; an empty list means the spec may be saved and published. */
export function checkSpecRules(spec: CampaignSpec, jurisdiction: Jurisdiction): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const { targeting, experiment } = spec;
  if (
    targeting.minAmountUsd !== undefined &&
    targeting.maxAmountUsd !== undefined &&
    targeting.minAmountUsd >= targeting.maxAmountUsd
  ) {
    problems.push({ field: '/targeting/maxAmountUsd', message: 'must be greater than minAmountUsd' });
  }
  const variantKeys = new Set<string>();
  experiment.variants.forEach((variant, index) => {
    if (variantKeys.has(variant.key)) {
      problems.push({
        field: `/experiment/variants/${index}/key`,
        message: `duplicate variant key ${variant.key}`,
      });
    }
    variantKeys.add(variant.key);
    for (const locale of Object.keys(variant.overrides ?? {})) {
      if (!spec.content[locale]) {
        problems.push({
          field: `/experiment/variants/${index}/overrides/${locale}`,
          message: `no content for locale ${locale}`,
        });
      }
    }
  });
  const locales = Object.keys(spec.content);
  if (locales.length === 0)
    problems.push({ field: '/content', message: 'needs content in at least one locale' });
  if (!spec.content[jurisdiction.defaultLocale]) {
    problems.push({
      field: '/content',
      message: `needs content in the jurisdiction's default locale ${jurisdiction.defaultLocale}`,
    });
  }
  for (const [locale, content] of Object.entries(spec.content)) {
    const ids = new Set<string>();
    content.resources.forEach((resource, index) => {
      const field = `/content/${locale}/resources/${index}`;
      if (!resource.url && !resource.phone)
        problems.push({ field, message: 'needs a url or a phone number' });
      if (ids.has(resource.id))
        problems.push({ field: `${field}/id`, message: `duplicate resource id ${resource.id}` });
      ids.add(resource.id);
    });
  }
  problems.push(...checkQuestions(spec), ...checkPresentations(spec));
  return problems;
}
