import type { QuizQuestion } from '../model.js';
import type { GeneratorContext, QuestionGenerator } from './model.js';
import { letterOptions, optionTexts } from './options.js';

/**
 * Questions written by hand beside the generated ones, for tricks the registry cannot produce: a QR
 * code that hides the link, "support" that messages first, a "police officer" on a video call. Only
 * the brand and the jurisdiction's hotline and checker are filled in.
 */
export const handWrittenQuestions: QuestionGenerator = {
  generate(context: GeneratorContext): QuizQuestion[] {
    const texts = (build: (locale: (typeof context.locales)[number]) => object) =>
      Object.fromEntries(context.locales.map((locale) => [locale, build(locale)])) as QuizQuestion['text'];
    const qr = letterOptions('hand.qr-reverify', [
      { value: 'yes', correct: false },
      { value: 'no', correct: true },
    ]);
    const support = letterOptions('hand.support-first', [
      { value: 'yes', correct: false },
      { value: 'no', correct: true },
    ]);
    const officer = letterOptions('hand.supervised-account', [
      { value: 'comply', correct: false },
      { value: 'callBack', correct: false },
      { value: 'hangUp', correct: true },
    ]);
    return [
      {
        id: 'hand.qr-reverify',
        kind: 'message',
        trick: 'fake_message',
        origin: 'hand_written',
        optionIds: qr.optionIds,
        correct: qr.correct,
        text: texts((locale) => {
          const s = context.strings(locale);
          return {
            prompt: s.messageQuestion(s.channels.email, context.brand),
            channel: s.channels.email,
            body: s.handWritten.qr.body(context.brand),
            options: optionTexts(qr.byId, (v) => (v === 'yes' ? s.messageYes(context.brand) : s.messageNo)),
            explanation: `${s.handWritten.qr.explanation} ${s.check(context.help(locale))}`,
            trickLabel: s.tricks.fake_message,
          };
        }),
      },
      {
        id: 'hand.support-first',
        kind: 'official_account',
        trick: 'fake_account',
        origin: 'hand_written',
        optionIds: support.optionIds,
        correct: support.correct,
        text: texts((locale) => {
          const s = context.strings(locale).handWritten.support;
          return {
            prompt: s.prompt(context.brand),
            options: optionTexts(support.byId, (v) => (v === 'yes' ? s.yes : s.no)),
            explanation: `${s.explanation} ${context.strings(locale).check(context.help(locale))}`,
            trickLabel: context.strings(locale).tricks.fake_account,
          };
        }),
      },
      {
        id: 'hand.supervised-account',
        kind: 'phone_call',
        trick: 'phone_call',
        origin: 'hand_written',
        optionIds: officer.optionIds,
        correct: officer.correct,
        text: texts((locale) => {
          const strings = context.strings(locale);
          const s = strings.handWritten.officer;
          const { hotline } = context.help(locale);
          return {
            prompt: s.prompt(context.brand),
            options: optionTexts(officer.byId, (v) =>
              v === 'comply' ? s.comply : v === 'callBack' ? s.callBack : s.hangUp(hotline),
            ),
            explanation: s.explanation(hotline),
            trickLabel: strings.tricks.phone_call,
          };
        }),
      },
    ];
  },
};
