import { useEffect, useState } from 'react';
import { api, path } from '../api.js';
import { SelectField, TextField } from '../components/fields.js';
import { FormPanel } from '../components/form-panel.js';
import { useSubmit } from '../hooks.js';
import { useUser } from '../session.js';
import type { PoliceRequestDetail, RequestPatchBody } from '../types.js';
import { statusLabel } from './labels.js';

// Answering sets answered / partially answered through the answer itself, with what was disclosed.
const HANDLING = ['received', 'verifying', 'in_progress', 'declined', 'redirected'] as const;
const NEEDS_REASON = new Set<string>(['declined', 'redirected']);

/** Status and assignment: who handles the request and where it stands. */
export function HandlingForm({ request, onSaved }: { request: PoliceRequestDetail; onSaved(): void }) {
  const me = useUser();
  const [status, setStatus] = useState<string>(request.status);
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  // The request is reloaded after each change: follow its status without losing the saved message.
  useEffect(() => setStatus(request.status), [request.status]);
  const save = useSubmit(async () => {
    setSaved(null);
    const body: RequestPatchBody = { status: status as RequestPatchBody['status'] };
    if (NEEDS_REASON.has(status)) body.reason = reason.trim();
    await api.patch(path`/v1/admin/police-requests/${request.id}`, body);
    setSaved('Status saved.');
    onSaved();
  });
  const assign = async (assignee: string | null) => {
    setSaved(null);
    await api.patch(path`/v1/admin/police-requests/${request.id}`, { assignee });
    setSaved(assignee ? 'Assigned to you.' : 'Unassigned.');
    onSaved();
  };
  const [assignError, setAssignError] = useState<unknown>(null);
  const closed = !HANDLING.some((s) => s === request.status) || NEEDS_REASON.has(request.status);

  return (
    <FormPanel
      headingId="handling-heading"
      title="Handling"
      error={save.error ?? assignError}
      failedTitle="The change was not saved."
      submitLabel="Save status"
      submitDisabled={save.busy || closed}
      onSubmit={save.submit}
      status={saved}
    >
      <div className="field span-all">
        <p>
          Assignee:{' '}
          <strong>
            {request.assignee === null ? 'nobody' : request.assignee === me.id ? 'you' : request.assignee}
          </strong>{' '}
          {request.assignee !== me.id && (
            <button type="button" onClick={() => assign(me.id).catch(setAssignError)}>
              Assign to me
            </button>
          )}{' '}
          {request.assignee !== null && (
            <button type="button" className="button-quiet" onClick={() => assign(null).catch(setAssignError)}>
              Unassign
            </button>
          )}
        </p>
      </div>
      <SelectField
        label="Status"
        value={status}
        disabled={closed}
        onChange={setStatus}
        options={(closed ? [request.status] : HANDLING).map((s) => ({
          value: s,
          label: (statusLabel as Record<string, string>)[s] ?? s,
        }))}
        errors={save.errors('/status')}
      />
      {NEEDS_REASON.has(status) && !closed && (
        <TextField
          label={status === 'declined' ? 'Reason for declining' : 'Formal channel to use, and why'}
          className="span-all"
          multiline
          rows={3}
          required
          value={reason}
          onChange={setReason}
          errors={save.errors('/reason')}
          hint="The officer reads this."
        />
      )}
    </FormPanel>
  );
}
