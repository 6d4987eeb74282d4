import { UsageError } from '../../core/errors.ts';
import { EMOTIONS, STAGES, type Emotion, type Stage } from '../../core/labels.ts';
import { WorkspaceSettingsSchema, type WorkspaceSettings } from '../../core/workspace.ts';
import type { Command } from '../command.ts';
import { parseFlags } from '../parse-flags.ts';

const USAGE = `Usage: ecoute workspace [--brand NAME] [--language fr|en] [--currency CODE] [--desired STAGE=EMOTION]... [--clear-desired] [--retention-months N] [--case-target URGENCY=HOURS]... [--digest-to EMAIL,...]

Shows the workspace settings, or changes them:
  --brand NAME           your own brand as it appears in imported records; other brands (competitor
                         reviews) then feed only the competitor comparison
  --language fr|en       language of reports, digests and the dashboard's default, and the one a
                         message either language could have written ("Facture incorrecte") is read in
  --currency CODE        ISO 4217 currency of customer values, e.g. EUR (the default), USD, GBP, CAD
  --desired S=E          a "signature moment": the emotion you want customers to feel at stage S
                         (e.g. --desired onboarding=joy --desired billing=trust); repeatable
  --clear-desired        remove every signature moment before applying --desired
  --retention-months N   delete conversations whose last message is older than N months when
                         \`ecoute retention apply\` runs (0 = keep forever, the default)
  --case-target U=H      hours a case of urgency U (high, medium, low) may stay open before it is
                         overdue (defaults: high=4, medium=48, low=168); repeatable
  --digest-to A,B        who receives this workspace's scheduled digest (DIGEST_SCHEDULE, via SMTP_URL),
                         comma-separated; "" removes them (the default workspace then uses MAIL_TO)
Stages: ${STAGES.join(', ')}
Emotions: ${EMOTIONS.join(', ')}`;

/** Parses "stage=emotion" pairs, naming the bad part and the accepted values. */
export function parseDesired(pairs: readonly string[]): Partial<Record<Stage, Emotion>> {
  const out: Partial<Record<Stage, Emotion>> = {};
  for (const pair of pairs) {
    const [stage, emotion, extra] = pair.split('=').map((x) => x.trim());
    if (extra !== undefined || !stage || !emotion) {
      throw new UsageError(`--desired "${pair}" must look like STAGE=EMOTION, e.g. onboarding=joy.`);
    }
    if (!(STAGES as readonly string[]).includes(stage)) {
      throw new UsageError(`--desired "${pair}": unknown stage "${stage}". Use one of: ${STAGES.join(', ')}.`);
    }
    if (!(EMOTIONS as readonly string[]).includes(emotion)) {
      throw new UsageError(`--desired "${pair}": unknown emotion "${emotion}". Use one of: ${EMOTIONS.join(', ')}.`);
    }
    out[stage as Stage] = emotion as Emotion;
  }
  return out;
}

/** Parses "urgency=hours" pairs (close-the-loop targets), naming the bad part and the accepted values. */
export function parseCaseTargets(pairs: readonly string[]): Partial<Record<'high' | 'medium' | 'low', number>> {
  const out: Partial<Record<'high' | 'medium' | 'low', number>> = {};
  for (const pair of pairs) {
    const [urgency, hours, extra] = pair.split('=').map((x) => x.trim());
    if (extra !== undefined || !urgency || !hours) throw new UsageError(`--case-target "${pair}" must look like URGENCY=HOURS, e.g. high=4.`);
    if (urgency !== 'high' && urgency !== 'medium' && urgency !== 'low') {
      throw new UsageError(`--case-target "${pair}": unknown urgency "${urgency}". Use one of: high, medium, low.`);
    }
    const h = Number(hours);
    if (!/^\d+(\.\d+)?$/.test(hours) || !(h > 0)) throw new UsageError(`--case-target "${pair}": hours must be a number above 0, e.g. ${urgency}=4.`);
    out[urgency] = h;
  }
  return out;
}

/** "a@x, b@y" → the addresses; "" → undefined (no recipients of its own). */
function digestTo(value: string): string[] | undefined {
  const list = value.split(',').map((a) => a.trim()).filter(Boolean);
  return list.length > 0 ? list : undefined;
}

/** `ecoute workspace`: shows or changes the settings insights depend on (brand, language, signature moments). */
export const workspaceCommand: Command = {
  name: 'workspace',
  summary: 'Show or change workspace settings (own brand, language, currency, signature moments)',
  usage: USAGE,
  async run(args, ctx) {
    const { values } = parseFlags(
      args,
      {
        options: {
          brand: { type: 'string' },
          language: { type: 'string' },
          currency: { type: 'string' },
          desired: { type: 'string', multiple: true },
          'clear-desired': { type: 'boolean' },
          'retention-months': { type: 'string' },
          'case-target': { type: 'string', multiple: true },
          'digest-to': { type: 'string' },
        },
      },
      USAGE,
    );
    const desired = parseDesired(values.desired ?? []);
    const caseTargets = parseCaseTargets(values['case-target'] ?? []);
    const store = await ctx.openStore();
    try {
      let ws = await store.ensureWorkspace(ctx.config.workspace);
      const retention = values['retention-months'];
      const changing = values.brand !== undefined || values.language !== undefined || values.currency !== undefined || values.desired || values['clear-desired'] || retention !== undefined || values['case-target'] || values['digest-to'] !== undefined;
      if (changing) {
        const next = WorkspaceSettingsSchema.safeParse({
          ...ws.settings,
          ...(values.brand !== undefined ? { brand: values.brand } : {}),
          ...(values.language !== undefined ? { language: values.language } : {}),
          ...(values.currency !== undefined ? { currency: values.currency } : {}),
          ...(retention !== undefined ? { retentionMonths: /^\s*\d+\s*$/.test(retention) ? Number(retention) : Number.NaN } : {}),
          desiredEmotions: { ...(values['clear-desired'] ? {} : ws.settings.desiredEmotions), ...desired },
          ...(values['case-target'] ? { caseTargetHours: { ...ws.settings.caseTargetHours, ...caseTargets } } : {}),
          ...(values['digest-to'] !== undefined ? { digestTo: digestTo(values['digest-to']) } : {}),
        } satisfies Record<string, unknown>);
        if (!next.success) {
          const issue = next.error.issues[0];
          const flag = issue.path[0] === 'retentionMonths' ? 'retention-months' : issue.path[0] === 'caseTargetHours' ? 'case-target' : issue.path[0] === 'digestTo' ? 'digest-to' : String(issue.path[0]);
          throw new UsageError(`--${flag}: ${issue.path[0] === 'retentionMonths' ? 'retention-months must be a whole number of months, 0 to keep forever' : issue.message}.\n${USAGE}`);
        }
        ws = await store.updateWorkspaceSettings(ws.id, next.data as WorkspaceSettings);
      }
      ctx.stdout.write(`${JSON.stringify({ id: ws.id, name: ws.name, settings: ws.settings }, null, 2)}\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
