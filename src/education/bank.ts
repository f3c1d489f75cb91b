import type { Jurisdiction } from '../campaigns/model.js';
import type { LocalizedContent } from '../campaigns/spec.js';
import { normalizeDomain } from '../intelligence/identifiers/domain.js';
import type { LookalikeDetector } from '../intelligence/lookalike.js';
import type { OfficialRegistry } from '../intelligence/official-channels.js';
import { campaignLocaleFor } from './content-locale.js';
import { handWrittenQuestions } from './generators/hand-written.js';
import { messageQuestions } from './generators/message.js';
import type { GeneratorContext, QuestionGenerator } from './generators/model.js';
import { officialAccountQuestions } from './generators/official-account.js';
import { phoneCallQuestions } from './generators/phone-call.js';
import { realSiteQuestions } from './generators/real-site.js';
import { localHelp } from './local-help.js';
import type { OfficialSite } from './lookalikes/index.js';
import { QUIZ_LOCALES, type QuizLocale, type QuizOffer, type QuizSpec } from './model.js';
import { QUIZ_STRINGS } from './strings/index.js';

/** Every generator, hand-written questions last; each family in its own file under generators/. */
const GENERATORS: readonly QuestionGenerator[] = [
  realSiteQuestions,
  messageQuestions,
  officialAccountQuestions,
  phoneCallQuestions,
  handWrittenQuestions,
];

export const DEFAULT_DRAW_SIZE = 8;

/** What caveat knows at the moment a draft is generated. */
export interface QuizKnowledge {
  jurisdiction: Jurisdiction;
  registry: OfficialRegistry;
  detector: LookalikeDetector;
  /** The jurisdiction's live campaign, whose scams, resources and never-call notice are quoted. */
  campaign: { id: string; version: number; content: Record<string, LocalizedContent> } | null;
  offer?: QuizOffer;
}

export type GenerateResult = { ok: true; spec: QuizSpec } | { ok: false; field: string; reason: string };

// Demo brands are registered as "[Demo] Binance"; people read the name without the marker.
const DEMO_MARKER = /^\[Demo\]\s*/;

/** A quiz bank for one jurisdiction from the official-channel registry and its published campaign. */
export function generateQuizSpec(knowledge: QuizKnowledge): GenerateResult {
  const { registry, detector, campaign, jurisdiction } = knowledge;
  const brand = mainBrand(registry);
  if (!brand) return { ok: false, field: 'registry', reason: 'no official domain is registered to quiz on' };
  const brandName = brand.replace(DEMO_MARKER, '');
  const sites: OfficialSite[] = registry
    .officialDomains()
    .filter((d) => d.brand === brand)
    .map((d) => ({
      brand: brandName,
      registrable: d.registrable,
      label: d.label,
      suffix: d.registrable.slice(d.label.length + 1),
    }));
  const available = campaign ? Object.keys(campaign.content) : [];
  const content = (locale: QuizLocale): LocalizedContent | null => {
    const tag = campaign && campaignLocaleFor(locale, available, jurisdiction.defaultLocale);
    return (tag && campaign?.content[tag]) || null;
  };
  const context: GeneratorContext = {
    brand: brandName,
    sites,
    handles: registry.officialHandles().filter((h) => h.brand === brand),
    detector,
    isOfficialHost: (ascii) => {
      const domain = normalizeDomain(ascii);
      return domain.ok && registry.match(domain) !== undefined;
    },
    locales: QUIZ_LOCALES,
    strings: (locale) => QUIZ_STRINGS[locale],
    content,
    help: (locale) => localHelp(content(locale)),
  };
  const questions = GENERATORS.flatMap((generator) => generator.generate(context));
  const demo = DEMO_MARKER.test(brand);
  return {
    ok: true,
    spec: {
      jurisdiction: jurisdiction.code,
      brand: brandName,
      demo,
      title: Object.fromEntries(
        QUIZ_LOCALES.map((l) => [l, `${demo ? '[Demo] ' : ''}${QUIZ_STRINGS[l].title(brandName)}`]),
      ),
      drawSize: Math.min(DEFAULT_DRAW_SIZE, questions.length),
      questions,
      basedOn: campaign ? { campaignId: campaign.id, version: campaign.version } : null,
      ...(knowledge.offer ? { offer: knowledge.offer } : {}),
    },
  };
}

/** The brand with the most official channels (the exchange itself), ties by name. */
function mainBrand(registry: OfficialRegistry): string | undefined {
  const withDomain = new Set(registry.officialDomains().map((d) => d.brand));
  const counts = new Map<string, number>();
  for (const channel of registry.channels)
    if (withDomain.has(channel.brand)) counts.set(channel.brand, (counts.get(channel.brand) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}
