import { caseBrief } from '../../act/cases/case-brief.ts';
import { caseFiguresText } from '../../act/cases/case-figures-section.ts';
import { isOverdue, parseCaseStatus } from '../../act/cases/case-transitions.ts';
import type { Case } from '../../core/act.ts';
import { UsageError } from '../../core/errors.ts';
import { loadCaseFigures } from '../../runtime/cases/load-case-figures.ts';
import type { Command } from '../command.ts';
import { parseFlags, parseLang, parseTextOrJson } from '../parse-flags.ts';

const USAGE = `Usage: ecoute cases list [--status S] [--owner NAME] [--overdue] [--root-cause ID] [--format text|json]
       ecoute cases show ID [--lang fr|en] [--format text|json]
       ecoute cases open --message ID [--owner NAME] [--team T] [--title T]
       ecoute cases open --title T [--owner NAME] [--team T]
       ecoute cases assign ID OWNER
       ecoute cases status ID STATUS
       ecoute cases note ID TEXT...
       ecoute cases link ID THEME       (link to the root cause of a theme, created if needed)
       ecoute cases unlink ID
       ecoute cases causes [--format text|json]
       ecoute cases figures [--lang fr|en] [--format text|json]

Close-the-loop cases: who calls the customer back, by when, and what was done.
  Statuses: open, in_progress, waiting_customer, resolved, closed (back to open = reopened).
  --actor NAME   who acts, recorded on the case's events (default: cli)
Due times follow the message's urgency and the workspace targets (\`ecoute workspace --case-target-hours\`).`;

const ACTIONS = ['list', 'show', 'open', 'assign', 'status', 'note', 'link', 'unlink', 'causes', 'figures'] as const;

/** One line of `cases list`. */
export function caseLine(c: Case, now: Date): string {
  const due = c.dueAt ? c.dueAt.toISOString().slice(0, 16).replace('T', ' ') : '—';
  return [c.id.slice(0, 8), c.status.padEnd(16), (c.owner ?? '—').padEnd(12), `due ${due}${isOverdue(c, now) ? ' OVERDUE' : ''}`, c.title].join('  ');
}

/** Exactly `n` positionals after the action, or a UsageError naming the form. */
function args(positionals: string[], n: number, form: string): string[] {
  if (positionals.length !== n) throw new UsageError(`cases ${form}\n${USAGE}`);
  return positionals;
}

/** `ecoute cases`: list, open, move, assign, annotate and link close-the-loop cases; Act's figures. */
export const casesCommand: Command = {
  name: 'cases',
  summary: 'Close-the-loop cases: list, show, open from a message, assign, move, note, link to a root cause, figures',
  usage: USAGE,
  async run(argv, ctx) {
    const { values, positionals } = parseFlags(argv, {
      options: {
        status: { type: 'string' }, owner: { type: 'string' }, overdue: { type: 'boolean' }, 'root-cause': { type: 'string' },
        format: { type: 'string' }, lang: { type: 'string' }, message: { type: 'string' }, team: { type: 'string' },
        title: { type: 'string' }, actor: { type: 'string' },
      },
      allowPositionals: true,
    }, USAGE);
    const [action, ...rest] = positionals;
    if (!(ACTIONS as readonly string[]).includes(action ?? '')) throw new UsageError(`Say what to do: ${ACTIONS.join(', ')}.\n${USAGE}`);
    const format = parseTextOrJson(values.format, USAGE);
    const lang = parseLang(values.lang);
    const actor = values.actor?.trim() || 'cli';
    const status = values.status === undefined ? undefined : parseCaseStatus(values.status);
    const out = (text: string, json: unknown) => ctx.stdout.write(format === 'json' ? `${JSON.stringify(json, null, 2)}\n` : text);
    const store = await ctx.openStore();
    try {
      const ws = ctx.config.workspace;
      const now = ctx.clock();
      switch (action) {
        case 'list': {
          args(rest, 0, 'list takes no argument.');
          const cases = await store.listCases(ws, { status, owner: values.owner, overdue: values.overdue, rootCauseId: values['root-cause'] });
          out(cases.length === 0 ? 'No cases match.\n' : `${cases.map((c) => caseLine(c, now)).join('\n')}\n`, cases);
          break;
        }
        case 'show': {
          const [id] = args(rest, 1, 'show takes one case id.');
          const detail = await store.getCase(ws, id);
          const brief = caseBrief(detail.message?.analysis ?? null, lang ?? (await store.ensureWorkspace(ws)).settings.language);
          const c = detail.case;
          out([
            `${c.title}  [${c.status}]  owner ${c.owner ?? '—'}  due ${c.dueAt?.toISOString() ?? '—'}`,
            detail.message ? `Message: ${detail.message.text}` : 'No raising message.',
            brief.emotion || brief.need ? `Emotion: ${brief.emotion?.name ?? '—'}  Need: ${brief.need?.name ?? '—'}  Reason: ${brief.reason ?? '—'}` : '',
            ...brief.steps.map((s, i) => `${i + 1}. ${s}`),
            `History: ${detail.history.length} messages`,
            ...detail.events.map((e) => `${e.at.toISOString()}  ${e.actor}  ${e.kind}${e.toStatus ? ` → ${e.toStatus}` : ''}${e.text ? `  ${e.text}` : ''}`),
          ].filter(Boolean).join('\n') + '\n', { ...detail, brief });
          break;
        }
        case 'open': {
          args(rest, 0, 'open takes --message ID or --title TEXT, not positionals.');
          if (!values.message && !values.title) throw new UsageError(`cases open needs --message ID (from the listening station) or --title TEXT.\n${USAGE}`);
          const c = await store.openCase(ws, { messageId: values.message, title: values.title, owner: values.owner, team: values.team, actor });
          out(`Opened case ${c.id} (due ${c.dueAt?.toISOString() ?? '—'}).\n`, c);
          break;
        }
        case 'assign': {
          const [id, owner] = args(rest, 2, 'assign takes a case id and an owner.');
          const c = await store.updateCase(ws, id, { owner, actor });
          out(`Case ${c.id} is now owned by ${c.owner}.\n`, c);
          break;
        }
        case 'status': {
          const [id, to] = args(rest, 2, 'status takes a case id and a status.');
          const c = await store.updateCase(ws, id, { status: parseCaseStatus(to), actor });
          out(`Case ${c.id} is now ${c.status}${c.reopenCount ? ` (reopened ${c.reopenCount}×)` : ''}.\n`, c);
          break;
        }
        case 'note': {
          const [id, ...words] = rest;
          if (!id || words.length === 0) throw new UsageError(`cases note takes a case id and the note's text.\n${USAGE}`);
          const note = await store.addCaseNote(ws, id, words.join(' '), actor);
          out(`Note added to case ${id}.\n`, note);
          break;
        }
        case 'link': {
          const [id, key] = args(rest, 2, 'link takes a case id and a theme (e.g. delay).');
          const rc = await store.upsertRootCause(ws, { key });
          const c = await store.updateCase(ws, id, { rootCauseId: rc.id, actor });
          out(`Case ${c.id} is linked to the root cause "${rc.title}" (${rc.id}).\n`, c);
          break;
        }
        case 'unlink': {
          const [id] = args(rest, 1, 'unlink takes one case id.');
          out(`Case ${id} has no root cause any more.\n`, await store.updateCase(ws, id, { rootCauseId: null, actor }));
          break;
        }
        case 'causes': {
          args(rest, 0, 'causes takes no argument.');
          const causes = await store.listRootCauses(ws);
          out(causes.length === 0 ? 'No root causes yet: link a case with `ecoute cases link ID THEME`.\n'
            : `${causes.map((r) => `${r.id.slice(0, 8)}  ${r.key}  ${r.title}  [${r.status}]  owner ${r.owner ?? '—'}  ${r.cases} cases (${r.openCases} open)`).join('\n')}\n`, causes);
          break;
        }
        default: {
          args(rest, 0, 'figures takes no argument.');
          const figures = await loadCaseFigures(store, ws, now);
          out(caseFiguresText(figures, lang ?? (await store.ensureWorkspace(ws)).settings.language), figures);
        }
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};
