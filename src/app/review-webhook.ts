import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { Webhook } from 'standardwebhooks';
import type { ReviewStep } from '../campaigns/review-model.js';
import type { Config } from '../config.js';

export interface ReviewWebhookOptions {
  url: string | undefined;
  secret: string | undefined;
  /** The console's address, for the link in the message. */
  publicBaseUrl: string;
  /** Waits before the second, third… attempt (tests shorten them). */
  retryDelaysMs?: readonly number[];
  timeoutMs?: number;
}

/**
 * Tells the exchange's own systems of a review step: a Standard Webhooks POST (webhook-id,
 * -timestamp, -signature), signed as relay deliveries and on-call pages are. It runs after the
 * step committed and never makes it wait or fail: a refusal is retried a few times in the
 * background with the same webhook-id (receivers de-duplicate on it), then logged. The console's
 * notification list holds the same steps durably.
 */
export function reviewWebhook(options: ReviewWebhookOptions, logger: Logger): (step: ReviewStep) => void {
  const delays = options.retryDelaysMs ?? [2_000, 15_000, 60_000];
  return (step) => {
    const { url, secret } = options;
    if (!url || !secret) {
      logger.debug({ event: step.event, campaign: step.campaignId }, 'review step (no webhook set)');
      return;
    }
    const id = `msg_${randomUUID()}`;
    const type = `campaign.review.${step.event}`;
    const data = {
      ...step,
      recipients: step.recipients.map(({ email, name }) => ({ email, name })),
      consoleUrl: `${options.publicBaseUrl}/console/campaigns/${encodeURIComponent(step.campaignId)}`,
    };
    const attempt = async (n: number): Promise<void> => {
      const timestamp = new Date();
      const body = JSON.stringify({ type, timestamp: timestamp.toISOString(), data });
      let ok = false;
      try {
        const response = await fetch(url, {
          method: 'POST',
          redirect: 'manual',
          signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
          headers: {
            'content-type': 'application/json',
            'webhook-id': id,
            'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
            'webhook-signature': new Webhook(secret).sign(id, timestamp, body),
          },
          body,
        });
        await response.arrayBuffer().catch(() => undefined);
        ok = response.ok;
        if (!ok) logger.warn({ status: response.status, type, attempt: n + 1 }, 'review webhook refused');
      } catch (error) {
        logger.warn({ err: error, type, attempt: n + 1 }, 'review webhook failed');
      }
      if (ok || n >= delays.length) return;
      setTimeout(() => void attempt(n + 1), delays[n]).unref();
    };
    void attempt(0);
  };
}

export function reviewWebhookOptions(config: Config): ReviewWebhookOptions {
  return {
    url: config.review.webhookUrl,
    secret: config.review.webhookSecret,
    publicBaseUrl: config.police.publicBaseUrl,
  };
}
