import { SelectField, TextField } from '../components/fields.js';
import type { ErrorsAt } from '../components/problems.js';
import { useT } from '../i18n/index.js';
import type { Answer, CommonScam, LadderStepKey, Question } from '../types.js';
import { ListEditor } from './list-editor.js';

interface Props {
  items: Question[];
  scams: CommonScam[];
  onChange(items: Question[]): void;
  errors: ErrorsAt;
}

const STEPS: LadderStepKey[] = ['warn', 'questions', 'cooling_off', 'review'];

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
  const { t } = useT('editor');
  const scamOptions = [
    { value: '', label: t('questions.noScam') },
    ...scams.flatMap((scam, index) =>
      scam.id ? [{ value: scam.id, label: scam.name || t('questions.scamN', { n: index + 1 }) }] : [],
    ),
  ];
  const stepOptions = STEPS.map((step) => ({ value: step, label: t(`questions.steps.${step}`) }));
  return (
    <ListEditor
      legend={t('questions.legend')}
      itemName={t('questions.item')}
      items={items}
      onChange={onChange}
      max={5}
      hint={t('questions.hint')}
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
              label={t('questions.prompt')}
              dir="auto"
              maxLength={200}
              value={question.prompt}
              onChange={(prompt) => update({ ...question, prompt })}
              errors={at('/prompt')}
            />
            <TextField
              label={t('questions.id')}
              value={question.id}
              onChange={(id) => update({ ...question, id: slug(id) })}
              hint={t('questions.idHint')}
              errors={at('/id')}
            />
            <ListEditor<Answer>
              legend={t('questions.answers')}
              itemName={t('questions.answerItem')}
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
                      label={t('questions.answer')}
                      dir="auto"
                      maxLength={160}
                      value={answer.label}
                      onChange={(label) => updateAnswer({ ...answer, label })}
                      errors={answerAt('/label')}
                    />
                    <TextField
                      label={t('questions.answerId')}
                      value={answer.id}
                      onChange={(id) => updateAnswer({ ...answer, id: slug(id) })}
                      errors={answerAt('/id')}
                    />
                    <SelectField
                      label={t('questions.scamFirst')}
                      value={answer.scam ?? ''}
                      options={scamOptions}
                      onChange={(scam) => {
                        const { scam: _old, ...rest } = answer;
                        updateAnswer(scam ? { ...rest, scam } : rest);
                      }}
                      errors={answerAt('/scam')}
                    />
                    <SelectField
                      label={t('questions.then')}
                      value={answer.step}
                      options={stepOptions}
                      onChange={(step) =>
                        updateAnswer({
                          ...answer,
                          step: STEPS.find((s) => s === step) ?? 'warn',
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
