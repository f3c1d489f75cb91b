import type { Ref } from 'react';
import { useT } from '../i18n/index.js';
import type { DraftProblem } from './draft-problems.js';
import './editor.css';

interface Props {
  fields: DraftProblem[];
  /** What the server said that names no field (a conflict, the connection). */
  others: string[];
  onSelect(pointer: string): void;
  headingRef: Ref<HTMLHeadingElement>;
}

/**
 * The problems of a refused save at the top of the form, each a link to its field: the form's name
 * for the field and what to do, in the console's language. It follows the latest check, so a fixed
 * field leaves the list as the preview accepts the draft again.
 */
export function ProblemSummary({ fields, others, onSelect, headingRef }: Props) {
  const { t } = useT('validation');
  if (fields.length === 0 && others.length === 0) return null;
  return (
    <section className="alert alert-error problem-summary" aria-labelledby="problem-summary-title">
      <h3 id="problem-summary-title" ref={headingRef} tabIndex={-1}>
        {t('summaryTitle')}
      </h3>
      <ul>
        {fields.map((problem) => (
          <li key={`${problem.pointer}:${problem.sentence}`}>
            <a
              href={`#${encodeURIComponent(problem.pointer)}`}
              onClick={(event) => {
                event.preventDefault();
                onSelect(problem.pointer);
              }}
            >
              {problem.label}
            </a>
            {t('separator')}
            {problem.sentence}
          </li>
        ))}
        {others.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
    </section>
  );
}
