/**
 * A small, hand-written workspace for server and web tests: French and English conversations across
 * channels, agent replies, surveys, customers with value, and a competitor brand. Analyses are written
 * by hand (the shape the model produces), so tests do not depend on the model's accuracy.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Analysis } from '../../src/core/analysis.ts';
import type { ConversationInput } from '../../src/core/conversation.ts';
import type { EmployeeSurveyInput } from '../../src/core/employee-survey.ts';
import type { Channel, Emotion, Need, Stage } from '../../src/core/labels.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';

export const WORKSPACE = 'test-ws';
export const NOW = new Date('2026-11-20T12:00:00Z');
export const MODEL_VERSION = 'fixture-1';

interface Template {
  text: string;
  language: 'fr' | 'en';
  negative: boolean;
  emotions: [Emotion, string | null][];
  needs: [Need, string | null][];
  themes: [string, string | null][];
  stage: Stage | null;
  /** The span that places the message at its stage (null: none given). */
  stageEvidence?: string;
  reason: string | null;
  churn?: boolean;
}

/** Customer messages with their hand-written analysis; evidence strings are spans of the text. */
export const TEMPLATES: Template[] = [
  {
    text: 'Ma commande devait arriver lundi et toujours rien, je suis vraiment en colère. Je veux savoir où est mon colis.',
    language: 'fr', negative: true,
    emotions: [['anger', 'vraiment en colère']], needs: [['information', 'savoir où est mon colis']],
    themes: [['delay', 'toujours rien']], stage: 'delivery', stageEvidence: 'Ma commande devait arriver', reason: 'Ma commande devait arriver lundi et toujours rien',
  },
  {
    text: 'Trois appels au service client et personne ne règle mon problème de facture. Si ça continue je résilie.',
    language: 'fr', negative: true, churn: true,
    emotions: [['frustration', 'personne ne règle']], needs: [['resolution', 'règle mon problème']],
    themes: [['billing', 'facture'], ['unresolved', 'personne ne règle mon problème']], stage: 'billing',
    reason: 'personne ne règle mon problème de facture',
  },
  {
    text: 'Merci beaucoup à Julie, très aimable, et le remboursement est arrivé rapidement.',
    language: 'fr', negative: false,
    emotions: [['gratitude', 'Merci beaucoup']], needs: [['speed', 'arrivé rapidement']],
    themes: [['staff_attitude', 'très aimable']], stage: 'support', reason: null,
  },
  {
    text: 'Je ne comprends pas ma facture, le montant a doublé sans explication.',
    language: 'fr', negative: true,
    emotions: [['confusion', 'Je ne comprends pas']], needs: [['information', 'sans explication']],
    themes: [['billing', 'ma facture'], ['price', 'le montant a doublé']], stage: 'billing',
    reason: 'le montant a doublé sans explication',
  },
  {
    text: 'The parcel arrived damaged and the box was soaked. Very disappointed.',
    language: 'en', negative: true,
    emotions: [['disappointment', 'Very disappointed']], needs: [['resolution', null]],
    themes: [['lost_or_damaged', 'arrived damaged']], stage: 'delivery', reason: 'The parcel arrived damaged',
  },
  {
    text: 'I waited 45 minutes on hold before anyone answered. Unacceptable.',
    language: 'en', negative: true,
    emotions: [['frustration', 'Unacceptable']], needs: [['speed', 'waited 45 minutes']],
    themes: [['wait_time', 'on hold']], stage: 'support', reason: 'I waited 45 minutes on hold',
  },
  {
    text: 'Setup was easy and the team was really helpful, thank you!',
    language: 'en', negative: false,
    emotions: [['joy', 'Setup was easy'], ['gratitude', 'thank you']], needs: [['autonomy', null]],
    themes: [['staff_attitude', 'really helpful']], stage: 'onboarding', reason: null,
  },
  {
    text: "Impossible de me connecter à mon compte depuis la mise à jour, c'est inquiétant.",
    language: 'fr', negative: true,
    emotions: [['anxiety', "c'est inquiétant"]], needs: [['reliability', null]],
    themes: [['account_access', 'me connecter à mon compte'], ['technical', 'la mise à jour']], stage: 'usage',
    reason: 'Impossible de me connecter à mon compte depuis la mise à jour',
  },
];

const COMPETITOR: Template = {
  text: 'Great prices at RivalCo but delivery took two weeks.',
  language: 'en', negative: true,
  emotions: [['disappointment', 'took two weeks']], needs: [['speed', null]],
  themes: [['price', 'Great prices'], ['delay', 'delivery took two weeks']], stage: 'delivery', reason: 'delivery took two weeks',
};

/** A follow-up message (second contact on the same issue), to exercise repeat contact and history. */
const FOLLOW_UP: Template = {
  text: "Toujours pas de réponse à ma réclamation, c'est la troisième fois que j'écris.",
  language: 'fr', negative: true, churn: false,
  emotions: [['frustration', 'Toujours pas de réponse']], needs: [['resolution', null], ['speed', null]],
  themes: [['unresolved', 'Toujours pas de réponse']], stage: 'support', reason: 'Toujours pas de réponse à ma réclamation',
};

const CHANNELS: Channel[] = ['ticket', 'email', 'chat', 'call', 'survey'];
/** Customer-facing teams and their agent. */
export const TEAMS = [
  { name: 'Support N1', agent: 'Julie' },
  { name: 'Facturation', agent: 'Marc' },
  { name: 'Livraison', agent: 'Sophie' },
];
/** A back-office team: employee answers, no customer conversations (so no CSAT/NPS of its own). */
export const BACK_OFFICE_TEAM = 'Comptabilité';
const SEGMENTS = ['PME', 'Grand compte', 'Particulier'];
const CUSTOMERS = 12;
const DAY = 86_400_000;

/** The analysis a template stands for, in the contract's shape. */
export function analysisOf(t: Template): Analysis {
  return {
    language: t.language,
    sentiment: { label: t.negative ? 'negative' : 'positive', score: t.negative ? -0.7 : 0.8 },
    emotions: t.emotions.map(([label, evidence], i) => ({ label, score: 0.9 - i * 0.2, evidence })),
    needs: t.needs.map(([label, evidence], i) => ({ label, score: 0.8 - i * 0.2, evidence })),
    themes: t.themes.map(([label, evidence], i) => ({ label, score: 0.85 - i * 0.2, evidence })),
    stage: t.stage ? { label: t.stage, score: 0.8, evidence: t.stageEvidence ?? null } : null,
    signals: { churnIntent: Boolean(t.churn), urgency: t.negative ? 'high' : 'low', vulnerable: false, repeatContact: t === FOLLOW_UP },
    reason: t.reason,
  };
}

/** The customer id as ingested (external id). */
export function customerRef(i: number): string {
  return `cust-${String(i).padStart(2, '0')}`;
}

/** 48 own-brand conversations over six weeks, and 8 competitor reviews. */
export function conversations(): ConversationInput[] {
  const out: ConversationInput[] = [];
  for (let i = 0; i < 48; i++) {
    const t = TEMPLATES[i % TEMPLATES.length];
    const c = i % CUSTOMERS;
    const startedAt = new Date(NOW.getTime() - (42 - i * 0.8) * DAY);
    const channel = CHANNELS[i % CHANNELS.length];
    const at = (minutes: number) => new Date(startedAt.getTime() + minutes * 60_000);
    // Teams by template, so their customers' scores differ (and the EX–CX correlation has variance).
    const team = TEAMS[Math.floor((i % TEMPLATES.length) / 3)];
    const messages: ConversationInput['messages'] = [
      { role: 'customer', at: at(0), text: t.text, language: t.language },
      {
        role: 'agent', author: team.agent, at: at(30), language: t.language,
        text: t.language === 'fr' ? 'Bonjour, je regarde votre dossier tout de suite.' : 'Hello, sorry about this, I am checking your case now.',
      },
    ];
    if (t.negative && i % 3 === 0) messages.push({ role: 'customer', at: at(60 * 24), text: FOLLOW_UP.text, language: 'fr' });
    out.push({
      naturalKey: `conv-${i}`,
      channel,
      team: team.name,
      agent: team.agent,
      subject: `Demande ${i}`,
      customer: { externalId: customerRef(c), name: `Client ${c}`, segment: SEGMENTS[c % SEGMENTS.length], value: 1000 * (c + 1) },
      startedAt,
      messages,
      surveys: [
        { kind: 'nps', score: t.negative ? (i % 4) + 2 : 9 + (i % 2), at: at(120) },
        { kind: 'csat', score: t.negative ? 1 + (i % 3) : 5, at: at(120) },
        ...(i % 2 === 0 ? [{ kind: 'ces' as const, score: t.negative ? 2 : 6, at: at(120) }] : []),
      ],
    });
  }
  for (let i = 0; i < 8; i++) {
    const startedAt = new Date(NOW.getTime() - (30 - i * 3) * DAY);
    out.push({
      naturalKey: `rival-${i}`,
      channel: 'review',
      brand: 'RivalCo',
      startedAt,
      messages: [{ role: 'customer', at: startedAt, text: COMPETITOR.text, language: 'en' }],
      surveys: [{ kind: 'csat', score: 2 + (i % 3), at: startedAt }],
    });
  }
  return out;
}

/**
 * Six anonymous engagement answers per team (eNPS 0–10, two items 1–5), engagement rising from one
 * team to the next, for the employees & customers page.
 */
export function employeeAnswers(): EmployeeSurveyInput[] {
  const teams = [...TEAMS.map((t) => t.name), BACK_OFFICE_TEAM];
  return teams.flatMap((team, ti) =>
    Array.from({ length: 6 }, (_, k) => ({
      naturalKey: `ex-${ti}-${k}`,
      team,
      period: '2026-Q4',
      enps: Math.min(10, 3 + ti * 2 + (k % 3)),
      items: { proud: Math.min(5, 2 + ti + (k % 2)), recommend: Math.min(5, 1 + ti) },
      at: new Date(NOW.getTime() - 20 * DAY),
    })),
  );
}

const BY_TEXT = new Map<string, Template>([...TEMPLATES, COMPETITOR, FOLLOW_UP].map((t) => [t.text, t]));

/** A seeded SQLite file store; `cleanup` closes it and removes the directory. */
export interface SeededStore {
  store: Store;
  dir: string;
  /** The DATABASE_URL of the seeded file. */
  url: string;
  cleanup(): Promise<void>;
}

/** Creates a SQLite file store in a temporary directory, writes the fixtures and their analyses. */
export async function seedStore(): Promise<SeededStore> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-server-'));
  const url = `sqlite:${path.join(dir, 'test.db')}`;
  const store = await openStore(url);
  await store.migrate();
  await store.ensureWorkspace(WORKSPACE, 'Test');
  // Signature moments: the journey map shows the gap between these and what customers feel.
  await store.updateWorkspaceSettings(WORKSPACE, { language: 'fr', desiredEmotions: { delivery: 'trust', onboarding: 'joy', support: 'relief' } });
  const source = await store.ensureSource(WORKSPACE, 'fixtures', 'json');
  await store.writeConversations(WORKSPACE, source, conversations());
  await store.writeEmployeeAnswers(WORKSPACE, await store.ensureSource(WORKSPACE, 'engagement', 'csv'), employeeAnswers());
  const pending = await store.pendingAnalysis(WORKSPACE, MODEL_VERSION, 10_000);
  await store.saveAnalyses(
    WORKSPACE,
    MODEL_VERSION,
    pending.map((p) => {
      const t = BY_TEXT.get(p.text);
      if (!t) throw new Error(`fixture text without analysis: ${p.text}`);
      return { messageId: p.messageId, analysis: analysisOf(t) };
    }),
  );
  return {
    store,
    dir,
    url,
    async cleanup() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
