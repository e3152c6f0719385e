// A TCP relay in front of the test database that counts the connections made through it: a URL
// naming its port makes every connection attempt of the extension or the language server visible.
import { createServer, connect as connectTcp, type Server, type Socket } from 'node:net';

export class CountingDbProxy {
  private accepted = 0;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  /** connections accepted so far (each one a client that tried to reach the database) */
  get connections(): number {
    return this.accepted;
  }

  static async start(targetHost: string, targetPort: number): Promise<CountingDbProxy> {
    let proxy: CountingDbProxy | undefined;
    const server = createServer((client) => {
      if (!proxy) return void client.destroy();
      proxy.accepted++;
      const upstream = connectTcp(targetPort, targetHost);
      for (const socket of [client, upstream]) {
        proxy.sockets.add(socket);
        socket.on('close', () => proxy?.sockets.delete(socket));
        // either side going away ends the other; errors are the client's to report, not ours
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    const port = await new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : 0);
      });
    });
    proxy = new CountingDbProxy(server, port);
    return proxy;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
