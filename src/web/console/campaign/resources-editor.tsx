import { Checkbox, TextField } from '../components/fields.js';
import type { ErrorsAt } from '../components/problems.js';
import type { Resource } from '../types.js';
import { DirectoryPicker } from './directory-picker.js';
import { ListEditor } from './list-editor.js';

interface Props {
  items: Resource[];
  onChange(items: Resource[]): void;
  errors: ErrorsAt;
}

const blank = (): Resource => ({ id: '', name: '', url: '', phone: '', purpose: '', checkBeforeSend: false });

export function ResourcesEditor({ items, onChange, errors }: Props) {
  return (
    <ListEditor
      legend="Resources"
      itemName="Resource"
      hint="Places to get help or check before sending. Each takes its link or phone number from the directory, or gives one here."
      items={items}
      onChange={onChange}
      create={blank}
      errors={errors('/resources')}
      renderItem={(r, update, i) => {
        const at = (field: string) => errors(`/resources/${i}${field}`);
        return (
          <div className="form-grid">
            <TextField
              label="ID"
              value={r.id}
              onChange={(id) => update({ ...r, id })}
              hint="Lowercase letters, digits, dashes; counted in “resources opened”."
              errors={at('/id')}
            />
            <TextField
              label="Name"
              dir="auto"
              value={r.name}
              onChange={(name) => update({ ...r, name })}
              errors={at('/name')}
            />
            <TextField
              label="Purpose"
              dir="auto"
              className="span-all"
              value={r.purpose}
              onChange={(purpose) => update({ ...r, purpose })}
              errors={at('/purpose')}
            />
            <DirectoryPicker section="resources" item={r} update={update} at={at}>
              <>
                <TextField
                  label="URL"
                  type="url"
                  value={r.url ?? ''}
                  onChange={(url) => update({ ...r, url })}
                  errors={at('/url')}
                />
                <TextField
                  label="Phone"
                  type="tel"
                  value={r.phone ?? ''}
                  onChange={(phone) => update({ ...r, phone })}
                  errors={at('/phone')}
                />
                <Checkbox
                  label="Check before sending (a place to check an address, site or number)"
                  checked={r.checkBeforeSend ?? false}
                  onChange={(checkBeforeSend) => update({ ...r, checkBeforeSend })}
                  errors={at('') ?? at('/checkBeforeSend')}
                />
              </>
            </DirectoryPicker>
          </div>
        );
      }}
    />
  );
}
