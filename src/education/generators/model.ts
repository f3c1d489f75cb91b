import type { LocalizedContent } from '../../campaigns/spec.js';
import type { LookalikeDetector } from '../../intelligence/lookalike.js';
import type { OfficialSite } from '../lookalikes/index.js';
import type { QuizLocale, QuizQuestion } from '../model.js';
import type { LocalHelp, QuizStrings } from '../strings/index.js';

/** What every generator may use: caveat's knowledge for one brand in one jurisdiction. */
export interface GeneratorContext {
  /** The brand as people know it (without the demo marker). */
  brand: string;
  /** The brand's official sites from the registry; the first is its main site. */
  sites: readonly OfficialSite[];
  /** The brand's official social accounts from the registry. */
  handles: readonly { platform: string; handle: string }[];
  detector: LookalikeDetector;
  /** Whether a hostname is (under) an official domain of any brand. */
  isOfficialHost(asciiHost: string): boolean;
  locales: readonly QuizLocale[];
  strings(locale: QuizLocale): QuizStrings;
  /** The published campaign's content for this quiz locale, or null without a campaign. */
  content(locale: QuizLocale): LocalizedContent | null;
  help(locale: QuizLocale): LocalHelp;
}

/** One family of questions; each in its own file (the lookalike detector's patterns are the model). */
export interface QuestionGenerator {
  generate(context: GeneratorContext): QuizQuestion[];
}
