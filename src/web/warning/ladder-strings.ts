import type { ChromeLocale } from './chrome-strings.js';

/** The element's words for the questions and the ladder, in the warning's language. */
export interface LadderStrings {
  questionsTitle: string;
  questionsIntro: string;
  answerFirst: string;
  tailoredTitle: string;
  /** A cooling-off hold: the time it ends, as the user's clock shows it. */
  coolingOff: (until: string) => string;
  /** The same, before the server said until when (offline, or the console's preview). */
  coolingOffPending: string;
  review: string;
  held: string;
  talkToUs: (name: string) => string;
}

const en: LadderStrings = {
  questionsTitle: 'A few quick questions',
  questionsIntro:
    'Your answers help us show you what matters most. Scammers often tell people what to answer: answer for yourself.',
  answerFirst: 'Answer the questions above to continue.',
  tailoredTitle: 'What your answer tells us',
  coolingOff: (until) =>
    `For your safety, this withdrawal is paused until ${until}. Use the time to talk to someone you trust, or call us.`,
  coolingOffPending:
    'For your safety, this withdrawal is paused for a cooling-off period. Use the time to talk to someone you trust, or call us.',
  review:
    'For your safety, this withdrawal is on hold until our team has talked to you. We will contact you; you can also call us now.',
  held: 'Withdrawal paused',
  talkToUs: (name) => `Talk to us: ${name}`,
};

const zhHant: LadderStrings = {
  questionsTitle: '幾條簡單問題',
  questionsIntro: '你的答案有助我們顯示最重要的資訊。騙徒常教人怎樣回答：請按你自己的情況作答。',
  answerFirst: '請先回答以上問題，才可繼續。',
  tailoredTitle: '根據你的答案',
  coolingOff: (until) =>
    `為保障你的安全，這筆提款暫停至 ${until}。請利用這段時間和你信任的人商量，或致電我們。`,
  coolingOffPending: '為保障你的安全，這筆提款會暫停一段冷靜期。請利用這段時間和你信任的人商量，或致電我們。',
  review: '為保障你的安全，這筆提款會暫緩處理，直至我們的同事和你聯絡。你也可以現在致電我們。',
  held: '提款已暫停',
  talkToUs: (name) => `與我們聯絡：${name}`,
};

const zhHans: LadderStrings = {
  questionsTitle: '几个简单问题',
  questionsIntro: '你的答案有助我们显示最重要的信息。骗子常教人怎样回答：请按你自己的情况作答。',
  answerFirst: '请先回答以上问题，才可继续。',
  tailoredTitle: '根据你的答案',
  coolingOff: (until) =>
    `为保障你的安全，这笔提款暂停至 ${until}。请利用这段时间和你信任的人商量，或致电我们。`,
  coolingOffPending: '为保障你的安全，这笔提款会暂停一段冷静期。请利用这段时间和你信任的人商量，或致电我们。',
  review: '为保障你的安全，这笔提款会暂缓处理，直至我们的同事和你联系。你也可以现在致电我们。',
  held: '提款已暂停',
  talkToUs: (name) => `与我们联系：${name}`,
};

const pt: LadderStrings = {
  questionsTitle: 'Algumas perguntas rápidas',
  questionsIntro:
    'As suas respostas ajudam-nos a mostrar o que mais importa. Os burlões costumam dizer às pessoas o que responder: responda por si.',
  answerFirst: 'Responda às perguntas acima para continuar.',
  tailoredTitle: 'O que a sua resposta nos diz',
  coolingOff: (until) =>
    `Para sua segurança, este levantamento está em pausa até às ${until}. Aproveite para falar com alguém de confiança, ou ligue-nos.`,
  coolingOffPending:
    'Para sua segurança, este levantamento fica em pausa durante um período de reflexão. Aproveite para falar com alguém de confiança, ou ligue-nos.',
  review:
    'Para sua segurança, este levantamento fica retido até a nossa equipa falar consigo. Vamos contactá-lo; também pode ligar-nos já.',
  held: 'Levantamento em pausa',
  talkToUs: (name) => `Fale connosco: ${name}`,
};

export const LADDER_STRINGS: Record<ChromeLocale, LadderStrings> = {
  en,
  'zh-Hant': zhHant,
  'zh-Hans': zhHans,
  pt,
};
