import { createServer } from 'node:net';

/** Resolves when nothing listens on host:port; rejects with a readable message otherwise. */
export function assertPortFree(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        new Error(
          err.code === 'EADDRINUSE'
            ? `端口 ${port} 已被占用 Port ${port} is already in use: stop the other server or set PORT`
            : `无法监听端口 ${port} Cannot listen on ${host}:${port}: ${err.code ?? err.message}`,
        ),
      );
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/** A port nothing listens on right now (for test and benchmark servers on loopback). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Resolves once `url` answers 2xx; rejects with the server's log when it exits first or the time runs out. */
export async function waitUntilUp(url: string, server: { exitCode: number | null }, log: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}:\n${log()}`);
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not come up at ${url}:\n${log()}`);
}
