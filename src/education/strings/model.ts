import type { Trick } from '../model.js';

/** What the explanations may quote from the jurisdiction's published campaign, in one language. */
export interface LocalHelp {
  /** A place to check a site, number or address before sending (Scameter). */
  checker: string | null;
  /** A number to call for advice (18222). */
  hotline: string | null;
}

export interface SiteFacts {
  brand: string;
  official: string;
  fake: string;
  /** The punycode a browser may show for a homoglyph. */
  ascii: string;
  site?: string;
  tld?: string;
  platform?: string;
}

export type MessageCategory = 'impersonation' | 'investment' | 'romance' | 'generic';
export type Channel = 'sms' | 'email' | 'dm';

/**
 * The quiz's own words in one language. Campaign content (scam names, red flags, resources, the
 * never-call notice) comes from the jurisdiction's published campaign; these frame it.
 */
export interface QuizStrings {
  title: (brand: string) => string;
  tricks: Record<Trick, string>;
  siteQuestion: (brand: string) => string;
  siteExplanation: Record<
    'brand_in_front' | 'tld_swap' | 'homoglyph' | 'typo' | 'hosting_platform',
    (facts: SiteFacts) => string
  >;
  /** The second lookalike of a question: the same trick, with its punycode when it has one. */
  sameTrick: (fake: string, ascii: string | null) => string;
  theRealSite: (official: string) => string;
  check: (help: LocalHelp) => string;
  channels: Record<Channel, string>;
  messageQuestion: (channel: string, brand: string) => string;
  messages: Record<MessageCategory, (brand: string, link: string) => string>;
  messageYes: (brand: string) => string;
  messageNo: string;
  messageExplanation: (scamName: string, howItWorks: string, redFlags: readonly string[]) => string;
  accountQuestion: (brand: string, platform: string) => string;
  accountExplanation: (official: string, fakes: readonly string[], officialSite: string) => string;
  callQuestion: string;
  callScript: (brand: string) => string;
  callComply: string;
  callCode: string;
  callHangUp: (hotline: string | null) => string;
  callExplanation: (neverCall: string) => string;
  handWritten: {
    qr: { body: (brand: string) => string; explanation: string };
    support: { prompt: (brand: string) => string; yes: string; no: string; explanation: string };
    officer: {
      prompt: (brand: string) => string;
      comply: string;
      callBack: string;
      hangUp: (hotline: string | null) => string;
      explanation: (hotline: string | null) => string;
    };
  };
}
