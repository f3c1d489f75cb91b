import type { GeneratorContext, QuestionGenerator } from './model.js';
import { letterOptions, optionTexts } from './options.js';

/**
 * "Someone calls from the exchange": the answer is the campaign's own never-call notice, and the
 * number to call instead is the jurisdiction's hotline from the same campaign.
 */
export const phoneCallQuestions: QuestionGenerator = {
  generate(context: GeneratorContext) {
    const id = 'call.safe-wallet';
    const { optionIds, correct, byId } = letterOptions<'comply' | 'code' | 'hangup'>(id, [
      { value: 'comply', correct: false },
      { value: 'code', correct: false },
      { value: 'hangup', correct: true },
    ]);
    return [
      {
        id,
        kind: 'phone_call',
        trick: 'phone_call',
        origin: 'generated',
        optionIds,
        correct,
        text: Object.fromEntries(
          context.locales.map((locale) => {
            const strings = context.strings(locale);
            const help = context.help(locale);
            const neverCall = context.content(locale)?.neverCallNotice ?? '';
            return [
              locale,
              {
                prompt: strings.callQuestion,
                body: strings.callScript(context.brand),
                options: optionTexts(byId, (v) =>
                  v === 'comply'
                    ? strings.callComply
                    : v === 'code'
                      ? strings.callCode
                      : strings.callHangUp(help.hotline),
                ),
                explanation: [strings.callExplanation(neverCall), strings.check(help)]
                  .join(' ')
                  .replace(/\s+/g, ' '),
                trickLabel: strings.tricks.phone_call,
              },
            ];
          }),
        ),
      },
    ];
  },
};
