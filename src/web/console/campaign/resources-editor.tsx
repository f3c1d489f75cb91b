import { Checkbox, TextField } from '../components/fields.js';
import type { ErrorsAt } from '../components/problems.js';
import type { Resource } from '../types.js';
import { DirectoryPicker } from './directory-picker.js';
import { useT } from '../i18n/index.js';
import { ListEditor } from './list-editor.js';

interface Props {
  items: Resource[];
  onChange(items: Resource[]): void;
  errors: ErrorsAt;
}

const blank = (): Resource => ({ id: '', name: '', url: '', phone: '', purpose: '', checkBeforeSend: false });

export function ResourcesEditor({ items, onChange, errors }: Props) {
  const { t } = useT('editorItems');
  return (
    <ListEditor
      legend={t('resources.legend')}
      itemName={t('resources.item')}
      hint={t('resources.hint')}
      items={items}
      onChange={onChange}
      create={blank}
      errors={errors('/resources')}
      renderItem={(r, update, i) => {
        const at = (field: string) => errors(`/resources/${i}${field}`);
        return (
          <div className="form-grid">
            <TextField
              label={t('resources.id')}
              value={r.id}
              onChange={(id) => update({ ...r, id })}
              hint={t('resources.idHint')}
              errors={at('/id')}
            />
            <TextField
              label={t('resources.name')}
              dir="auto"
              value={r.name}
              onChange={(name) => update({ ...r, name })}
              errors={at('/name')}
            />
            <TextField
              label={t('resources.purpose')}
              dir="auto"
              className="span-all"
              value={r.purpose}
              onChange={(purpose) => update({ ...r, purpose })}
              errors={at('/purpose')}
            />
            <DirectoryPicker section="resources" item={r} update={update} at={at}>
              <>
                <TextField
                  label={t('resources.url')}
                  type="url"
                  value={r.url ?? ''}
                  onChange={(url) => update({ ...r, url })}
                  errors={at('/url')}
                />
                <TextField
                  label={t('resources.phone')}
                  type="tel"
                  value={r.phone ?? ''}
                  onChange={(phone) => update({ ...r, phone })}
                  errors={at('/phone')}
                />
                <Checkbox
                  label={t('resources.checkBeforeSend')}
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
