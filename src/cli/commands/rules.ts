import { readFile, stat } from 'node:fs/promises';
import { formatTime, shorten } from '../../act/rules/alert-text.ts';
import type { RuleAction, RuleConditions, StoredRule } from '../../core/alert-rule.ts';
import { InputError, UsageError } from '../../core/errors.ts';
import { testRule, type RuleTestResult } from '../../runtime/act/test-rule.ts';
import type { Command } from '../command.ts';
import { parseFlags, parseLang, parseTextOrJson } from '../parse-flags.ts';

const USAGE = `Usage: ecoute rules list [--all] [--format text|json]
       ecoute rules show ID [--format text|json]
       ecoute rules add FILE.json | --json '{...}' [--actor NAME]
       ecoute rules update ID FILE.json | --json '{...}' [--actor NAME]
       ecoute rules test ID|FILE.json | --json '{...}' [--since DATE] [--until DATE] [--limit N] [--lang fr|en] [--format text|json]
       ecoute rules remove ID

Alert rules: when an analysed message meets every condition of a rule, an alert is raised and the
rule's actions run (open a case, e-mail an owner, post to a Slack, Teams or JSON webhook), at most once
per customer within the rule's dedupe window. Rules run on every imported message once analysed;
rules with a "spike" condition run on a schedule in \`ecoute serve\` (ECOUTE_SPIKE_CHECK, default 15m).
  list        the current version of each rule (--all: removed ones too)
  show ID     a rule with every version
  add         validate and store a rule (the errors name the field and the fix)
  update ID   store a new version of a rule (alerts keep naming the version that raised them)
  test        which past messages a rule would have matched, and which would have raised an alert
              (spike rules: the windows in which it would have fired); writes and sends nothing
  remove ID   retire a rule (its alerts stay)
  --since/--until DATE  period of a test (YYYY-MM-DD or ISO timestamp; default: all, until now)
  --limit N   matches listed by a test, most recent first (default 20; all are counted)
A rule, e.g.:
  {"name": "Churn risk, high-value customers",
   "conditions": {"churn": true, "customerValueAtLeast": 5000, "emotion": ["anger", "frustration"]},
   "actions": [{"type": "case", "owner": "Léa"}, {"type": "email", "to": "lea@example.com"},
               {"type": "webhook", "url": "https://hooks.slack.com/services/…", "format": "slack"}],
   "dedupeWindow": "24h"}
Conditions (all must hold; a list means any of): emotion, need, theme, stage, channel, language,
npsBand (detractor|passive|promoter), csatBand (dissatisfied|neutral|satisfied), churn: true,
vulnerable: true, urgency (at least low|medium|high), customerValueAtLeast, brand (own|competitor),
spike {"kind": "theme"|"emotion", "label", "factor": 3, "minCount": 5, "window": "24h", "baselineWindows": 7}.`;

/** "2026-03-01" or an ISO timestamp; --until of a calendar date includes that day. */
function parseDate(flag: '--since' | '--until', value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const d = new Date(dateOnly ? `${value}T00:00:00.000Z` : value);
  if (Number.isNaN(d.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
    throw new UsageError(`${flag} "${value}" is not a date. Use YYYY-MM-DD (e.g. 2026-03-01) or an ISO timestamp.`);
  }
  return flag === '--until' && dateOnly ? new Date(d.getTime() + 86_400_000) : d;
}

/** Reads a rule from --json or a file, as parsed JSON (validated by the store or the test). */
async function readRule(file: string | undefined, json: string | undefined): Promise<unknown> {
  if (json !== undefined && file !== undefined) throw new UsageError(`Give the rule either as FILE.json or with --json, not both.\n${USAGE}`);
  if (json !== undefined) {
    try {
      return JSON.parse(json);
    } catch (err) {
      throw new InputError(`--json is not valid JSON (${(err as Error).message}). Quote the rule in single quotes: --json '{"name": …}'.`);
    }
  }
  if (file === undefined) throw new UsageError(`Give the rule as FILE.json or with --json '{...}'.\n${USAGE}`);
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch {
    throw new InputError(`Rule file not found or unreadable: ${file}. Check the path (it is relative to ${process.cwd()}).`);
  }
  try {
    return JSON.parse(raw);
  } catch (err) {
    throw new InputError(`Rule file ${file} is not valid JSON (${(err as Error).message}). Fix it and try again.`);
  }
}

/** "churn, customerValueAtLeast 5000, emotion anger|frustration". */
export function describeConditions(c: RuleConditions): string {
  return Object.entries(c).filter(([, v]) => v !== undefined).map(([k, v]) => {
    if (v === true) return k;
    if (Array.isArray(v)) return `${k} ${v.join('|')}`;
    if (typeof v === 'object') {
      const s = v as NonNullable<RuleConditions['spike']>;
      return `spike ${s.kind} ${s.label} ≥${s.factor}× baseline, ≥${s.minCount} in ${s.window}`;
    }
    return `${k} ${String(v)}`;
  }).join(', ');
}

/** "case (owner Léa), email lea@example.com, webhook slack hooks.slack.com" (never a webhook's secret path). */
export function describeActions(actions: readonly RuleAction[]): string {
  if (actions.length === 0) return 'alert only';
  return actions.map((a) => {
    if (a.type === 'case') return `case${a.owner ? ` (owner ${a.owner})` : ''}`;
    if (a.type === 'email') return `email ${a.to}`;
    return `webhook ${a.format} ${new URL(a.url).host}`;
  }).join(', ');
}

/** One rule in a few lines. */
export function ruleLines(r: StoredRule): string {
  const state = r.active ? '' : '  (removed)';
  return `${r.id}  v${r.version}  ${r.name}${state}\n  when: ${describeConditions(r.definition.conditions)}\n  then: ${describeActions(r.definition.actions)}; at most once per customer in ${r.definition.dedupeWindow}\n`;
}

/** The text report of `rules test`. */
export function testReport(t: RuleTestResult): string {
  const period = `${t.since ? `from ${formatTime(t.since)} ` : ''}until ${formatTime(t.until)}`;
  if (t.kind === 'spike') {
    const head = `Rule "${t.name}" would have fired in ${t.matched} of ${t.scanned} windows (${period}).\n`;
    return head + t.spikes.map((s) => `${formatTime(s.windowStart)} → ${formatTime(s.windowEnd)}  ${s.count} messages, ${s.ratio}× the baseline (${s.baseline})\n`).join('');
  }
  const head = `Rule "${t.name}" matched ${t.matched} of ${t.scanned} customer messages (${period}); ${t.alerts} would have raised an alert (at most one per customer in ${t.dedupeWindow}).\n`;
  const shown = t.matches.length < t.matched ? `The ${t.matches.length} most recent:\n` : '';
  return head + shown + t.matches.map((m) => [
    `${formatTime(m.at)}  ${m.channel}  ${m.customer ?? 'anonymous'}  message ${m.messageId}${m.wouldAlert ? '' : '  (held back: same customer within the dedupe window)'}`,
    `  why: ${m.reasons.join(', ')}`,
    `  "${shorten(m.text, 160)}"`,
  ].join('\n') + '\n').join('');
}

/** `ecoute rules`: declare, test and retire alert rules. */
export const rulesCommand: Command = {
  name: 'rules',
  summary: 'Alert rules: list, add, update, test on past messages, remove',
  usage: USAGE,
  async run(args, ctx) {
    const { values, positionals } = parseFlags(args, {
      allowPositionals: true,
      options: {
        json: { type: 'string' }, format: { type: 'string' }, all: { type: 'boolean' }, actor: { type: 'string' },
        since: { type: 'string' }, until: { type: 'string' }, limit: { type: 'string' }, lang: { type: 'string' },
      },
    }, USAGE);
    const [action, arg, extra, ...rest] = positionals;
    const actions = ['list', 'show', 'add', 'update', 'test', 'remove'];
    if (!action || !actions.includes(action)) throw new UsageError(`Say what to do: ${actions.join(', ')}.\n${USAGE}`);
    const maxArgs = action === 'update' ? 2 : action === 'list' ? 0 : 1;
    if ([arg, extra, ...rest].filter((x) => x !== undefined).length > maxArgs) throw new UsageError(`Too many arguments for rules ${action}.\n${USAGE}`);
    if ((action === 'show' || action === 'remove' || action === 'update') && arg === undefined) {
      throw new UsageError(`rules ${action} needs a rule id (see \`ecoute rules list\`).\n${USAGE}`);
    }
    const format = parseTextOrJson(values.format, USAGE);
    const lang = parseLang(values.lang);
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError(`--limit must be a whole number from 1 to 1000, not "${values.limit}".`);
    const since = parseDate('--since', values.since);
    const until = parseDate('--until', values.until);
    const out = (x: unknown, text: string) => ctx.stdout.write(format === 'json' ? `${JSON.stringify(x, null, 2)}\n` : text);
    // Read the rule before opening the store: a typo in the file name should not touch the database.
    const input = action === 'add' ? await readRule(arg, values.json)
      : action === 'update' ? await readRule(extra, values.json)
      : action === 'test' && (values.json !== undefined || (arg !== undefined && (await stat(arg).catch(() => null))?.isFile())) ? await readRule(arg, values.json)
      : undefined;
    if (action === 'test' && input === undefined && arg === undefined) throw new UsageError(`rules test needs a rule id, a rule file or --json.\n${USAGE}`);
    const store = await ctx.openStore();
    try {
      const ws = ctx.config.workspace;
      const actor = values.actor ?? 'cli';
      switch (action) {
        case 'list': {
          const rules = await store.listRules(ws, { includeRemoved: values.all });
          out(rules, rules.length === 0 ? `No rules in workspace "${ws}". Add one with \`ecoute rules add rule.json\`.\n` : rules.map(ruleLines).join(''));
          return 0;
        }
        case 'show': {
          const versions = await store.ruleVersions(ws, arg!);
          out({ rule: versions[0], versions }, `${ruleLines(versions[0])}versions: ${versions.map((v) => `v${v.version} ${formatTime(v.createdAt)} by ${v.createdBy}`).join('; ')}\n`);
          return 0;
        }
        case 'add': {
          const rule = await store.addRule(ws, input, actor);
          out(rule, `Added rule ${rule.id} (version 1).\n${ruleLines(rule)}`);
          return 0;
        }
        case 'update': {
          const rule = await store.updateRule(ws, arg!, input, actor);
          out(rule, `Updated rule ${rule.id}: now version ${rule.version}.\n${ruleLines(rule)}`);
          return 0;
        }
        case 'remove': {
          const rule = await store.removeRule(ws, arg!);
          out(rule, `Removed rule ${rule.id} ("${rule.name}"); its alerts are kept.\n`);
          return 0;
        }
        default: {
          const rule = input ?? (await store.getRule(ws, arg!));
          const result = await testRule(store, ws, rule, { clock: ctx.clock, since, until, limit, lang });
          out(result, testReport(result));
          return 0;
        }
      }
    } finally {
      await store.close();
    }
  },
};
