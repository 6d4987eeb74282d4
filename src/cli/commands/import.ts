import { UsageError } from '../../core/errors.ts';
import type { ImportListing } from '../../store/import-log-queries.ts';
import type { Command } from '../command.ts';
import { parseFlags, parseTextOrJson } from '../parse-flags.ts';
import { removedSummary } from '../removed-summary.ts';

const USAGE = `Usage: ecoute import list [--format text|json]
       ecoute import undo ID [--actor NAME]

  list        every import of the workspace: id, date, source, file, SHA-256 prefix, records in the
              file, records (conversations or employee answers) and messages it added
  undo ID     deletes what import ID added — its conversations with their messages, analyses, survey
              answers and cases, the messages and survey answers it appended to conversations stored
              before it, the customers it created that nothing else references — and forgets the import
              (the file can be imported again). Records that existed before it are kept. Audited.
  --actor N   who asked, for the audit log (default: cli)`;

const added = (n: number | null): string => (n === null ? '—' : String(n));

/** One line of `import list`. */
export function importLine(i: ImportListing): string {
  const state = i.finished ? '' : '  (unfinished: run the same ingest again to resume it)';
  return [
    i.id.padStart(4), i.importedAt.toISOString().slice(0, 16).replace('T', ' '), i.sourceName, i.fileName,
    i.sha256.slice(0, 12), `${i.records} records`, `+${added(i.recordsAdded)} records`, `+${added(i.messagesAdded)} messages`,
  ].join('  ') + state;
}

/** `ecoute import list|undo`: what each import added, and taking one back. */
export const importCommand: Command = {
  name: 'import',
  summary: 'List imports, or undo one (delete exactly what it added)',
  usage: USAGE,
  async run(args, ctx) {
    const { values, positionals } = parseFlags(
      args, { options: { format: { type: 'string' }, actor: { type: 'string' } }, allowPositionals: true }, USAGE,
    );
    const [action, id, ...rest] = positionals;
    if (action !== 'list' && action !== 'undo') throw new UsageError(`Say what to do: "list" or "undo ID".\n${USAGE}`);
    if (action === 'undo' && (id === undefined || rest.length > 0)) throw new UsageError(`import undo takes one import id (see \`ecoute import list\`).\n${USAGE}`);
    if (action === 'list' && id !== undefined) throw new UsageError(`import list takes no argument.\n${USAGE}`);
    const format = parseTextOrJson(values.format, USAGE);
    const store = await ctx.openStore();
    try {
      const workspace = ctx.config.workspace;
      if (action === 'list') {
        const imports = await store.listImports(workspace);
        if (format === 'json') ctx.stdout.write(`${JSON.stringify(imports, null, 2)}\n`);
        else if (imports.length === 0) ctx.stdout.write(`No imports in workspace "${workspace}".\n`);
        else {
          ctx.stdout.write('  id  date (UTC)        source  file  sha-256  records  added\n');
          for (const i of imports) ctx.stdout.write(`${importLine(i)}\n`);
        }
        return 0;
      }
      const undone = await store.undoImport(workspace, id!, values.actor);
      ctx.stdout.write(`Undid import ${undone.import.id} (${undone.import.fileName}, source ${undone.import.sourceName}): removed ${removedSummary(undone.removed)}.\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
