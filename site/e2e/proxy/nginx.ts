/**
 * A real TLS-terminating reverse proxy for browser tests: Debian's nginx with a self-signed certificate made by
 * openssl at test time, forwarding to the app the way README's deployment section shows.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

/** Fails loudly, with the install command, when nginx or openssl is missing (never skipped). */
export function assertProxyTools(): void {
  if (!existsSync(NGINX)) throw new Error(`nginx not found at ${NGINX}. Install it with: apt-get install -y nginx-light (or nginx); .ci/run does.`);
  if (spawnSync('openssl', ['version']).status !== 0) throw new Error('openssl not found. Install it with: apt-get install -y openssl');
}

/** The server block README's deployment section documents, with this test's ports and files. */
export function nginxConfig(o: { dir: string; tlsPort: number; appPort: number }): string {
  return `
worker_processes 1;
pid ${o.dir}/nginx.pid;
error_log ${o.dir}/error.log warn;
daemon off;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${o.dir}/body;
  proxy_temp_path ${o.dir}/proxy;
  fastcgi_temp_path ${o.dir}/fastcgi;
  uwsgi_temp_path ${o.dir}/uwsgi;
  scgi_temp_path ${o.dir}/scgi;
  # Uploads stream through; the app enforces its own per-route limits (panorama photos up to PANORAMA_UPLOAD_MAX_MB).
  client_max_body_size 200m;
  proxy_request_buffering off;
  server {
    listen 127.0.0.1:${o.tlsPort} ssl;
    server_name localhost;
    ssl_certificate ${o.dir}/cert.pem;
    ssl_certificate_key ${o.dir}/key.pem;
    ssl_protocols TLSv1.2 TLSv1.3;
    location / {
      proxy_pass http://127.0.0.1:${o.appPort};
      proxy_http_version 1.1;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto https;
      # Server-sent events (live hall updates, upload progress) must not be buffered.
      proxy_buffering off;
      proxy_read_timeout 1h;
    }
  }
}
`;
}

export interface Proxy {
  origin: string;
  stop(): Promise<void>;
  log(): string;
}

/** Starts nginx on `tlsPort` in front of `appPort`; resolves once it answers TLS. */
export async function startTlsProxy(tlsPort: number, appPort: number): Promise<Proxy> {
  assertProxyTools();
  const dir = mkdtempSync(join(tmpdir(), 'qianqi-nginx-'));
  const cert = spawnSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
    { encoding: 'utf8' },
  );
  if (cert.status !== 0) throw new Error(`openssl failed: ${cert.stderr}`);
  writeFileSync(join(dir, 'nginx.conf'), nginxConfig({ dir, tlsPort, appPort }));
  let output = '';
  const nginx: ChildProcess = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], { stdio: ['ignore', 'pipe', 'pipe'] });
  nginx.stdout!.on('data', (d) => (output += d));
  nginx.stderr!.on('data', (d) => (output += d));
  const log = () => output + (existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : '');
  const origin = `https://localhost:${tlsPort}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited with ${nginx.exitCode}:\n${log()}`);
    const probe = spawnSync('openssl', ['s_client', '-connect', `127.0.0.1:${tlsPort}`, '-brief'], { input: '', encoding: 'utf8', timeout: 5_000 });
    if (/Protocol version|CONNECTION ESTABLISHED/i.test(probe.stdout + probe.stderr)) break;
    if (Date.now() > deadline) throw new Error(`nginx did not come up:\n${log()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    origin,
    log,
    async stop() {
      nginx.kill('SIGQUIT');
      await new Promise((r) => (nginx.exitCode !== null ? r(null) : nginx.once('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
