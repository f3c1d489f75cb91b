import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../api.js';
import { Checkbox, SelectField, TextField } from '../../console/components/fields.js';
import { LoadStatus } from '../../console/components/problems.js';
import { ProblemAlert } from '../components/problem-alert.js';
import { IdentifiersEditor } from '../components/identifiers-editor.js';
import { useDocumentTitle, useResource, useSubmit } from '../hooks.js';
import { typeLabel } from '../labels.js';
import type {
  DisclosableField,
  IdentifierInput,
  NewRequestBody,
  RequestCreated,
  RequestType,
} from '../types.js';
import { uploadOrder } from './upload.js';

const TYPES: RequestType[] = ['disclosure', 'preservation', 'emergency', 'intelligence'];

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

const REQUEST_LABELS = {
  '/type': 'Type of request',
  '/legalBasis': 'Legal basis',
  '/agencyReference': 'Your agency’s reference',
  '/requestedDeadline': 'Requested deadline',
  '/identifiers': 'Identifiers',
  '/fields': 'Fields to disclose',
  '/description': 'Description',
  '/threatToLife': 'Threat to life',
};

export function NewRequestPage() {
  useDocumentTitle('New request');
  const navigate = useNavigate();
  const catalogue = useResource<DisclosableField[]>('/police/api/fields');
  const [type, setType] = useState<RequestType>('disclosure');
  const [legalBasis, setLegalBasis] = useState('');
  const [agencyReference, setAgencyReference] = useState('');
  const [identifiers, setIdentifiers] = useState<IdentifierInput[]>([{ value: '' }]);
  const [fields, setFields] = useState<string[]>([]);
  const [requestedDeadline, setRequestedDeadline] = useState(inDays(30));
  const [description, setDescription] = useState('');
  const [threatToLife, setThreatToLife] = useState(false);
  const [order, setOrder] = useState<File | null>(null);
  const [orderError, setOrderError] = useState<string[] | undefined>(undefined);
  const fileId = useId();

  const { error, errors, busy, submit } = useSubmit(async () => {
    setOrderError(undefined);
    if (order && order.type && order.type !== 'application/pdf') {
      setOrderError(['The order must be a PDF file.']);
      return;
    }
    const body: NewRequestBody = {
      type,
      legalBasis: legalBasis.trim(),
      agencyReference: agencyReference.trim(),
      identifiers: identifiers.map((i) =>
        i.network ? { value: i.value.trim(), network: i.network.trim() } : { value: i.value.trim() },
      ),
      requestedDeadline,
      description: description.trim(),
      ...(type === 'disclosure' ? { fields } : {}),
      ...(type === 'emergency' ? { threatToLife } : {}),
    };
    const created = await api.post<RequestCreated>('/police/api/requests', body);
    let uploadProblem: string | null = null;
    if (order) {
      try {
        await uploadOrder(created.id, order);
      } catch (caught) {
        uploadProblem = caught instanceof ApiError ? caught.detail : 'The file could not be uploaded.';
      }
    }
    navigate(`/requests/${encodeURIComponent(created.id)}`, {
      state: {
        notice: uploadProblem
          ? `Request ${created.caseNumber} was filed, but the order was not attached: ${uploadProblem} Attach it below.`
          : `Request ${created.caseNumber} was filed. Quote this case number in any message about it.`,
      },
    });
  });

  const toggle = (name: string, on: boolean) =>
    setFields((old) => (on ? [...old.filter((f) => f !== name), name] : old.filter((f) => f !== name)));

  return (
    <>
      <h1>New request</h1>
      <p className="lede">
        Every field is required unless marked optional. The exchange sees exactly what you enter here.
      </p>
      <form onSubmit={submit} className="form-grid request-form" noValidate>
        <SelectField
          label="Type of request"
          className="span-all"
          value={type}
          onChange={(value) => setType(value as RequestType)}
          options={TYPES.map((t) => ({ value: t, label: typeLabel[t] }))}
          errors={errors('/type')}
        />
        <TextField
          label="Legal basis"
          className="span-all"
          multiline
          rows={3}
          required
          value={legalBasis}
          onChange={setLegalBasis}
          errors={errors('/legalBasis')}
          hint="The law and the order or warrant you rely on."
        />
        <TextField
          label="Your agency’s reference"
          required
          value={agencyReference}
          onChange={setAgencyReference}
          errors={errors('/agencyReference')}
        />
        <TextField
          label="Requested deadline"
          type="date"
          required
          value={requestedDeadline}
          onChange={setRequestedDeadline}
          errors={errors('/requestedDeadline')}
          hint="The exchange’s own deadline may be sooner (emergency: 24 hours)."
        />
        <IdentifiersEditor value={identifiers} onChange={setIdentifiers} errors={errors} />
        {type === 'disclosure' && (
          <fieldset className="span-all">
            <legend>Fields to disclose</legend>
            <LoadStatus state={catalogue.state} what="the fields" />
            {errors('/fields') && <p className="field-error">{errors('/fields')?.join('; ')}</p>}
            {catalogue.state.status === 'ready' &&
              catalogue.state.data.map((field) => (
                <Checkbox
                  key={field.name}
                  label={field.label}
                  hint={field.description}
                  checked={fields.includes(field.name)}
                  onChange={(on) => toggle(field.name, on)}
                  errors={
                    fields.includes(field.name) ? errors(`/fields/${fields.indexOf(field.name)}`) : undefined
                  }
                />
              ))}
          </fieldset>
        )}
        {type === 'emergency' && (
          <Checkbox
            label="There is a threat to someone’s life or of serious injury"
            checked={threatToLife}
            onChange={setThreatToLife}
            errors={errors('/threatToLife')}
            hint="Emergency requests page the exchange’s on-call staff at once."
          />
        )}
        <TextField
          label="Description"
          className="span-all"
          multiline
          rows={5}
          required
          value={description}
          onChange={setDescription}
          errors={errors('/description')}
          hint="What happened, and why the exchange’s data matters to the investigation."
        />
        <div className="field span-all">
          <label htmlFor={fileId}>Order or warrant (PDF, optional, up to 10 MB)</label>
          <input
            id={fileId}
            type="file"
            accept="application/pdf,.pdf"
            aria-invalid={orderError ? true : undefined}
            aria-describedby={orderError ? `${fileId}-error` : undefined}
            onChange={(e) => setOrder(e.target.files?.[0] ?? null)}
          />
          {orderError && (
            <p id={`${fileId}-error`} className="field-error">
              {orderError.join('; ')}
            </p>
          )}
        </div>
        <ProblemAlert error={error} title="The request was not filed." labels={REQUEST_LABELS} />
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? 'Filing…' : 'File request'}
          </button>
        </div>
      </form>
    </>
  );
}
