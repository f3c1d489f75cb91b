/** The element's own words; questions, options and explanations come from the API in the same language. */
export interface QuizChrome {
  loading: string;
  progress: (n: number, of: number) => string;
  correct: string;
  wrong: string;
  yourAnswer: string;
  rightAnswer: string;
  trick: string;
  next: string;
  seeScore: string;
  score: (right: number, of: number) => string;
  scoreNote: string;
  again: string;
  failed: string;
  retry: string;
}

export type QuizChromeLocale = 'en' | 'zh-Hant' | 'zh-Hans' | 'pt';

const STRINGS: Record<QuizChromeLocale, QuizChrome> = {
  en: {
    loading: 'Loading the quiz…',
    progress: (n, of) => `Question ${n} of ${of}`,
    correct: 'Right: you spotted it.',
    wrong: 'Not quite: this one fools many people.',
    yourAnswer: 'your answer',
    rightAnswer: 'the right answer',
    trick: 'The trick',
    next: 'Next question',
    seeScore: 'See my score',
    score: (right, of) => `You spotted ${right} of ${of}.`,
    scoreNote: 'When in doubt, stop and check before you send.',
    again: 'Take another quiz',
    failed: 'The quiz could not be loaded.',
    retry: 'Try again',
  },
  'zh-Hant': {
    loading: '測驗載入中…',
    progress: (n, of) => `第 ${n} 題，共 ${of} 題`,
    correct: '答對了：你識破了。',
    wrong: '答錯了：這一招騙倒不少人。',
    yourAnswer: '你的答案',
    rightAnswer: '正確答案',
    trick: '騙術',
    next: '下一題',
    seeScore: '看我的分數',
    score: (right, of) => `你識破了 ${of} 題中的 ${right} 題。`,
    scoreNote: '有懷疑時，先停一停，查一查才轉賬。',
    again: '再做一次測驗',
    failed: '未能載入測驗。',
    retry: '再試一次',
  },
  'zh-Hans': {
    loading: '测验加载中…',
    progress: (n, of) => `第 ${n} 题，共 ${of} 题`,
    correct: '答对了：你识破了。',
    wrong: '答错了：这一招骗倒了不少人。',
    yourAnswer: '你的答案',
    rightAnswer: '正确答案',
    trick: '骗术',
    next: '下一题',
    seeScore: '看我的分数',
    score: (right, of) => `你识破了 ${of} 题中的 ${right} 题。`,
    scoreNote: '有怀疑时，先停一停，查一查再转账。',
    again: '再做一次测验',
    failed: '无法加载测验。',
    retry: '再试一次',
  },
  pt: {
    loading: 'A carregar o teste…',
    progress: (n, of) => `Pergunta ${n} de ${of}`,
    correct: 'Certo: descobriu-o.',
    wrong: 'Não exatamente: este engana muita gente.',
    yourAnswer: 'a sua resposta',
    rightAnswer: 'a resposta certa',
    trick: 'O truque',
    next: 'Pergunta seguinte',
    seeScore: 'Ver a minha pontuação',
    score: (right, of) => `Descobriu ${right} de ${of}.`,
    scoreNote: 'Na dúvida, pare e verifique antes de enviar.',
    again: 'Fazer outro teste',
    failed: 'Não foi possível carregar o teste.',
    retry: 'Tentar de novo',
  },
};

/** zh-HK, zh-TW and zh-MO read Traditional; other zh Simplified; pt-* Portuguese; else English. */
export function chromeLocale(tag: string): QuizChromeLocale {
  const lower = tag.toLowerCase();
  if (lower.startsWith('zh')) return /hant|-hk|-tw|-mo/.test(lower) ? 'zh-Hant' : 'zh-Hans';
  if (lower.startsWith('pt')) return 'pt';
  return 'en';
}

export const quizChrome = (tag: string): QuizChrome => STRINGS[chromeLocale(tag)];
