import type { CommonScam } from '../../campaigns/spec.js';
import { brandInFront } from '../lookalikes/brand-in-front.js';
import type { QuizLocale, QuizQuestion } from '../model.js';
import { CHANNEL_OF, messageCategory } from './message-category.js';
import type { QuestionGenerator } from './model.js';
import { letterOptions, optionTexts } from './options.js';

/**
 * "Is this message from the exchange?": one message per common scam of the jurisdiction's
 * published campaign, worded as that kind of scam arrives (an SMS about a frozen account, a DM
 * with guaranteed returns), with a lookalike link the detector flags. The explanation quotes the
 * campaign's own name, description and red flags for the scam, in the reader's language.
 */
export const messageQuestions: QuestionGenerator = {
  generate(context) {
    const main = context.sites[0];
    if (!main) return [];
    const scamsIn = (locale: QuizLocale): readonly CommonScam[] => context.content(locale)?.commonScams ?? [];
    const count = Math.max(0, ...context.locales.map((l) => scamsIn(l).length));
    const links = brandInFront.make(main).filter((link) => context.detector.checkHostname(link.ascii));
    const questions: QuizQuestion[] = [];
    for (let index = 0; index < count; index += 1) {
      const same = context.locales.flatMap((l) => scamsIn(l)[index] ?? []);
      const category = messageCategory(same);
      const channel = CHANNEL_OF[category];
      const link = `https://${links[index % Math.max(1, links.length)]?.shown ?? main.registrable + '.account-verify.top'}/`;
      const id = `message.${category}.${index + 1}`;
      const { optionIds, correct, byId } = letterOptions(id, [
        { value: 'yes', correct: false },
        { value: 'no', correct: true },
      ]);
      questions.push({
        id,
        kind: 'message',
        trick: 'fake_message',
        origin: 'generated',
        optionIds,
        correct,
        text: Object.fromEntries(
          context.locales.flatMap((locale) => {
            const scam = scamsIn(locale)[index] ?? same[0];
            if (!scam) return [];
            const strings = context.strings(locale);
            const channelName = strings.channels[channel];
            return [
              [
                locale,
                {
                  prompt: strings.messageQuestion(channelName, context.brand),
                  channel: channelName,
                  body: strings.messages[category](context.brand, link),
                  options: optionTexts(byId, (v) =>
                    v === 'yes' ? strings.messageYes(context.brand) : strings.messageNo,
                  ),
                  explanation: [
                    strings.messageExplanation(scam.name, scam.howItWorks, scam.redFlags),
                    strings.check(context.help(locale)),
                  ].join(' '),
                  trickLabel: strings.tricks.fake_message,
                },
              ],
            ];
          }),
        ),
      });
    }
    return questions;
  },
};
