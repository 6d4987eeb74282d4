/**
 * Child process for the crash test: claims the due deliveries of a workspace (real clock), then —
 * mode "after-send" — sends each (the receiver gets it) or — mode "before-send" — sends nothing, prints
 * what it did, and blocks without recording, waiting for the parent's SIGKILL. With a 6th argument "wait"
 * it prints "ready" once its store is open and claims only when a line arrives on stdin, so that the
 * parent can make two children claim at the same moment.
 * Usage: deliver-child.ts URL SCHEMA|'' WORKSPACE MODE LEASE_MS [wait]
 */
import { once } from 'node:events';
import { createDeliveryTransport } from '../../src/runtime/act/delivery-transport.ts';
import { openStore } from '../../src/store/open-store.ts';

const [url, schema, workspace, mode, leaseMs, wait] = process.argv.slice(2);
const store = await openStore(url, { schema: schema || undefined });
const transport = createDeliveryTransport({ mailFrom: 'ecoute@example.test', timeoutMs: 5000 });
if (wait === 'wait') {
  process.stdout.write('ready\n');
  await once(process.stdin, 'data');
}
const claimed = await store.claimDueDeliveries(workspace, new Date(), { limit: 500, leaseMs: Number(leaseMs) });
process.stdout.write(`claimed ${claimed.map((d) => d.id).join(',')}\n`);
if (mode === 'after-send') {
  for (const d of claimed) {
    const result = await transport.send(d);
    process.stdout.write(`sent ${d.id} ${result.kind === 'http' ? result.status : result.kind}\n`);
  }
}
process.stdout.write('blocked\n');
setInterval(() => undefined, 1000);
