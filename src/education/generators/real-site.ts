import { techniqueOf } from '../../intelligence/lookalike-reason.js';
import {
  DETECTOR_TECHNIQUE,
  LOOKALIKE_MAKERS,
  type LookalikeSite,
  type OfficialSite,
} from '../lookalikes/index.js';
import type { QuizQuestion } from '../model.js';
import type { GeneratorContext, QuestionGenerator } from './model.js';
import { letterOptions, optionTexts, slug } from './options.js';

const FAKES_PER_QUESTION = 2;

/**
 * "Which is the real site?": an official domain against two lookalikes made by one trick. A
 * candidate is used only when the detector flags it and names the same trick, so the quiz never
 * teaches a lookalike caveat itself would let through, nor calls it by another name.
 */
export const realSiteQuestions: QuestionGenerator = {
  generate(context) {
    const questions: QuizQuestion[] = [];
    for (const official of context.sites) {
      for (const maker of LOOKALIKE_MAKERS) {
        const fakes = maker
          .make(official)
          .filter((fake) => flaggedAs(context, fake, DETECTOR_TECHNIQUE[maker.trick]))
          .slice(0, FAKES_PER_QUESTION);
        if (fakes.length === 0) continue;
        const id = `site.${maker.trick.replace(/_/g, '-')}.${slug(official.registrable)}`;
        const { optionIds, correct, byId } = letterOptions<{ shown: string; fake?: LookalikeSite }>(id, [
          { value: { shown: official.registrable }, correct: true },
          ...fakes.map((fake) => ({ value: { shown: fake.shown, fake }, correct: false })),
        ]);
        questions.push({
          id,
          kind: 'real_site',
          trick: maker.trick,
          origin: 'generated',
          optionIds,
          correct,
          optionValues: optionTexts(byId, (v) => v.fake?.ascii ?? v.shown),
          text: Object.fromEntries(
            context.locales.map((locale) => {
              const strings = context.strings(locale);
              const explain = strings.siteExplanation[maker.trick];
              const [first, ...others] = fakes;
              const sentences = [
                ...(first ? [explain(facts(context.brand, official, first))] : []),
                ...others.map((fake) =>
                  strings.sameTrick(fake.shown, fake.ascii !== fake.shown ? fake.ascii : null),
                ),
              ];
              return [
                locale,
                {
                  prompt: strings.siteQuestion(context.brand),
                  options: optionTexts(byId, (v) => v.shown),
                  explanation: [
                    ...sentences,
                    strings.theRealSite(official.registrable),
                    strings.check(context.help(locale)),
                  ].join(' '),
                  trickLabel: strings.tricks[maker.trick],
                },
              ];
            }),
          ),
        });
      }
    }
    return questions;
  },
};

function flaggedAs(context: GeneratorContext, fake: LookalikeSite, technique: string): boolean {
  if (context.isOfficialHost(fake.ascii)) return false;
  const finding = context.detector.checkHostname(fake.ascii);
  return finding !== undefined && techniqueOf(finding) === technique;
}

function facts(brand: string, official: OfficialSite, fake: LookalikeSite) {
  return {
    brand,
    official: official.registrable,
    fake: fake.shown,
    ascii: fake.ascii,
    ...(fake.site ? { site: fake.site } : {}),
    ...(fake.tld ? { tld: fake.tld } : {}),
    ...(fake.platform ? { platform: fake.platform } : {}),
  };
}
