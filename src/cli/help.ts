import type { CommandEntry } from './registry.ts';

/** The text of `ecoute help`: one line per command. */
export function renderHelp(commands: readonly CommandEntry[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'Écoute — listen to your customers, understand what they feel, act, learn, share.',
    '',
    'Usage: ecoute <command> [options]   (ecoute <command> --help for details)',
    '',
    'Commands:',
    ...lines,
    '',
    'Configuration: DATABASE_URL (default sqlite:./ecoute.db), PORT (default 4870); see README.',
    '',
  ].join('\n');
}
