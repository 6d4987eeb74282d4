/**
 * Child process for the crash test: imports 6 batches of 1500 conversations, printing "committed N"
 * after each; the parent SIGKILLs it while a later batch is being written. If it ever finishes first it
 * waits to be killed, so the parent's assertions still hold.
 */
import { openStore } from '../../src/store/open-store.ts';
import { conversations } from './fixtures.ts';

const [url, schema] = process.argv.slice(2);
const store = await openStore(url, { schema: schema || undefined });
const source = await store.ensureSource('crash', 'import', 'csv');
const BATCH = 1500;
for (let b = 0; b < 6; b++) {
  await store.writeConversations('crash', source, conversations(b * BATCH, (b + 1) * BATCH));
  process.stdout.write(`committed ${b}\n`);
}
setInterval(() => undefined, 1000);
