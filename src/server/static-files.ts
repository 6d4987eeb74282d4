import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** Content types of the files the dashboard ships (no build step: html, js modules, css, svg, json). */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** A static file ready to send. */
export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/**
 * Reads `urlPath` under `rootDir`, or returns null when it does not exist or would escape the root.
 * The URL path is decoded once, then resolved; anything resolving outside the root (`..`, encoded
 * `%2e%2e`, absolute paths, NUL bytes) is refused, so no directory traversal is possible.
 */
export async function readStaticFile(rootDir: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const root = path.resolve(rootDir);
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const target = path.resolve(root, relative);
  if (target !== root && !target.startsWith(root + path.sep)) return null;
  // Dotfiles are never served (editor swap files, .env...).
  if (path.relative(root, target).split(path.sep).some((part) => part.startsWith('.'))) return null;
  try {
    const info = await stat(target);
    if (!info.isFile()) return null;
    const body = await readFile(target);
    const contentType = CONTENT_TYPES[path.extname(target).toLowerCase()] ?? 'application/octet-stream';
    return { body, contentType };
  } catch {
    return null;
  }
}
