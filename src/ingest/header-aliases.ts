import { fold } from '../core/fold.ts';

/** Canonical column names (mapping file keys). See .tmp/FORMATS.md / README "Importing data". */
export const CANONICAL_FIELDS = [
  'conversationId', 'messageId', 'text', 'subject', 'at', 'channel', 'role', 'author', 'customerId', 'customerName',
  'segment', 'customerValue', 'team', 'agent', 'brand', 'language', 'nps', 'csat', 'ces',
] as const;
export type CanonicalField = (typeof CANONICAL_FIELDS)[number];

/** Employee survey fields (files with an "enps" column, or mapping kind "employee"). */
export const EMPLOYEE_FIELDS = ['id', 'team', 'period', 'enps', 'comment', 'at'] as const;
export type EmployeeField = (typeof EMPLOYEE_FIELDS)[number];

/**
 * Exact aliases, most specific first, covering Zendesk, Intercom, Freshdesk, Trustpilot, Google Play /
 * App Store reviews, Typeform, SurveyMonkey, Qualtrics and French CRM exports.
 */
const ALIASES: Record<CanonicalField, string[]> = {
  conversationId: [
    'conversation id', 'ticket id', 'id', 'numero', 'n°', 'no', 'response id', 'review id', '#', 'dossier',
    'respondent id', 'ticket', 'numero de dossier', 'id ticket', 'id conversation',
  ],
  messageId: ['comment id', 'message id'],
  text: [
    'message', 'description', 'comment', 'body', 'text', 'texte', 'verbatim', 'commentaire', 'avis', 'review',
    'review content', 'content', 'contenu', 'feedback', 'message body', 'review text', 'rating remark',
    'conversation rating remark',
  ],
  subject: ['subject', 'sujet', 'objet', 'title', 'titre', 'review title'],
  at: [
    'date', 'created at', 'created time', 'submit date (utc)', 'submit date utc', 'submitted at', 'review created (utc)',
    'review created utc', 'date de creation', 'timestamp', 'horodatage', 'start date', 'review submit date and time',
    'recorded date', 'end date', 'date creation', 'created', 'at',
  ],
  channel: ['channel', 'canal', 'via', 'source'],
  role: [
    'author type', 'role', 'sender type', 'type auteur', 'author role', 'sender role', 'from type', 'user type',
    'participant type', 'speaker type', 'type emetteur', 'role auteur', 'direction', 'sens', 'inbound', 'is inbound',
    'incoming', 'is agent', 'is admin', 'is staff', 'from agent', 'from customer', 'is customer', 'type',
  ],
  author: [
    'author', 'auteur', 'sender', 'nickname', 'reviewer name', 'from', 'de', 'expediteur', 'emetteur', 'author name',
    'sender name', 'speaker', 'intervenant', 'locuteur',
  ],
  customerId: [
    'requester id', 'customer id', 'client', 'client id', 'id client', 'user id', 'customer', 'reference id',
    'contact id', 'email', 'e mail', 'requester email', 'customer email', 'email address', 'consumer id',
    'n client', 'no client', 'n° client', 'numero client', 'numero de client', 'num client', 'ref client',
    'reference client', 'code client', 'identifiant client', 'numero adherent', 'n° adherent', 'n adherent',
    'member number', 'member id', 'membership number', 'customer number', 'account id', 'account number',
  ],
  customerName: ['requester name', 'requester', 'customer name', 'nom client', 'user name', 'full name', 'consumer name', 'nom'],
  segment: ['segment', 'customer segment', 'tier', 'plan', 'offre'],
  customerValue: ['annual value', 'customer value', 'valeur client', 'value', 'valeur'],
  team: ['group', 'team', 'equipe', 'service', 'queue'],
  agent: [
    'assignee', 'agent', 'conseiller', 'conseillere', 'agent name', 'assignee name', 'assigned to', 'assigned agent',
    'admin assignee', 'teammate assignee', 'nom conseiller', 'nom du conseiller', 'agent assigne',
  ],
  brand: ['brand', 'marque', 'company', 'entreprise'],
  language: ['language', 'langue', 'lang', 'locale', 'review language', 'reviewer language'],
  nps: ['nps', 'nps score', 'score nps', 'note nps', 'note', 'recommandation', 'note de recommandation', 'likelihood to recommend'],
  csat: [
    'csat', 'satisfaction', 'satisfaction score', 'rating', 'stars', 'review stars', 'etoiles', 'star rating',
    'conversation rating',
  ],
  ces: ['ces', 'effort', 'customer effort'],
};

const TEXT_TOKENS = ['pourquoi', 'why', 'raison', 'reason', 'reasons', 'explain', 'expliquez', 'precisez', 'verbatim', 'remarque', 'remarques'];
const CUSTOMER_TOKENS = ['client', 'customer', 'adherent', 'member', 'membre', 'abonne', 'subscriber', 'account', 'compte', 'souscripteur'];
const NUMBER_TOKENS = ['id', 'n°', 'nº', 'n', 'no', 'numero', 'num', 'number', 'nr', 'ref', 'reference', 'code', 'identifiant'];

/**
 * Word rules, weaker than exact aliases: long survey questions used as headers ("How likely are you to
 * recommend us?", "Pourquoi cette note ?") and the many spellings of a customer number ("N° client",
 * "Numéro adhérent"). A comment about a score is text, so text words are tried first.
 */
export function fuzzyField(header: string): CanonicalField | null {
  const norm = header.replace(/[()[\]]+/g, ' ').replace(/\s+/g, ' ').trim();
  const tokens = norm.split(' ');
  if (tokens.some((t) => TEXT_TOKENS.includes(t) || t.startsWith('comment')) && !norm.includes('raison sociale')) return 'text';
  if (tokens.includes('nps') || /recomm?and|recommend/.test(norm)) return 'nps';
  if (/\b(easy|facile|effort)/.test(norm)) return 'ces';
  if (tokens.some((t) => CUSTOMER_TOKENS.includes(t)) && tokens.some((t) => NUMBER_TOKENS.includes(t))) return 'customerId';
  if (tokens.some((t) => t.startsWith('satisf'))) return 'csat';
  return null;
}

/** Normalises a header: case-insensitive, accent-folded, camelCase split, punctuation/underscores to spaces. */
export function normalizeHeader(h: string): string {
  const spaced = h.replace(/([a-z])([A-Z])/g, '$1 $2');
  const folded = fold(spaced).replace(/[_\-.:/]+/g, ' ').replace(/[?!"'’…]+/g, ' ');
  return folded.replace(/\s+/g, ' ').trim();
}

/** Column index per canonical field. */
export type ColumnMap = Partial<Record<CanonicalField, number>>;

/**
 * Detects which header holds which canonical field. Exact aliases beat substring rules; within each,
 * the alias listed first wins, then the leftmost column. A column is used for one field only.
 */
export function detectColumns(headers: string[]): ColumnMap {
  const norm = headers.map(normalizeHeader);
  const candidates: { field: CanonicalField; col: number; rank: number }[] = [];
  for (const field of CANONICAL_FIELDS) {
    ALIASES[field].forEach((alias, rank) => {
      norm.forEach((h, col) => {
        if (h === alias || h === alias.replace(/[()]/g, '').replace(/\s+/g, ' ').trim()) candidates.push({ field, col, rank });
      });
    });
  }
  norm.forEach((h, col) => {
    const field = fuzzyField(h);
    if (field) candidates.push({ field, col, rank: 100 });
  });
  candidates.sort((a, b) => a.rank - b.rank || a.col - b.col);
  const map: ColumnMap = {};
  const used = new Set<number>();
  for (const c of candidates) {
    if (map[c.field] !== undefined || used.has(c.col)) continue;
    map[c.field] = c.col;
    used.add(c.col);
  }
  return map;
}

/** Exact aliases of the employee survey fields (normalised headers). */
const EMPLOYEE_ALIASES: Record<EmployeeField, string[]> = {
  id: ['id', 'response id', 'respondent id'],
  team: ['team', 'equipe', 'service'],
  period: ['period', 'periode'],
  enps: ['enps', 'e nps'],
  comment: ['comment', 'commentaire', 'verbatim'],
  at: ['date', 'submitted at', 'horodatage', 'timestamp'],
};

/** Employee survey column detection: fixed names plus every engagement_* / item_* column. */
export function detectEmployeeColumns(headers: string[]): { fields: Partial<Record<EmployeeField, number>>; items: Map<number, string> } {
  const norm = headers.map(normalizeHeader);
  const fields: Partial<Record<EmployeeField, number>> = {};
  for (const f of EMPLOYEE_FIELDS) {
    const col = norm.findIndex((h) => EMPLOYEE_ALIASES[f].includes(h));
    if (col >= 0) fields[f] = col;
  }
  const items = new Map<number, string>();
  headers.forEach((h, col) => {
    const m = /^(?:engagement|item)[_ ](.+)$/i.exec(h.trim());
    if (m) items.set(col, m[1]);
  });
  return { fields, items };
}

/** True when the headers describe an employee engagement survey (an eNPS column). */
export function looksLikeEmployeeSurvey(headers: string[]): boolean {
  return headers.some((h) => EMPLOYEE_ALIASES.enps.includes(normalizeHeader(h)));
}
