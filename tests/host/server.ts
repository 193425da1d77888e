import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Core } from '../../src-main/core.js';
import { createAppRouter } from '../../src-main/api/app-router.js';
import type { Router } from '../../src-main/api/router.js';
import type { KdfBase } from '../../src-main/vault/vault.js';
import { createLogger, silentLogger, type Logger } from '../../src-main/log.js';
import { CONTENT_TYPES, responseHeaders } from '../../src-main/shell-policy.js';
import { PlaywrightPrintEngine } from '../support/playwright-print-engine.js';

/**
 * The test host: the real main-process core and router in Node, the built
 * renderer served to a browser, and the same invoke calls carried over
 * loopback. Listens on 127.0.0.1 only; every call needs the per-run token,
 * the right Host header (against DNS rebinding) and no foreign Origin.
 */

export interface HostOptions {
  vaultDir: string;
  rendererDir?: string;
  port?: number;
  kdf?: KdfBase;
  logger?: Logger;
}

export interface RunningHost {
  url: string;
  /** The address with the token, what a person opens. */
  openUrl: string;
  token: string;
  core: Core;
  router: Router;
  close(): Promise<void>;
}

const SECURITY_HEADERS = responseHeaders();

const MAX_BODY = 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type });
  res.end(body);
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const rendererDir = resolve(options.rendererDir ?? join(import.meta.dirname, '../../out/renderer'));
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${rendererDir}). Run: npx vite build --config vite.renderer.config.ts`);
  }
  const logger = options.logger ?? silentLogger;
  const core = new Core({ vaultDir: options.vaultDir, kdf: options.kdf, logger });
  const router = createAppRouter(core);
  const token = randomBytes(32).toString('hex');
  const tokenBuf = Buffer.from(token);
  let expectedHost = '';

  const server = createServer((req, res) => {
    void (async () => {
      if (req.headers.host !== expectedHost) return send(res, 421, 'Fel värd.');
      const url = new URL(req.url ?? '/', `http://${expectedHost}`);
      if (url.pathname === '/invoke') {
        if (req.method !== 'POST') return send(res, 405, 'Endast POST.');
        const origin = req.headers.origin;
        if (origin !== undefined && origin !== `http://${expectedHost}`) return send(res, 403, 'Fel ursprung.');
        const given = Buffer.from(String(req.headers['x-fristad-token'] ?? ''));
        if (given.length !== tokenBuf.length || !timingSafeEqual(given, tokenBuf)) return send(res, 403, 'Fel nyckel.');
        let payload: { channel?: unknown; input?: unknown };
        try {
          payload = JSON.parse(await readBody(req)) as { channel?: unknown; input?: unknown };
        } catch {
          return send(res, 400, JSON.stringify({ ok: false, error: { code: 'validation', message: 'Anropet kunde inte läsas.' } }), 'application/json');
        }
        const result = await router.invoke(payload.channel, payload.input === null ? undefined : payload.input);
        return send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Metoden stöds inte.');
      const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
      const file = normalize(join(rendererDir, rel));
      if (!file.startsWith(rendererDir + sep) || !existsSync(file) || !statSync(file).isFile()) return send(res, 404, 'Finns inte.');
      return send(res, 200, readFileSync(file), CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
    })().catch((err: unknown) => {
      logger.error('host.request_failed', { error: err instanceof Error ? err.name : 'unknown' });
      if (!res.headersSent) send(res, 500, 'Internt fel.');
    });
  });

  await new Promise<void>((ok) => server.listen(options.port ?? 0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  expectedHost = `127.0.0.1:${port}`;
  const url = `http://${expectedHost}/`;
  // Printing renders the same print route in Playwright's Chromium, started at the first print.
  const printEngine = new PlaywrightPrintEngine(url);
  core.usePrintEngine(printEngine);
  return {
    url,
    openUrl: `${url}#token=${token}`,
    token,
    core,
    router,
    async close() {
      await core.lock('quit');
      await printEngine.close();
      await new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections?.();
    },
  };
}

export { createLogger };
