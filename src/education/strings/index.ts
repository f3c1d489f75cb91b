import type { QuizLocale } from '../model.js';
import { en } from './en.js';
import type { QuizStrings } from './model.js';
import { pt } from './pt.js';
import { zhHans } from './zh-hans.js';
import { zhHant } from './zh-hant.js';

export type { Channel, LocalHelp, MessageCategory, QuizStrings, SiteFacts } from './model.js';

export const QUIZ_STRINGS: Record<QuizLocale, QuizStrings> = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans, pt };
