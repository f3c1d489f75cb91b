import { useState } from 'react';
import { api, path } from '../api.js';
import { Checkbox, SelectField, TextField } from '../components/fields.js';
import { ErrorAlert, LoadStatus } from '../components/problems.js';
import { useResource, useSubmit } from '../hooks.js';
import { useUser } from '../session.js';
import type { AnswerBody, DisclosableView, FieldPermission, PoliceRequestDetail } from '../types.js';

interface Props {
  request: PoliceRequestDetail;
  onAnswered(): void;
}

const key = (subject: string, field: string) => `${subject}\u0000${field}`;

function preview(value: unknown): string {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0))
    return 'caveat holds nothing for this field.';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

/** Why a field cannot be selected, in one sentence (the server's reason when it adds something). */
function outsideWhy(reason: string | null): string {
  const base = 'Outside the agency’s data-sharing policy';
  if (!reason || /^is not allowed by/.test(reason)) return `${base}.`;
  return `${base}: ${reason.replace(/\.$/, '')}.`;
}

/**
 * The answer: one checkbox per field per subject. A field the agency's data-sharing policy does not
 * allow is disabled with the reason; only an administrator can enable it, by giving an override
 * reason that is recorded with every disclosure it covers. The server checks all of this again.
 */
export function AnswerPanel({ request, onAnswered }: Props) {
  const user = useUser();
  const isAdmin = user.role === 'admin';
  const { state } = useResource<DisclosableView>(path`/v1/admin/police-requests/${request.id}/disclosable`);
  const [chosen, setChosen] = useState<string[]>([]);
  const [overriding, setOverriding] = useState(false);
  const [overrideReason, setOverrideReason] = useState('');
  const [status, setStatus] = useState<'answered' | 'partially_answered'>('answered');
  const [note, setNote] = useState('');
  const [sent, setSent] = useState<{ subject: string; field: string }[]>([]);

  const fieldsByName = new Map<string, FieldPermission>(
    state.status === 'ready' ? state.data.fields.map((f) => [f.field, f]) : [],
  );
  const disclose = chosen.map((k) => {
    const [subject = '', field = ''] = k.split('\u0000');
    return { subject, field };
  });
  const needsOverride = disclose.some((d) => fieldsByName.get(d.field)?.allowed === false);

  const { error, errors, busy, submit } = useSubmit(async () => {
    const body: AnswerBody = {
      disclose,
      status,
      ...(needsOverride && overriding ? { override: { reason: overrideReason.trim() } } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    setSent(disclose);
    await api.post(path`/v1/admin/police-requests/${request.id}/answer`, body);
    onAnswered();
  }, '');

  /** The server names a refused item by its index in what was sent: find its checkbox again. */
  const errorsFor = (subject: string, field: string) => {
    const index = sent.findIndex((d) => d.subject === subject && d.field === field);
    return index < 0 ? undefined : (errors(`/disclose/${index}/field`) ?? errors(`/disclose/${index}`));
  };

  const toggle = (k: string, on: boolean) =>
    setChosen((old) => (on ? [...old.filter((x) => x !== k), k] : old.filter((x) => x !== k)));

  return (
    <section aria-labelledby="answer-heading" className="panel">
      <h2 id="answer-heading">Answer</h2>
      <LoadStatus state={state} what="what caveat holds" />
      {state.status === 'ready' && (
        <form onSubmit={submit} className="stack answer-form">
          <p>
            Choose what to disclose to {request.agencyName}.{' '}
            {state.data.policyVersion === null
              ? 'This agency has no data-sharing policy: only public scam-indicator facts can be selected.'
              : `Fields are limited by its data-sharing policy (version ${state.data.policyVersion}).`}
          </p>
          {state.data.subjects.length === 0 && (
            <p>caveat holds no records for the identifiers of this request.</p>
          )}
          {state.data.subjects.map((subject) => (
            <fieldset key={subject.subject}>
              <legend>
                <code>{subject.value}</code> ({subject.kind}, {subject.decisions} screening
                {subject.decisions === 1 ? '' : 's'})
              </legend>
              {state.data.fields.map((field) => {
                const k = key(subject.subject, field.field);
                const locked = !field.allowed && !(isAdmin && overriding);
                const why = field.allowed
                  ? preview(subject.values[field.field])
                  : `${outsideWhy(field.reason)} ${
                      isAdmin ? 'Enable it with an override below.' : 'Only an administrator can override.'
                    }`;
                return (
                  <Checkbox
                    key={k}
                    label={`${field.label}${field.requested ? ' (asked for)' : ''}`}
                    checked={chosen.includes(k)}
                    disabled={locked}
                    onChange={(on) => toggle(k, on)}
                    hint={why}
                    errors={errorsFor(subject.subject, field.field)}
                    className={field.allowed ? undefined : 'field-outside-policy'}
                  />
                );
              })}
            </fieldset>
          ))}
          {isAdmin ? (
            <fieldset>
              <legend>Override</legend>
              <Checkbox
                label="Disclose fields outside the policy (administrator override)"
                checked={overriding}
                onChange={(on) => {
                  setOverriding(on);
                  if (!on)
                    setChosen((old) =>
                      old.filter((k) => fieldsByName.get(k.split('\u0000')[1] ?? '')?.allowed),
                    );
                }}
                hint="The reason is recorded with every disclosure it covers, in the disclosure log."
              />
              {overriding && (
                <TextField
                  label="Override reason"
                  multiline
                  rows={2}
                  required
                  value={overrideReason}
                  onChange={setOverrideReason}
                  errors={errors('/override/reason') ?? errors('/override')}
                />
              )}
            </fieldset>
          ) : (
            <p className="hint">
              Fields outside the policy are disabled. An administrator can disclose them with a recorded
              reason.
            </p>
          )}
          <SelectField
            label="Result"
            value={status}
            onChange={(value) =>
              setStatus(value === 'partially_answered' ? 'partially_answered' : 'answered')
            }
            options={[
              { value: 'answered', label: 'Answered' },
              { value: 'partially_answered', label: 'Partially answered' },
            ]}
          />
          <TextField
            label="Note to the officer (optional)"
            multiline
            rows={3}
            value={note}
            onChange={setNote}
            errors={errors('/note')}
          />
          <ErrorAlert error={error} title="The answer was not sent." />
          <p className="hint" role="status">
            {disclose.length === 0
              ? 'Nothing selected: the answer discloses no data.'
              : `${disclose.length} field${disclose.length === 1 ? '' : 's'} selected.`}
          </p>
          <button type="submit" className="button-primary" disabled={busy || (needsOverride && !overriding)}>
            Send answer and build the evidence pack
          </button>
        </form>
      )}
    </section>
  );
}
