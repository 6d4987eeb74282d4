/**
 * `npx tsx scripts/eval-redaction.ts [--dev-errors]`: precision and recall of personal-data
 * redaction on the labelled set (see scripts/eval/redaction.ts). `--dev-errors` also lists the
 * mistakes on the dev half — never the test half, which stays held out.
 */
import { evalRedaction, redactionScores } from './eval/redaction.ts';

process.stdout.write(evalRedaction() + '\n');
if (process.argv.includes('--dev-errors')) {
  process.stdout.write('\n## Dev-half mistakes\n\n');
  for (const e of redactionScores().dev.errors) process.stdout.write(`- ${e.type} ${e.kind} "${e.span}" — line ${e.index}: ${e.text}\n`);
}
