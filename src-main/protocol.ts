import { protocol } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY, CONTENT_TYPES, responseHeaders } from './shell-policy.js';


/**
 * `app://` must be known before the app is ready: standard (relative URLs and
 * an origin of its own), secure (a secure context, like https) and allowed
 * to `fetch`. Call at module load of the main entry.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/**
 * The file under `rendererDir` that a request URL names, or null when the
 * URL is not ours or tries to leave the folder (`..`, encoded separators).
 */
export function rendererFile(rendererDir: string, url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let rel: string;
  try {
    rel = u.pathname === '/' ? 'index.html' : decodeURIComponent(u.pathname).replace(/^\/+/, '');
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  const root = resolve(rendererDir);
  const file = resolve(join(root, rel));
  return file.startsWith(root + sep) ? file : null;
}

function reply(status: number, body: Uint8Array | string | null, type: string, csp: string): Response {
  return new Response(body, {
    status,
    headers: { 'content-type': type, ...responseHeaders(csp) },
  });
}

/** The `app://` handler: GET and HEAD of files under `rendererDir`, with the same headers as the test host. */
export function createRendererHandler(rendererDir: string, csp = CONTENT_SECURITY_POLICY): (request: Request) => Promise<Response> {
  return async (request) => {
    const text = 'text/plain; charset=utf-8';
    if (request.method !== 'GET' && request.method !== 'HEAD') return reply(405, 'Metoden stöds inte.', text, csp);
    const file = rendererFile(rendererDir, request.url);
    if (!file) return reply(404, 'Finns inte.', text, csp);
    try {
      if (!(await stat(file)).isFile()) return reply(404, 'Finns inte.', text, csp);
      const body = request.method === 'HEAD' ? null : await readFile(file);
      return reply(200, body, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', csp);
    } catch {
      return reply(404, 'Finns inte.', text, csp);
    }
  };
}

/** Serves the built renderer (out/renderer) on `app://fristad/`. Call once the app is ready. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createRendererHandler(rendererDir));
}
