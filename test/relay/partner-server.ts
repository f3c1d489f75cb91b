import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export type Fault = 'ok' | 'error500' | 'reset' | 'hang' | 'redirect';

/**
 * A police partner's webhook endpoint on loopback: verifies every request with the official
 * standardwebhooks library against the secrets it was given, keeps what it accepted by webhook-id
 * (so redeliveries are seen once), and misbehaves on cue.
 */
export class PartnerServer {
  readonly received = new Map<string, unknown>();
  requests = 0;
  badSignatures = 0;
  faults: Fault[] = [];
  down = false;
  private server: Server | undefined;
  secrets: string[] = [];
  private gate: Promise<void> | undefined;
  private release: (() => void) | undefined;

  /** Holds every request until resume(): a backlog builds up without failures. */
  pause(): void {
    this.gate = new Promise((resolve) => (this.release = resolve));
  }

  resume(): void {
    this.release?.();
    this.gate = undefined;
  }

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', async () => {
        await this.gate;
        this.requests += 1;
        const fault = this.down ? 'reset' : (this.faults.shift() ?? 'ok');
        if (fault === 'reset') return request.socket.destroy();
        if (fault === 'error500') return response.writeHead(500).end('partner broke');
        if (fault === 'redirect') return response.writeHead(302, { location: 'http://127.0.0.2/' }).end();
        // Never answers: the request stays in flight until the sender gives up or dies. (An answer
        // after a delay would race a kill: the sender could record a delivery the partner never kept.)
        if (fault === 'hang') return;
        const body = Buffer.concat(chunks).toString();
        if (!this.verifies(body, request.headers)) {
          this.badSignatures += 1;
          return response.writeHead(401).end();
        }
        const id = String(request.headers['webhook-id']);
        if (!this.received.has(id)) this.received.set(id, JSON.parse(body));
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/caveat-alerts`;
  }

  private verifies(body: string, headers: IncomingHttpHeaders): boolean {
    return this.secrets.some((secret) => {
      try {
        new Webhook(secret).verify(body, {
          'webhook-id': String(headers['webhook-id']),
          'webhook-timestamp': String(headers['webhook-timestamp']),
          'webhook-signature': String(headers['webhook-signature']),
        });
        return true;
      } catch {
        return false;
      }
    });
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

export async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
