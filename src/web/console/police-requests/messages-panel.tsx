import { useState } from 'react';
import { api, path } from '../api.js';
import { TextField } from '../components/fields.js';
import { ErrorAlert } from '../components/problems.js';
import { formatTime } from '../format.js';
import { useSubmit } from '../hooks.js';
import type { PoliceRequestDetail } from '../types.js';

/** The conversation with the officer who filed the request. */
export function MessagesPanel({ request, onSent }: { request: PoliceRequestDetail; onSent(): void }) {
  const [text, setText] = useState('');
  const { error, errors, busy, submit } = useSubmit(async () => {
    await api.post(path`/v1/admin/police-requests/${request.id}/messages`, { text: text.trim() });
    setText('');
    onSent();
  });
  return (
    <section aria-labelledby="messages-heading" className="panel">
      <h2 id="messages-heading">Messages with the officer</h2>
      {request.messages.length === 0 ? (
        <p>No messages yet.</p>
      ) : (
        <ol className="messages">
          {request.messages.map((m) => (
            <li key={m.id} className={`message message-${m.from}`}>
              <p className="meta">
                {m.from === 'officer' ? `${m.author} (officer)` : m.author} · {formatTime(m.at)}
              </p>
              <p className="prose">{m.text}</p>
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={submit} className="stack">
        <TextField
          label="Message to the officer"
          multiline
          rows={3}
          required
          value={text}
          onChange={setText}
          errors={errors('/text')}
        />
        <ErrorAlert error={error} title="The message was not sent." />
        <button type="submit" disabled={busy}>
          Send message
        </button>
      </form>
    </section>
  );
}
