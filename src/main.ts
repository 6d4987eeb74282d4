/**
 * Écoute's composition root: parses the configuration once, builds the shell's effects (store,
 * model, clock, streams) and dispatches to one command per file in src/cli/commands.
 */
import { parseConfig, type Config } from './core/config.ts';
import { toEcouteError, UsageError } from './core/errors.ts';
import { systemClock } from './core/ports.ts';
import type { CommandContext } from './cli/command.ts';
import { commands } from './cli/registry.ts';
import { renderHelp } from './cli/help.ts';
import type { Store } from './store/store.ts';
import type { AnalyzerModel } from './analyze/model.ts';

/** Runs the CLI with `argv` (without node and script) and returns the exit status. */
export async function main(argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  const [name = 'help', ...rest] = argv;
  if (name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(renderHelp(commands));
    return 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write('ecoute 0.1.0\n');
    return 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    process.stderr.write(`ecoute: unknown command "${name}". Run "ecoute help" for the list of commands.\n`);
    return 2;
  }
  const command = await entry.load();
  // Help needs no configuration: a broken DATABASE_URL must not hide how to use a command.
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  let config: Config;
  try {
    config = parseConfig(env);
  } catch (err) {
    process.stderr.write(`ecoute: ${toEcouteError(err).message}\n`);
    return 1;
  }
  const ctx = createContext(config);
  try {
    return await command.run(rest, ctx);
  } catch (err) {
    const e = toEcouteError(err);
    process.stderr.write(`ecoute ${name}: ${e.message}\n`);
    return err instanceof UsageError ? 2 : 1;
  }
}

/** Builds the shell context; the store and model are opened lazily by the commands that need them. */
export function createContext(config: Config): CommandContext {
  let model: Promise<AnalyzerModel> | undefined;
  return {
    config,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    isTTY: Boolean(process.stderr.isTTY),
    clock: systemClock,
    async openStore(): Promise<Store> {
      const { openStore } = await import('./store/open-store.ts');
      return openStore(config.databaseUrl);
    },
    loadModel(): Promise<AnalyzerModel> {
      model ??= import('./runtime/analysis/load-model.ts').then((m) => m.loadModel());
      return model;
    },
  };
}
