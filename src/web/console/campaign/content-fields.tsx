import { TextField } from '../components/fields.js';
import { mergeErrors, type ErrorsAt } from '../components/problems.js';
import { useT } from '../i18n/index.js';
import type { LocalizedContent } from '../types.js';
import { ContactsEditor } from './contacts-editor.js';
import { QuestionsEditor } from './questions-editor.js';
import { ResourcesEditor } from './resources-editor.js';
import { ScamsEditor } from './scams-editor.js';
import { splitLines } from './spec-clean.js';
import { StatisticsEditor } from './statistics-editor.js';

interface Props {
  content: LocalizedContent;
  onChange(content: LocalizedContent): void;
  /** Errors of this locale, by pointer relative to /content/<locale>. */
  errors: ErrorsAt;
}

export function ContentFields({ content, onChange, errors }: Props) {
  const set = <K extends keyof LocalizedContent>(key: K, value: LocalizedContent[K]) =>
    onChange({ ...content, [key]: value });
  const { t } = useT('editor');
  const tipErrors = content.tips.map((_, i) => errors(`/tips/${i}`));
  return (
    <>
      <fieldset className="stack">
        <legend>{t('message.legend')}</legend>
        <TextField
          label={t('message.title')}
          dir="auto"
          value={content.title}
          onChange={(v) => set('title', v)}
          maxLength={200}
          errors={errors('/title')}
        />
        <TextField
          label={t('message.body')}
          dir="auto"
          multiline
          rows={6}
          maxLength={2000}
          value={content.body}
          onChange={(v) => set('body', v)}
          errors={errors('/body')}
        />
        <TextField
          label={t('message.neverCall')}
          dir="auto"
          multiline
          rows={2}
          maxLength={400}
          value={content.neverCallNotice}
          onChange={(v) => set('neverCallNotice', v)}
          hint={t('message.neverCallHint')}
          errors={errors('/neverCallNotice')}
        />
        <TextField
          label={t('message.tips')}
          dir="auto"
          multiline
          rows={5}
          value={content.tips.join('\n')}
          onChange={(v) => set('tips', splitLines(v))}
          hint={t('message.tipsHint')}
          errors={mergeErrors(errors('/tips'), tipErrors)}
        />
        <div className="form-grid">
          <TextField
            label={t('message.acknowledgeLabel')}
            dir="auto"
            maxLength={80}
            value={content.acknowledgeLabel ?? ''}
            onChange={(v) => set('acknowledgeLabel', v)}
            errors={errors('/acknowledgeLabel')}
          />
          <TextField
            label={t('message.cancelLabel')}
            dir="auto"
            maxLength={80}
            value={content.cancelLabel ?? ''}
            onChange={(v) => set('cancelLabel', v)}
            errors={errors('/cancelLabel')}
          />
        </div>
      </fieldset>
      <ResourcesEditor items={content.resources} onChange={(v) => set('resources', v)} errors={errors} />
      <ContactsEditor items={content.contacts} onChange={(v) => set('contacts', v)} errors={errors} />
      <ScamsEditor items={content.commonScams} onChange={(v) => set('commonScams', v)} errors={errors} />
      <QuestionsEditor
        items={content.questions ?? []}
        scams={content.commonScams}
        onChange={(v) => set('questions', v)}
        errors={errors}
      />
      <StatisticsEditor items={content.statistics} onChange={(v) => set('statistics', v)} errors={errors} />
    </>
  );
}
