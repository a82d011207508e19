import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import etag from 'etag';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

interface WebFile {
  type: string;
  bytes: Buffer;
  gzipped: Buffer | null;
  etag: string;
}

/** Paths the app never answers: the API, its documents, the health probe and the OAuth metadata. */
export const notTheApp = (path: string) =>
  path === '/api' || path.startsWith('/api/') || path === '/health' || path.startsWith('/.well-known/');

function load(dir: string): Map<string, WebFile> {
  const files = new Map<string, WebFile>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) {
        walk(path);
        continue;
      }
      const bytes = readFileSync(path);
      const type = TYPES[extname(name)] ?? 'application/octet-stream';
      const compressible = /^(text\/|application\/json|image\/svg)/.test(type) && bytes.length > 1024;
      files.set(`/${relative(dir, path).split(sep).join('/')}`, {
        type,
        bytes,
        gzipped: compressible ? gzipSync(bytes, { level: 9 }) : null,
        etag: etag(bytes),
      });
    }
  };
  walk(dir);
  return files;
}

/**
 * The conference web app (services/conference-web, built to dist/conference-web), held in memory from boot:
 * each file gzipped and given its ETag once. Hashed assets are immutable; index.html is revalidated, and answers
 * every path of the app's router (a deep link or a reload of /projects/… opens the app there). Null when the
 * app is not built, so the API works without it.
 */
export function webApp(dir: string): RequestHandler | null {
  if (!existsSync(join(dir, 'index.html'))) return null;
  const files = load(dir);
  const index = files.get('/index.html')!;
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || notTheApp(req.path)) return next();
    let file = files.get(req.path);
    if (!file) {
      // Only a browser's page request falls back to the app: a missing script, or an API client, gets the 404.
      if (extname(req.path) !== '' || !req.headers.accept?.includes('text/html')) return next();
      file = index;
    }
    res.setHeader('content-type', file.type);
    res.setHeader(
      'cache-control',
      req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
    res.setHeader('etag', file.etag);
    res.vary('accept-encoding');
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    if (file.gzipped && req.acceptsEncodings('gzip', 'identity') === 'gzip') {
      res.setHeader('content-encoding', 'gzip');
      res.send(file.gzipped);
      return;
    }
    res.send(file.bytes);
  };
}
