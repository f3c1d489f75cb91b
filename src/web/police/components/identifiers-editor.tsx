import type { ErrorsAt } from '../../console/components/problems.js';
import { TextField } from '../../console/components/fields.js';
import type { IdentifierInput } from '../types.js';

interface Props {
  value: IdentifierInput[];
  onChange(value: IdentifierInput[]): void;
  errors: ErrorsAt;
}

/** One row per account, address or transaction the request names; the server says which one is wrong. */
export function IdentifiersEditor({ value, onChange, errors }: Props) {
  const set = (index: number, row: IdentifierInput) =>
    onChange(value.map((old, i) => (i === index ? row : old)));
  return (
    <fieldset className="span-all">
      <legend>Identifiers concerned</legend>
      <p className="hint">
        Wallet addresses, accounts, domains, phone numbers, emails, handles, or a user pseudonym from an
        alert.
      </p>
      {errors('/identifiers') && <p className="field-error">{errors('/identifiers')?.join('; ')}</p>}
      {value.map((row, index) => (
        <div className="identifier-row" key={index}>
          <TextField
            label={`Identifier ${index + 1}`}
            required
            value={row.value}
            onChange={(text) => set(index, { ...row, value: text })}
            errors={errors(`/identifiers/${index}/value`) ?? errors(`/identifiers/${index}`)}
          />
          <TextField
            label={`Network of identifier ${index + 1} (optional)`}
            value={row.network ?? ''}
            onChange={(text) => set(index, text ? { ...row, network: text } : { value: row.value })}
            hint="For an address: TRC20, ETH, BTC… Guessed from the address when empty."
            errors={errors(`/identifiers/${index}/network`)}
          />
          {value.length > 1 && (
            <button
              type="button"
              className="button-quiet"
              onClick={() => onChange(value.filter((_, i) => i !== index))}
            >
              Remove identifier {index + 1}
            </button>
          )}
        </div>
      ))}
      <button type="button" onClick={() => onChange([...value, { value: '' }])}>
        Add an identifier
      </button>
    </fieldset>
  );
}
