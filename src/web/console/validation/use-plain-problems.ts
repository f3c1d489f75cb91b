import { useCallback } from 'react';
import type { DescribeProblem } from '../components/problems.js';
import { currentLanguage, useT } from '../i18n/index.js';
import { problemSentence } from './describe-problem.js';

/**
 * For any form: rewords the server's message about a field in the console's language when it is of
 * a known kind (required, too long, a pattern of the spec schema, a web address…), else keeps it.
 * `useSubmit(action, prefix, usePlainProblems())` puts those words beside the fields.
 */
export function usePlainProblems(): DescribeProblem {
  const { t } = useT('validation');
  const language = currentLanguage();
  return useCallback(
    (_pointer: string, message: string) =>
      problemSentence((key, values) => t(key, values ?? {}), language, message) ?? message,
    [t, language],
  );
}
