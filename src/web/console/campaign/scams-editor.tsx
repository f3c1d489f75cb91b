import { TextField } from '../components/fields.js';
import type { ErrorsAt } from '../components/problems.js';
import type { CommonScam } from '../types.js';
import { ListEditor } from './list-editor.js';
import { splitLines } from './spec-clean.js';

interface Props {
  items: CommonScam[];
  onChange(items: CommonScam[]): void;
  errors: ErrorsAt;
}

export function ScamsEditor({ items, onChange, errors }: Props) {
  return (
    <ListEditor
      legend="Common scams"
      itemName="Scam"
      items={items}
      onChange={onChange}
      create={() => ({ name: '', howItWorks: '', redFlags: [] })}
      errors={errors('/commonScams')}
      renderItem={(s, update, i) => {
        const at = (field: string) => errors(`/commonScams/${i}${field}`);
        const flagErrors = s.redFlags.flatMap((_, f) => at(`/redFlags/${f}`) ?? []);
        return (
          <div className="stack">
            <TextField
              label="Name"
              dir="auto"
              value={s.name}
              onChange={(name) => update({ ...s, name })}
              errors={at('/name')}
            />
            <TextField
              label="Id (optional)"
              value={s.id ?? ''}
              onChange={(id) => {
                const { id: _old, ...rest } = s;
                update(id ? { ...rest, id: id.toLowerCase() } : rest);
              }}
              hint="Give the scam an id (e.g. investment) so a question's answer can show it first."
              errors={at('/id')}
            />
            <TextField
              label="How it works"
              dir="auto"
              multiline
              rows={3}
              value={s.howItWorks}
              onChange={(howItWorks) => update({ ...s, howItWorks })}
              errors={at('/howItWorks')}
            />
            <TextField
              label="Red flags (one per line)"
              dir="auto"
              multiline
              rows={3}
              value={s.redFlags.join('\n')}
              onChange={(text) => update({ ...s, redFlags: splitLines(text) })}
              errors={[...(at('/redFlags') ?? []), ...flagErrors]}
            />
          </div>
        );
      }}
    />
  );
}
