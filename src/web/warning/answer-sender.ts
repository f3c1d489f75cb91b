import type { LadderStatus, ReactionEvent } from './decision.js';
import { sharedOutbox } from './event-outbox.js';

/**
 * Sends one answer and returns where the ladder stands after it. An answer is sent at once rather
 * than queued, because its result can pause the withdrawal; if the network or the server fails,
 * it goes to the outbox (same id: a copy that did arrive is a duplicate, never counted twice) and
 * the caller falls back to the step the content itself gives.
 */
export async function sendAnswer(
  endpoint: string,
  token: string,
  event: ReactionEvent,
  send: typeof fetch = (input, init) => fetch(input, init),
): Promise<LadderStatus | null> {
  try {
    const response = await send(`${endpoint}/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ events: [event] }),
    });
    if (response.ok) {
      const body = (await response.json()) as { results?: { ladder?: LadderStatus }[] };
      return body.results?.[0]?.ladder ?? null;
    }
    if (response.status >= 500 || response.status === 408 || response.status === 429)
      sharedOutbox().enqueue(endpoint, token, event);
    return null;
  } catch {
    sharedOutbox().enqueue(endpoint, token, event);
    return null;
  }
}
