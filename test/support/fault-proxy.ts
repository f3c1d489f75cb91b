import net from 'node:net';

interface Pair {
  client: net.Socket;
  server: net.Socket;
}

/**
 * A TCP proxy in front of the shared PostgreSQL that a test controls, so faults are injected on
 * the path between caveat and its store without ever touching the server itself: drop every
 * connection, refuse new ones, stall (bytes stop flowing both ways, sockets stay open, as with a
 * frozen server or a black-holed network), or add latency to every chunk.
 */
export class FaultProxy {
  private readonly pairs = new Set<Pair>();
  private refusing = false;
  private stalled = false;
  private latencyMs = 0;

  private constructor(
    private readonly server: net.Server,
    readonly port: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<FaultProxy> {
    const holder: { proxy?: FaultProxy } = {};
    const server = net.createServer((client) => holder.proxy?.accept(client, target));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.proxy = new FaultProxy(server, (server.address() as net.AddressInfo).port);
    return holder.proxy;
  }

  /** The same database URL, reached through this proxy. */
  urlFor(databaseUrl: string): string {
    const url = new URL(databaseUrl);
    url.hostname = '127.0.0.1';
    url.port = String(this.port);
    return url.toString();
  }

  get connections(): number {
    return this.pairs.size;
  }

  /** Cuts every open connection (both ends see a reset). */
  dropAll(): void {
    for (const pair of this.pairs) this.cut(pair);
  }

  refuse(on: boolean): void {
    this.refusing = on;
  }

  stall(on: boolean): void {
    this.stalled = on;
    for (const { client, server } of this.pairs) {
      if (on) {
        client.pause();
        server.pause();
      } else {
        client.resume();
        server.resume();
      }
    }
  }

  latency(ms: number): void {
    this.latencyMs = ms;
  }

  /** Back to a clean pass-through. */
  heal(): void {
    this.refuse(false);
    this.latency(0);
    this.stall(false);
  }

  async close(): Promise<void> {
    this.dropAll();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: net.Socket, target: { host: string; port: number }): void {
    if (this.refusing) {
      client.destroy();
      return;
    }
    const server = net.connect(target.port, target.host);
    const pair = { client, server };
    this.pairs.add(pair);
    this.forward(client, server);
    this.forward(server, client);
    for (const socket of [client, server]) {
      socket.on('error', () => this.cut(pair));
      socket.on('close', () => this.cut(pair));
    }
    if (this.stalled) {
      client.pause();
      server.pause();
    }
  }

  private forward(from: net.Socket, to: net.Socket): void {
    // Chunks keep their order under latency: each waits for the one before it.
    let last = Promise.resolve();
    from.on('data', (chunk: Buffer) => {
      const delay = this.latencyMs;
      if (delay === 0) {
        to.write(chunk);
        return;
      }
      last = last.then(
        () =>
          new Promise<void>((resolve) =>
            setTimeout(() => {
              if (!to.destroyed) to.write(chunk);
              resolve();
            }, delay),
          ),
      );
    });
  }

  private cut(pair: Pair): void {
    if (!this.pairs.delete(pair)) return;
    pair.client.destroy();
    pair.server.destroy();
  }
}
