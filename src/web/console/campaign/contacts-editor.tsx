import { TextField } from '../components/fields.js';
import type { ErrorsAt } from '../components/problems.js';
import type { Contact } from '../types.js';
import { DirectoryPicker } from './directory-picker.js';
import { ListEditor } from './list-editor.js';

interface Props {
  items: Contact[];
  onChange(items: Contact[]): void;
  errors: ErrorsAt;
}

export function ContactsEditor({ items, onChange, errors }: Props) {
  return (
    <ListEditor
      legend="Contacts"
      itemName="Contact"
      hint="Who to call or write to, e.g. the police anti-scam hotline. Choose it from the directory, so every language shows the same number."
      items={items}
      onChange={onChange}
      create={() => ({ name: '', phone: '', url: '', email: '', hours: '' })}
      errors={errors('/contacts')}
      renderItem={(c, update, i) => {
        const at = (field: string) => errors(`/contacts/${i}${field}`);
        return (
          <div className="form-grid">
            <TextField
              label="Name"
              dir="auto"
              value={c.name}
              onChange={(name) => update({ ...c, name })}
              errors={at('/name')}
            />
            <DirectoryPicker section="contacts" item={c} update={update} at={at}>
              <>
                <TextField
                  label="Phone"
                  type="tel"
                  value={c.phone ?? ''}
                  onChange={(phone) => update({ ...c, phone })}
                  errors={at('/phone')}
                />
                <TextField
                  label="URL"
                  type="url"
                  value={c.url ?? ''}
                  onChange={(url) => update({ ...c, url })}
                  errors={at('/url')}
                />
                <TextField
                  label="Email"
                  type="email"
                  value={c.email ?? ''}
                  onChange={(email) => update({ ...c, email })}
                  errors={at('/email')}
                />
                <TextField
                  label="Hours"
                  dir="auto"
                  value={c.hours ?? ''}
                  onChange={(hours) => update({ ...c, hours })}
                  hint="e.g. 24 hours"
                  errors={at('/hours')}
                />
              </>
            </DirectoryPicker>
          </div>
        );
      }}
    />
  );
}
