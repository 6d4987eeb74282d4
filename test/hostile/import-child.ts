/**
 * Child process of the bounded-memory tests: imports one file into a store and prints one JSON line
 * with the file's summary and the process's peak RSS, so the parent measures this import alone.
 * Arguments: DATABASE_URL, schema ('' for none), file.
 */
import { runImport } from '../../src/runtime/import/run-import.ts';
import { openStore } from '../../src/store/open-store.ts';

const [url, schema, file] = process.argv.slice(2);
const store = await openStore(url, { schema: schema || undefined });
try {
  const summary = await runImport({ store, workspaceId: 'w', files: [file] });
  const f = summary.files[0];
  const messages = (await store.counts('w')).messages;
  process.stdout.write(JSON.stringify({
    ok: true, rows: f.rows, inserted: f.inserted, rejected: f.rejected.slice(0, 5), rejectedCount: f.rejectedCount,
    warningCount: f.warningCount, messages, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }) + '\n');
} catch (err) {
  process.stdout.write(JSON.stringify({ ok: false, error: `${(err as Error).name}: ${(err as Error).message}`.slice(0, 2000), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\n');
} finally {
  await store.close();
}
