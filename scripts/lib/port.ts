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
