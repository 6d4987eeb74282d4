/**
 * `POST /api/messages`: a helpdesk webhook or a script pushes conversations as they happen. The body is
 * one record, an array of them, or {"records": [...]}, with the field names of a JSON/JSONL file
 * (`ecoute ingest`); `?source=NAME` names the source (default "api"). Records are stored with their
 * natural keys and analysed in the request (alert rules included), so batches should stay small.
 * Idempotent twice over: re-posting the same records adds nothing (natural keys), and a request sent
 * again with the same `Idempotency-Key` gets the first answer (200) without being processed again.
 */
import { createHash } from 'node:crypto';
import type { Context, Hono } from 'hono';
import type { AnalyzerModel } from '../analyze/model.ts';
import { EcouteError, InputError, UsageError } from '../core/errors.ts';
import type { Clock } from '../core/ports.ts';
import { ingestRecords, type IngestRecordsResult } from '../runtime/import/ingest-records.ts';
import type { Store } from '../store/store.ts';
import { workspaceOf } from './workspace-context.ts';

/** Largest body accepted (bytes); larger pushes are answered 413. */
export const MAX_INGEST_BYTES = 2 * 1024 * 1024;
/** Most records per request: each request is analysed before it is answered. */
export const MAX_INGEST_RECORDS = 500;
const DEFAULT_SOURCE = 'api';
const KEY_RULE = /^[\x21-\x7e]{1,200}$/;
const SOURCE_RULE = /^[^\p{Cc}:]{1,100}$/u;

function tooLarge(what: string): EcouteError {
  return new EcouteError(
    'payload_too_large',
    `${what}. Send at most ${MAX_INGEST_BYTES} bytes and ${MAX_INGEST_RECORDS} records per request: split the batch into several requests.`,
    413,
    { maxBytes: MAX_INGEST_BYTES, maxRecords: MAX_INGEST_RECORDS },
  );
}

/** Reads the body, stopping (413) as soon as it passes the limit instead of buffering all of it. */
async function readBody(c: Context): Promise<Buffer> {
  const declared = Number(c.req.header('content-length') ?? NaN);
  if (declared > MAX_INGEST_BYTES) throw tooLarge(`The body is ${declared} bytes, over the limit of ${MAX_INGEST_BYTES}`);
  const body = c.req.raw.body;
  if (!body) return Buffer.alloc(0);
  const parts: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_INGEST_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(`The body is over the limit of ${MAX_INGEST_BYTES} bytes`);
    }
    parts.push(value);
  }
  return Buffer.concat(parts);
}

/** The records of a body: one record, an array of them, or {"records": [...]}. */
function recordsOf(raw: Buffer): unknown[] {
  if (raw.byteLength === 0) throw new UsageError('The request body is empty. Send a JSON record, an array of records, or {"records": [...]} with content-type application/json.');
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch (err) {
    throw new UsageError(`The request body is not valid JSON (${(err as Error).message}). Send a record, an array of records, or {"records": [...]}.`);
  }
  let records: unknown[];
  if (Array.isArray(body)) records = body;
  else if (body !== null && typeof body === 'object' && 'records' in body) {
    const r = (body as { records: unknown }).records;
    if (!Array.isArray(r)) throw new UsageError('Body field "records" must be an array of records, such as {"records": [{"text": "...", "date": "2026-11-20"}]}.', { parameter: 'records' });
    records = r;
  } else if (body !== null && typeof body === 'object') records = [body];
  else throw new UsageError('The request body must be a JSON object (one record), an array of records, or {"records": [...]}.');
  if (records.length === 0) throw new UsageError('The request holds no records. Send at least one, such as {"text": "...", "date": "2026-11-20", "conversation_id": "T-1"}.');
  if (records.length > MAX_INGEST_RECORDS) throw tooLarge(`The request holds ${records.length} records, over the limit of ${MAX_INGEST_RECORDS}`);
  return records;
}

function sourceOf(c: Context): string {
  const raw = c.req.query('source');
  if (raw === undefined) return DEFAULT_SOURCE;
  const source = raw.trim();
  if (!SOURCE_RULE.test(source)) {
    throw new UsageError(`Query parameter "source" ${JSON.stringify(raw)} is not a source name: use 1–100 characters without ":" or control characters, such as ?source=zendesk-webhook.`, { parameter: 'source' });
  }
  return source;
}

function keyOf(c: Context): string | undefined {
  const key = c.req.header('idempotency-key');
  if (key === undefined) return undefined;
  if (!KEY_RULE.test(key)) {
    throw new UsageError('Header "Idempotency-Key" must be 1–200 visible ASCII characters without spaces (a UUID is a good key).', { parameter: 'Idempotency-Key' });
  }
  return key;
}

/** Mounts the route. Requests are handled one at a time, so a replay waits for the first answer. */
export function registerIngestRoute(app: Hono, store: Store, clock: Clock, model: AnalyzerModel | undefined, publicUrl: string | null = null): void {
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };

  app.post('/api/messages', async (c) => {
    const workspaceId = workspaceOf(c);
    const sourceName = sourceOf(c);
    const key = keyOf(c);
    const raw = await readBody(c);
    // The key names one batch: its body and its source.
    const sha256 = createHash('sha256').update(sourceName).update('\n').update(raw).digest('hex');
    return serially(async () => {
      if (key !== undefined) {
        const prior = await store.findIngestRequest(workspaceId, key);
        if (prior && prior.bodySha256 === sha256) return c.json(prior.response as IngestRecordsResult, 200);
        if (prior) {
          throw new InputError(
            `Idempotency-Key "${key}" was already used on ${prior.createdAt.toISOString()} with a different body or source. A key names one batch: send this batch with a new key, or resend the first body unchanged to get its answer again.`,
            { parameter: 'Idempotency-Key' },
          );
        }
      }
      const records = recordsOf(raw);
      const result = await ingestRecords({ store, workspaceId, records, sourceName, clock, model, rules: { clock, publicUrl } });
      const accepted = result.inserted + result.updated + result.skipped;
      // Nothing usable: the client must fix the records, so the key stays free for the fixed batch.
      if (accepted === 0) return c.json(result, 422);
      if (key !== undefined) await store.saveIngestRequest(workspaceId, key, sha256, result);
      return c.json(result, 201);
    });
  });
}
