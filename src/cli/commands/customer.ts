import { UsageError } from '../../core/errors.ts';
import { pseudonymizeCustomerId } from '../../ingest/pii/redact.ts';
import type { Command } from '../command.ts';
import { parseFlags } from '../parse-flags.ts';
import { removedSummary } from '../removed-summary.ts';

const USAGE = `Usage: ecoute customer erase ID [--actor NAME]

Erases a customer everywhere (the right to erasure): their conversations with every message, analysis
and survey score, the cases and alerts that name them, and the customer row. Cached insights are
recomputed. ID is the customer's public id ("c_…", as the dashboard, API, cases and alerts show it)
or the customer id of your source system, as imported (an e-mail address is accepted: it is
pseudonymised the way imports store it); never a sequential number. An audit line records the erasure
(the source system's id is kept only as a SHA-256 prefix). Erasing again removes nothing and says so.
  --actor N   who asked, for the audit log (default: cli)`;

/** `ecoute customer erase`: GDPR erasure of one customer. */
export const customerCommand: Command = {
  name: 'customer',
  summary: 'Erase a customer everywhere (messages, analyses, scores, cases), with an audit line',
  usage: USAGE,
  async run(args, ctx) {
    const { values, positionals } = parseFlags(args, { options: { actor: { type: 'string' } }, allowPositionals: true }, USAGE);
    const [action, id, ...rest] = positionals;
    if (action !== 'erase') throw new UsageError(`Say what to do: "erase ID".\n${USAGE}`);
    if (!id?.trim() || rest.length > 0) throw new UsageError(`customer erase takes one customer id.\n${USAGE}`);
    const store = await ctx.openStore();
    try {
      // E-mail addresses and phones are stored as keyed pseudonyms: the same key finds them.
      const externalId = pseudonymizeCustomerId(id, await store.pseudonymSecret());
      const removed = await store.eraseCustomer(ctx.config.workspace, externalId, values.actor);
      if (removed.customers === 0 && removed.messages === 0 && removed.conversations === 0 && removed.surveyAnswers === 0) {
        ctx.stdout.write(`Customer "${id}": nothing left to erase in workspace "${ctx.config.workspace}" (the request is logged).\n`);
      } else {
        ctx.stdout.write(`Erased customer "${id}": removed ${removedSummary(removed)}.\n`);
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};
