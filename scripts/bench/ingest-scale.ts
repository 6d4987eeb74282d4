/**
 * Ingest at scale: the real `ecoute ingest` (its own process, a fresh SQLite database) reads a JSONL
 * export of chat conversations (Intercom's shape, as `sample/chats-intercom.jsonl`) holding N
 * messages, and the bench prints the time, messages per second and the process's peak resident
 * memory, worker threads included. Memory is bounded when the peak does not grow with the file: run
 * it at two sizes (the default runs 100,000 then 1,000,000 messages). The files are written once,
 * deterministically (scripts/bench/synthetic-data.ts), and cached in `.tmp/`.
 * Run: `npm run bench -- ingest` or `tsx scripts/bench/ingest-scale.ts [--messages N[,N…]] [--analyze]`
 * (`--analyze`: analyse every message in the same run, as `ecoute ingest` does by default; without
 * it the run imports only, `--no-analyze`, and analysis is timed by `npm run bench -- analyze`).
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openStore } from '../../src/store/open-store.ts';
import { BENCH_END } from './bench-database.ts';
import { syntheticConversation } from './synthetic-data.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HOOK = fileURLToPath(new URL('./max-rss-hook.mjs', import.meta.url));
const { values } = parseArgs({ options: { messages: { type: 'string', default: '100000,1000000' }, analyze: { type: 'boolean', default: false } } });
const SIZES = values.messages.split(',').map(Number);
const SPAN_DAYS = 364;

/** The cached JSONL export of `messages` messages (four a conversation), written on first use. */
function exportFile(messages: number): string {
  const file = path.join(ROOT, `.tmp/bench-ingest-${messages}.jsonl`);
  if (existsSync(file)) return file;
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.writing`;
  const fd = openSync(tmp, 'w');
  const start = new Date(BENCH_END.getTime() - SPAN_DAYS * 86_400_000);
  const conversations = Math.ceil(messages / 4);
  const customers = Math.max(50, Math.floor(conversations / 12));
  try {
    let chunk: string[] = [];
    for (let i = 0; i < conversations; i++) {
      const { conversation: c } = syntheticConversation(i, start, SPAN_DAYS, customers);
      chunk.push(JSON.stringify({
        conversation_id: `ingest-${i}`, created_at: c.startedAt.toISOString(), channel: c.channel === 'review' ? 'chat' : c.channel,
        team: c.team ?? null, assignee: c.agent ?? null, language: c.messages[0].language,
        customer: c.customer ? { id: c.customer.externalId, name: c.customer.name, segment: c.customer.segment, value: c.customer.value } : { id: `anon-${i}` },
        messages: c.messages.map((m) => ({ author_type: m.role === 'customer' ? 'user' : 'admin', created_at: m.at.toISOString(), body: m.text })),
      }));
      if (chunk.length === 5000 || i === conversations - 1) {
        writeSync(fd, chunk.join('\n') + '\n');
        chunk = [];
      }
    }
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  return file;
}

/** Runs `ecoute ingest` on `file` into a fresh database; its wall time and peak RSS (from the hook). */
function ingest(file: string, db: string): Promise<{ seconds: number; peakMb: number; stderr: string }> {
  for (const side of ['', '-wal', '-shm']) rmSync(db + side, { force: true });
  const args = ['--import', HOOK, 'bin/ecoute.js', 'ingest', file, ...(values.analyze ? [] : ['--no-analyze'])];
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, DATABASE_URL: `sqlite:${db}` }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => { stderr = (stderr + s).slice(-20_000); });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      const seconds = (performance.now() - t0) / 1000;
      const kb = /bench-max-rss-kb: (\d+)/.exec(stderr)?.[1];
      if (code !== 0 || !kb) reject(new Error(`ecoute ingest exited with ${code}:\n${stderr}`));
      else resolve({ seconds, peakMb: Number(kb) / 1024, stderr });
    });
  });
}

console.log(`\`ecoute ingest\` of a JSONL chat export into a fresh SQLite database, ${values.analyze ? 'every customer message analysed' : 'import only (--no-analyze)'}`);
console.log('\n| messages | file | seconds | messages/s | peak RSS |\n|---|---|---|---|---|');
for (const n of SIZES) {
  const file = exportFile(n);
  const db = path.join(ROOT, `.tmp/bench-ingest-${process.pid}.db`);
  try {
    const r = await ingest(file, db);
    // Every message stored: a bench that timed a partial import would flatter it.
    const store = await openStore(`sqlite:${db}`);
    const stored = await store.counts('default').finally(() => store.close());
    if (stored.messages !== n) throw new Error(`${file}: ${stored.messages} messages stored, ${n} expected\n${r.stderr}`);
    console.log(`| ${n.toLocaleString('en')} | ${(statSync(file).size / 1e6).toFixed(0)} MB | ${r.seconds.toFixed(1)} | ${Math.round(n / r.seconds).toLocaleString('en')} | ${r.peakMb.toFixed(0)} MB |`);
  } finally {
    for (const side of ['', '-wal', '-shm']) rmSync(db + side, { force: true });
  }
}
