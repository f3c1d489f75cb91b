import { TextField } from '../components/fields.js';
import { mergeErrors, type ErrorsAt } from '../components/problems.js';
import { useT } from '../i18n/index.js';
import type { CommonScam } from '../types.js';
import { ListEditor } from './list-editor.js';
import { splitLines } from './spec-clean.js';

interface Props {
  items: CommonScam[];
  onChange(items: CommonScam[]): void;
  /** Errors of this locale, by pointer relative to /content/<locale>. */
  errors: ErrorsAt;
}

export function ScamsEditor({ items, onChange, errors }: Props) {
  const { t } = useT('editor');
  return (
    <ListEditor
      legend={t('scams.legend')}
      itemName={t('scams.item')}
      items={items}
      onChange={onChange}
      create={() => ({ name: '', howItWorks: '', redFlags: [] })}
      errors={errors('/commonScams')}
      renderItem={(s, update, i) => {
        const at = (field: string) => errors(`/commonScams/${i}${field}`);
        const flagErrors = s.redFlags.map((_, f) => at(`/redFlags/${f}`));
        return (
          <div className="stack">
            <TextField
              label={t('scams.name')}
              dir="auto"
              value={s.name}
              onChange={(name) => update({ ...s, name })}
              errors={at('/name')}
            />
            <TextField
              label={t('scams.id')}
              value={s.id ?? ''}
              onChange={(id) => {
                const { id: _old, ...rest } = s;
                update(id ? { ...rest, id: id.toLowerCase() } : rest);
              }}
              hint={t('scams.idHint')}
              errors={at('/id')}
            />
            <TextField
              label={t('scams.howItWorks')}
              dir="auto"
              multiline
              rows={3}
              value={s.howItWorks}
              onChange={(howItWorks) => update({ ...s, howItWorks })}
              errors={at('/howItWorks')}
            />
            <TextField
              label={t('scams.redFlags')}
              dir="auto"
              multiline
              rows={3}
              value={s.redFlags.join('\n')}
              onChange={(text) => update({ ...s, redFlags: splitLines(text) })}
              errors={mergeErrors(at('/redFlags'), flagErrors)}
            />
          </div>
        );
      }}
    />
  );
}
