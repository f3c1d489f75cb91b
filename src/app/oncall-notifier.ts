import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { Webhook } from 'standardwebhooks';

export type OncallEvent = 'police_request.created' | 'police_request.due_soon' | 'police_request.overdue';

export interface OncallPage {
  event: OncallEvent;
  requestId: string;
  caseNumber: string;
  type: string;
  agencyId: string;
  dueAt: string;
  /** Emergency requests (threat to life) page at once. */
  urgent: boolean;
}

/**
 * Pages the exchange's own on-call system: a Standard Webhooks POST (webhook-id, -timestamp,
 * -signature, like relay deliveries) to ONCALL_WEBHOOK_URL. The body names the case, never personal
 * data. Without a URL the page is only logged. One attempt: the sweeper pages again on the next step
 * (due soon, overdue), and the console inbox shows the same state.
 */
export class OncallNotifier {
  constructor(
    private readonly url: string | undefined,
    private readonly secret: string | undefined,
    private readonly logger: Logger,
    private readonly timeoutMs = 5000,
  ) {}

  readonly sent: OncallPage[] = [];

  async page(page: OncallPage): Promise<boolean> {
    this.sent.push(page);
    if (this.sent.length > 100) this.sent.shift();
    if (!this.url || !this.secret) {
      this.logger.info(
        { event: page.event, caseNumber: page.caseNumber },
        'police request on-call page (no webhook set)',
      );
      return false;
    }
    const id = `msg_${randomUUID()}`;
    const timestamp = new Date();
    const body = JSON.stringify({ type: page.event, timestamp: timestamp.toISOString(), data: page });
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'webhook-id': id,
          'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
          'webhook-signature': new Webhook(this.secret).sign(id, timestamp, body),
        },
        body,
      });
      await response.arrayBuffer().catch(() => undefined);
      if (!response.ok)
        this.logger.warn({ status: response.status, event: page.event }, 'on-call webhook refused the page');
      return response.ok;
    } catch (error) {
      this.logger.warn({ err: error, event: page.event }, 'on-call webhook failed');
      return false;
    }
  }
}
