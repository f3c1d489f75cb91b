import {
  Agent,
  createServer,
  request as forward,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** One backend as the proxy sees it: where it is, whether it is in rotation, what it answered. */
interface Backend {
  url: URL;
  agent: Agent;
  live: boolean;
  answered: number;
  failed: number;
}

/**
 * A small HTTP load balancer for tests: each request goes to the next live backend in turn. When
 * the connection to a backend fails (refused, or cut mid-request by a kill), the client gets a 502
 * and the backend leaves the rotation until its /healthz answers 200 again. A request is never
 * retried on another backend: a POST may have been acted on before the connection broke, and it is
 * the client, retrying with the same idempotency key, that makes a retry safe.
 */
export class RoundRobinProxy {
  private next = 0;
  private readonly checker: NodeJS.Timeout;

  private constructor(
    private readonly server: Server,
    private readonly backends: Backend[],
    readonly url: string,
  ) {
    // The load balancer's health check: a backend that failed comes back once it answers again.
    this.checker = setInterval(() => void this.checkHealth(), 200);
    this.checker.unref();
  }

  static async start(targets: readonly string[]): Promise<RoundRobinProxy> {
    const backends = targets.map((target) => ({
      url: new URL(target),
      agent: new Agent({ keepAlive: true, maxSockets: 64 }),
      live: true,
      answered: 0,
      failed: 0,
    }));
    const holder: { proxy?: RoundRobinProxy } = {};
    const server = createServer((req, res) => holder.proxy?.route(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    holder.proxy = new RoundRobinProxy(server, backends, `http://127.0.0.1:${port}`);
    return holder.proxy;
  }

  /** Requests each backend answered and connections to it that failed, in the order given. */
  stats(): { answered: number; failed: number; live: boolean }[] {
    return this.backends.map(({ answered, failed, live }) => ({ answered, failed, live }));
  }

  async close(): Promise<void> {
    clearInterval(this.checker);
    for (const backend of this.backends) backend.agent.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private pick(): { backend: Backend; index: number } | undefined {
    for (let tried = 0; tried < this.backends.length; tried += 1) {
      const index = this.next % this.backends.length;
      this.next += 1;
      const backend = this.backends[index] as Backend;
      if (backend.live) return { backend, index };
    }
    return undefined;
  }

  private route(req: IncomingMessage, res: ServerResponse): void {
    const picked = this.pick();
    if (!picked) {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('no live backend');
      return;
    }
    const { backend, index } = picked;
    const upstream = forward(
      {
        host: backend.url.hostname,
        port: backend.url.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: backend.url.host },
        agent: backend.agent,
      },
      (answer) => {
        backend.answered += 1;
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-backend': String(index) });
        answer.pipe(res);
        // Cut after the head was sent: the client sees a broken response, as behind a real balancer.
        answer.on('error', () => res.destroy());
      },
    );
    upstream.on('error', () => {
      backend.failed += 1;
      backend.live = false;
      if (res.headersSent) res.destroy();
      else res.writeHead(502, { 'content-type': 'text/plain' }).end('bad gateway');
    });
    req.pipe(upstream);
  }

  private async checkHealth(): Promise<void> {
    await Promise.all(
      this.backends
        .filter((backend) => !backend.live)
        .map(async (backend) => {
          try {
            const answer = await fetch(new URL('/healthz', backend.url), {
              signal: AbortSignal.timeout(500),
            });
            await answer.body?.cancel();
            if (answer.status === 200) backend.live = true;
          } catch {
            // Still down: it stays out of the rotation.
          }
        }),
    );
  }
}
