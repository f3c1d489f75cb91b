import type { Answer, LadderStepKey, LocalizedContent, Presentation, Question } from '../campaigns/spec.js';

/**
 * [Demo] The questions the demo warnings ask, after the purpose-based questions UK regulators
 * expect at payment time ("Did someone contact you first?", "Is anyone telling you how to
 * answer?"). Worded for the demo, not by any police force. Every locale asks the same questions
 * with the same answers; only the words differ.
 */
type Wording = {
  whoAsked: string;
  myself: string;
  metOnline: string;
  official: string;
  feeFirst: string;
  coached: string;
  no: string;
  yes: string;
};

const WORDING: Record<'en' | 'zh-Hant' | 'pt', Wording> = {
  en: {
    whoAsked: 'Who asked you to make this withdrawal?',
    myself: 'Nobody: it is my own decision',
    metOnline: 'Someone I met online asked me',
    official: 'Someone from "support", a bank or the police',
    feeFirst: 'A platform says I must pay a fee or tax before I can withdraw',
    coached: 'Has anyone told you what to answer here, or to keep this secret?',
    no: 'No',
    yes: 'Yes',
  },
  'zh-Hant': {
    whoAsked: '是誰叫你作出這次提款？',
    myself: '沒有人，是我自己的決定',
    metOnline: '我在網上認識的人叫我轉',
    official: '自稱客服、銀行職員或警察的人',
    feeFirst: '平台說要先付手續費或稅款才可提款',
    coached: '有沒有人教你在這裡怎樣回答，或叫你保密？',
    no: '沒有',
    yes: '有',
  },
  pt: {
    whoAsked: 'Quem lhe pediu para fazer este levantamento?',
    myself: 'Ninguém: a decisão é minha',
    metOnline: 'Alguém que conheci na internet pediu-me',
    official: 'Alguém do "apoio ao cliente", de um banco ou da polícia',
    feeFirst: 'Uma plataforma diz que tenho de pagar uma taxa ou imposto antes de levantar',
    coached: 'Alguém lhe disse o que responder aqui, ou para guardar segredo?',
    no: 'Não',
    yes: 'Sim',
  },
};

/** The common scams (by id) the answers point to, in a jurisdiction's warning. */
export interface ScamIds {
  /** Someone met online: romance and investment scams start there. */
  metOnline: string;
  /** Someone posing as support, a bank or officials. */
  official: string;
  /** Fees before a withdrawal: the fake investment platform's hallmark. */
  feeFirst: string;
}

function questions(words: Wording, scams: ScamIds): Question[] {
  const answer = (id: string, label: string, step: LadderStepKey, scam?: string): Answer => ({
    id,
    label,
    step,
    ...(scam ? { scam } : {}),
  });
  return [
    {
      id: 'who-asked',
      prompt: words.whoAsked,
      answers: [
        answer('myself', words.myself, 'warn'),
        answer('met-online', words.metOnline, 'cooling_off', scams.metOnline),
        answer('support-or-official', words.official, 'review', scams.official),
        answer('fee-first', words.feeFirst, 'cooling_off', scams.feeFirst),
      ],
    },
    {
      id: 'coached',
      prompt: words.coached,
      answers: [answer('no', words.no, 'warn'), answer('yes', words.yes, 'review')],
    },
  ];
}

/**
 * The content with its questions: the common scams get the ids the answers name (by position:
 * each demo locale lists its scams in the same order), and each locale its own wording.
 */
export function withQuestions(
  content: Record<string, LocalizedContent>,
  scamIdsInOrder: readonly string[],
  scams: ScamIds,
): Record<string, LocalizedContent> {
  return Object.fromEntries(
    Object.entries(content).map(([locale, localized]) => {
      const words = WORDING[locale.startsWith('zh') ? 'zh-Hant' : locale.startsWith('pt') ? 'pt' : 'en'];
      return [
        locale,
        {
          ...localized,
          commonScams: localized.commonScams.map((scam, index) => {
            const id = scamIdsInOrder[index];
            return id ? { ...scam, id } : scam;
          }),
          questions: questions(words, scams),
        },
      ];
    }),
  );
}

/**
 * Against habituation: a first warning in the standard order, a repeat within the window leads
 * with the scams, a third with the tips. Declared once, the same for every demo campaign.
 */
export const DEMO_PRESENTATIONS: Presentation[] = [
  { key: 'first', order: ['checks', 'commonScams', 'tips', 'resources', 'contacts', 'statistics'] },
  {
    key: 'repeat-scams',
    order: ['commonScams', 'checks', 'statistics', 'tips', 'contacts', 'resources'],
    emphasis: 'commonScams',
  },
  {
    key: 'repeat-tips',
    order: ['tips', 'statistics', 'checks', 'commonScams', 'contacts', 'resources'],
    emphasis: 'tips',
  },
];

/**
 * Which demo scams the answers point to: the HK, MO and TW warnings list an investment scam, then
 * impersonation; the UK's an investment scam, then romance.
 */
export function demoQuestionsFor(jurisdiction: string): { order: string[]; scams: ScamIds } {
  return jurisdiction === 'GB'
    ? {
        order: ['investment', 'romance'],
        scams: { metOnline: 'romance', official: 'investment', feeFirst: 'investment' },
      }
    : {
        order: ['investment', 'impersonation'],
        scams: { metOnline: 'investment', official: 'impersonation', feeFirst: 'investment' },
      };
}
