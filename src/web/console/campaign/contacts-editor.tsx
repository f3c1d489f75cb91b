import { TextField } from '../components/fields.js';
import type { ErrorsAt } from '../components/problems.js';
import type { Contact } from '../types.js';
import { DirectoryPicker } from './directory-picker.js';
import { useT } from '../i18n/index.js';
import { ListEditor } from './list-editor.js';

interface Props {
  items: Contact[];
  onChange(items: Contact[]): void;
  errors: ErrorsAt;
}

export function ContactsEditor({ items, onChange, errors }: Props) {
  const { t } = useT('editorItems');
  return (
    <ListEditor
      legend={t('contacts.legend')}
      itemName={t('contacts.item')}
      hint={t('contacts.hint')}
      items={items}
      onChange={onChange}
      create={() => ({ name: '', phone: '', url: '', email: '', hours: '' })}
      errors={errors('/contacts')}
      renderItem={(c, update, i) => {
        const at = (field: string) => errors(`/contacts/${i}${field}`);
        return (
          <div className="form-grid">
            <TextField
              label={t('contacts.name')}
              dir="auto"
              value={c.name}
              onChange={(name) => update({ ...c, name })}
              errors={at('/name')}
            />
            <DirectoryPicker section="contacts" item={c} update={update} at={at}>
              <>
                <TextField
                  label={t('contacts.phone')}
                  type="tel"
                  value={c.phone ?? ''}
                  onChange={(phone) => update({ ...c, phone })}
                  errors={at('/phone')}
                />
                <TextField
                  label={t('contacts.url')}
                  type="url"
                  value={c.url ?? ''}
                  onChange={(url) => update({ ...c, url })}
                  errors={at('/url')}
                />
                <TextField
                  label={t('contacts.email')}
                  type="email"
                  value={c.email ?? ''}
                  onChange={(email) => update({ ...c, email })}
                  errors={at('/email')}
                />
                <TextField
                  label={t('contacts.hours')}
                  dir="auto"
                  value={c.hours ?? ''}
                  onChange={(hours) => update({ ...c, hours })}
                  hint={t('contacts.hoursHint')}
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
