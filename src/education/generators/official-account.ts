import type { QuizQuestion } from '../model.js';
import type { QuestionGenerator } from './model.js';
import { letterOptions, optionTexts } from './options.js';

const PLATFORM_NAMES: Record<string, string> = {
  x: 'X',
  telegram: 'Telegram',
  instagram: 'Instagram',
  facebook: 'Facebook',
  youtube: 'YouTube',
  tiktok: 'TikTok',
  whatsapp: 'WhatsApp',
  discord: 'Discord',
  linkedin: 'LinkedIn',
  wechat: 'WeChat',
  line: 'LINE',
};

/** Handles made the ways impostors make them: an extra word, a letter drawn alike, a doubled letter. */
function impostors(handle: string): string[] {
  const middle = Math.max(1, Math.floor(handle.length / 2));
  return [
    `${handle}_support`,
    handle.replace(/i/, 'l').replace(/^(?!.*l)(.*?)o/, '$10'),
    handle.slice(0, middle) + handle.charAt(middle) + handle.slice(middle),
    `${handle}help`,
  ].filter((candidate, index, all) => candidate !== handle && all.indexOf(candidate) === index);
}

/** "Which is the official account?": the registry's handle against two the detector flags. */
export const officialAccountQuestions: QuestionGenerator = {
  generate(context) {
    const questions: QuizQuestion[] = [];
    for (const { platform, handle } of context.handles) {
      const fakes = impostors(handle)
        .filter((fake) => context.detector.checkHandle(platform, fake) !== undefined)
        .slice(0, 2);
      if (fakes.length === 0) continue;
      const id = `account.${platform}.${handle.replace(/[^a-z0-9]/g, '-')}`;
      const { optionIds, correct, byId } = letterOptions(id, [
        { value: handle, correct: true },
        ...fakes.map((fake) => ({ value: fake, correct: false })),
      ]);
      const platformName = PLATFORM_NAMES[platform] ?? platform;
      const officialSite = context.sites[0]?.registrable ?? context.brand;
      questions.push({
        id,
        kind: 'official_account',
        trick: 'fake_account',
        origin: 'generated',
        optionIds,
        correct,
        optionValues: optionTexts(byId, (h) => `${platform}:@${h}`),
        text: Object.fromEntries(
          context.locales.map((locale) => {
            const strings = context.strings(locale);
            return [
              locale,
              {
                prompt: strings.accountQuestion(context.brand, platformName),
                options: optionTexts(byId, (h) => `@${h}`),
                explanation: [
                  strings.accountExplanation(
                    `@${handle}`,
                    fakes.map((f) => `@${f}`),
                    officialSite,
                  ),
                  strings.check(context.help(locale)),
                ].join(' '),
                trickLabel: strings.tricks.fake_account,
              },
            ];
          }),
        ),
      });
    }
    return questions;
  },
};
