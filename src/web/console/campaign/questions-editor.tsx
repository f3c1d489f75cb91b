import { SelectField, TextField } from '../components/fields.js';
import type { ErrorsAt } from '../components/problems.js';
import type { Answer, CommonScam, LadderStepKey, Question } from '../types.js';
import { ListEditor } from './list-editor.js';

interface Props {
  items: Question[];
  scams: CommonScam[];
  onChange(items: Question[]): void;
  errors: ErrorsAt;
}

const STEPS: { value: LadderStepKey; label: string }[] = [
  { value: 'warn', label: 'Warning only: no extra friction' },
  { value: 'questions', label: 'Questions: keep asking' },
  { value: 'cooling_off', label: 'Cooling-off: pause the withdrawal for a while' },
  { value: 'review', label: 'Review: hold until the exchange’s staff have talked to the user' },
];

/** Ids as the schema takes them (lowercase, digits, dashes); anything else is typed as a dash. */
const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .slice(0, 63);

/**
 * The warning's questions for one locale: up to five, each with two to six answers, each answer
 * pointing to one of the common scams (shown first when chosen) and a step of the ladder.
 * The ids, scams and steps must be the same in every locale; only the wording differs.
 */
export function QuestionsEditor({ items, scams, onChange, errors }: Props) {
  const scamOptions = [
    { value: '', label: 'No particular scam' },
    ...scams.flatMap((scam, index) =>
      scam.id ? [{ value: scam.id, label: scam.name || `Scam ${index + 1}` }] : [],
    ),
  ];
  return (
    <ListEditor
      legend="Questions"
      itemName="Question"
      items={items}
      onChange={onChange}
      max={5}
      hint="Asked before the countdown ends. Keep them short. Ids, scams and steps must match in every language; give a common scam an id to point an answer at it."
      create={(): Question => ({
        id: `q${items.length + 1}`,
        prompt: '',
        answers: [
          { id: 'a1', label: '', step: 'warn' },
          { id: 'a2', label: '', step: 'cooling_off' },
        ],
      })}
      errors={errors('/questions')}
      renderItem={(question, update, q) => {
        const at = (field: string) => errors(`/questions/${q}${field}`);
        return (
          <div className="stack">
            <TextField
              label="Question"
              dir="auto"
              maxLength={200}
              value={question.prompt}
              onChange={(prompt) => update({ ...question, prompt })}
              errors={at('/prompt')}
            />
            <TextField
              label="Question id"
              value={question.id}
              onChange={(id) => update({ ...question, id: slug(id) })}
              hint="Stable: answers are measured by it. Lowercase letters, digits and dashes."
              errors={at('/id')}
            />
            <ListEditor<Answer>
              legend="Answers"
              itemName="Answer"
              items={question.answers}
              max={6}
              onChange={(answers) => update({ ...question, answers })}
              create={(): Answer => ({ id: `a${question.answers.length + 1}`, label: '', step: 'warn' })}
              errors={at('/answers')}
              renderItem={(answer, updateAnswer, a) => {
                const answerAt = (field: string) => at(`/answers/${a}${field}`);
                return (
                  <div className="form-grid">
                    <TextField
                      label="Answer"
                      dir="auto"
                      maxLength={160}
                      value={answer.label}
                      onChange={(label) => updateAnswer({ ...answer, label })}
                      errors={answerAt('/label')}
                    />
                    <TextField
                      label="Answer id"
                      value={answer.id}
                      onChange={(id) => updateAnswer({ ...answer, id: slug(id) })}
                      errors={answerAt('/id')}
                    />
                    <SelectField
                      label="Shows this scam first"
                      value={answer.scam ?? ''}
                      options={scamOptions}
                      onChange={(scam) => {
                        const { scam: _old, ...rest } = answer;
                        updateAnswer(scam ? { ...rest, scam } : rest);
                      }}
                      errors={answerAt('/scam')}
                    />
                    <SelectField
                      label="Then the ladder goes to"
                      value={answer.step}
                      options={STEPS}
                      onChange={(step) =>
                        updateAnswer({
                          ...answer,
                          step: (STEPS.find((s) => s.value === step) ?? STEPS[0]!).value,
                        })
                      }
                      errors={answerAt('/step')}
                    />
                  </div>
                );
              }}
            />
          </div>
        );
      }}
    />
  );
}
