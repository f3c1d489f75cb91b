import type { DirectoryEntry } from './directory.js';
import { REF_FIELDS, REF_SECTIONS, type RefSection } from './directory-refs.js';
import type { Jurisdiction } from './model.js';
import { checkPresentations, checkQuestions } from './question-rules.js';
import type { CampaignSpec } from './spec.js';

export interface SpecProblem {
  /** JSON pointer into the spec, e.g. /content/zh-Hant/resources/1/url */
  field: string;
  message: string;
}

/**
 * Rules a schema cannot express; an empty list means the spec may be saved and published. The
 * directory is the jurisdiction's (refs are checked against it; none given refuses every ref).
 */
export function checkSpecRules(
  spec: CampaignSpec,
  jurisdiction: Jurisdiction,
  directory: readonly DirectoryEntry[] = [],
): SpecProblem[] {
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
      if (!resource.ref && !resource.url && !resource.phone)
        problems.push({ field, message: 'needs a url or a phone number' });
      if (!resource.ref && resource.checkBeforeSend === undefined) {
        problems.push({
          field: `${field}/checkBeforeSend`,
          message: `Resource ${index + 1}: say whether it is a place to check before sending`,
        });
      }
      if (ids.has(resource.id))
        problems.push({ field: `${field}/id`, message: `duplicate resource id ${resource.id}` });
      ids.add(resource.id);
    });
    content.statistics.forEach((statistic, index) => {
      if (statistic.ref) return;
      const field = `/content/${locale}/statistics/${index}`;
      if (statistic.value === undefined) {
        problems.push({
          field: `${field}/value`,
          message: `Statistic ${index + 1} needs a value, or a directory entry that gives it`,
        });
      }
      if (statistic.year === undefined)
        problems.push({ field: `${field}/year`, message: `Statistic ${index + 1} needs the year it counts` });
    });
    problems.push(...checkRefs(locale, content, jurisdiction, directory));
  }
  problems.push(...checkQuestions(spec), ...checkPresentations(spec));
  return problems;
}

const ITEM_NAMES: Record<RefSection, string> = {
  resources: 'Resource',
  contacts: 'Contact',
  statistics: 'Statistic',
};
const FIELD_NAMES: Record<string, string> = {
  url: 'link',
  phone: 'phone number',
  checkBeforeSend: '"check before you send" mark',
  email: 'email address',
  hours: 'hours',
  value: 'value',
  year: 'year',
  sourceUrl: 'source link',
};

/**
 * An item names a directory entry of its kind that exists, and then gives none of the facts the
 * entry holds: one way to say a number, so a number changed in the directory changes everywhere.
 */
function checkRefs(
  locale: string,
  content: CampaignSpec['content'][string],
  jurisdiction: Jurisdiction,
  directory: readonly DirectoryEntry[],
): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const byKey = new Map(directory.map((entry) => [entry.key, entry]));
  for (const section of Object.keys(REF_SECTIONS) as RefSection[]) {
    const kind = REF_SECTIONS[section];
    (content[section] as { ref?: string }[]).forEach((item, index) => {
      if (!item.ref) return;
      const field = `/content/${locale}/${section}/${index}`;
      const label = `${ITEM_NAMES[section]} ${index + 1}`;
      const entry = byKey.get(item.ref);
      if (!entry) {
        problems.push({
          field: `${field}/ref`,
          message: `${label} refers to "${item.ref}", which is not in the directory of ${jurisdiction.name}`,
        });
      } else if (entry.kind !== kind) {
        problems.push({
          field: `${field}/ref`,
          message: `${label} refers to "${item.ref}", which is a ${entry.kind} in the directory, not a ${kind}`,
        });
      }
      for (const literal of REF_FIELDS[section]) {
        if ((item as Record<string, unknown>)[literal] === undefined) continue;
        problems.push({
          field: `${field}/${literal}`,
          message: `${label} takes its ${FIELD_NAMES[literal] ?? literal} from the directory entry "${item.ref}": leave this out, or remove the directory entry to give one here`,
        });
      }
    });
  }
  return problems;
}
