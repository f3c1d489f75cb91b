import type { Namespace } from './index.js';

/** The jurisdiction's shared directory of contacts, resources and statistic values. */
export const directoryMessages: Namespace = {
  en: {},
  'zh-Hant': {},
};
