import type { Command } from './command.ts';

/** A command known by name; its module is imported only when it runs, to keep start-up fast. */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

/** Every CLI command, in the order `ecoute help` lists them (the flywheel: listen, understand, learn, share). */
export const commands: readonly CommandEntry[] = [
  { name: 'demo', summary: 'Ingest the bundled sample, analyse it, print a summary, write a report, serve the dashboard', load: async () => (await import('./commands/demo.ts')).demoCommand },
  { name: 'ingest', summary: 'Import files (CSV/TSV, JSON/JSONL, transcripts, e-mail) with PII redaction', load: async () => (await import('./commands/ingest.ts')).ingestCommand },
  { name: 'analyze', summary: 'Analyse JSONL messages (emotion, need, reason, theme, stage, risk) without the database', load: async () => (await import('./commands/analyze.ts')).analyzeCommand },
  { name: 'coach', summary: 'Coach agent replies (empathy, ownership, personalization, canned) from JSONL, without the database', load: async () => (await import('./commands/coach.ts')).coachCommand },
  { name: 'empathy', summary: 'Reply empathy over history: coach score and canned share per agent and team, link with next score and reopened cases', load: async () => (await import('./commands/empathy.ts')).empathyCommand },
  { name: 'drill', summary: "This week's empathy drill from real customer messages, or the drills' progress per team", load: async () => (await import('./commands/drill.ts')).drillCommand },
  { name: 'report', summary: 'Write the insights report (md, html or json)', load: async () => (await import('./commands/report.ts')).reportCommand },
  { name: 'digest', summary: 'Build (and send) the daily or weekly digest', load: async () => (await import('./commands/digest.ts')).digestCommand },
  { name: 'rules', summary: 'Alert rules: list, add, update, test on past messages, remove', load: async () => (await import('./commands/rules.ts')).rulesCommand },
  { name: 'alerts', summary: 'List the alerts raised by alert rules, or acknowledge one', load: async () => (await import('./commands/alerts.ts')).alertsCommand },
  { name: 'deliver', summary: 'Send alert deliveries (e-mail, webhooks) from the outbox; list them; retry a failed one', load: async () => (await import('./commands/deliver.ts')).deliverCommand },
  { name: 'cases', summary: 'Close-the-loop cases: list, show, open from a message, assign, move, note, link to a root cause, figures', load: async () => (await import('./commands/cases.ts')).casesCommand },
  { name: 'export', summary: 'Export every message with its analysis (jsonl or csv)', load: async () => (await import('./commands/export.ts')).exportCommand },
  { name: 'scorecard', summary: 'Scorecards for incentives per team or agent: weighted customer metrics, minimum samples, bias warnings (table, csv)', load: async () => (await import('./commands/scorecard.ts')).scorecardCommand },
  { name: 'value', summary: 'What a CX improvement is worth: revenue kept, repeat contacts avoided, promoter gap; every assumption editable', load: async () => (await import('./commands/value.ts')).valueCommand },
  { name: 'assess', summary: 'CX maturity self-assessment: questionnaire, scores, maturity stage, next actions, history', load: async () => (await import('./commands/assess.ts')).assessCommand },
  { name: 'import', summary: 'List imports, or undo one (delete exactly what it added)', load: async () => (await import('./commands/import.ts')).importCommand },
  { name: 'customer', summary: 'Erase a customer everywhere (messages, analyses, scores, cases), with an audit line', load: async () => (await import('./commands/customer.ts')).customerCommand },
  { name: 'retention', summary: 'Delete conversations older than the workspace retention period (--dry-run to count)', load: async () => (await import('./commands/retention.ts')).retentionCommand },
  { name: 'user', summary: 'Dashboard users and their role in the workspace: add, list, remove', load: async () => (await import('./commands/user.ts')).userCommand },
  { name: 'token', summary: 'API tokens for scripts, scoped to the workspace: create (shown once), list, revoke', load: async () => (await import('./commands/token.ts')).tokenCommand },
  { name: 'workspace', summary: 'Show or change workspace settings (own brand, language, currency, signature moments)', load: async () => (await import('./commands/workspace.ts')).workspaceCommand },
  { name: 'serve', summary: 'Serve the dashboard and API on http://localhost:4870', load: async () => (await import('./commands/serve.ts')).serveCommand },
  { name: 'worker', summary: 'Run a queue worker (PostgreSQL): analysis batches, background re-analysis, alert deliveries', load: async () => (await import('./commands/worker.ts')).workerCommand },
];
