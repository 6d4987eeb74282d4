import { fold } from '../core/fold.ts';
import type { AuthorRole } from '../core/labels.ts';

/**
 * Who wrote a message, read from the many ways exports say it. An agent turn analysed as a customer
 * message corrupts every figure (agents apologise, thank, promise), so role reading errs on naming
 * agents: "Customer support" is an agent, "Client" is a customer.
 */

/** Whole values (folded, punctuation as spaces) and the role they name. */
const EXACT: [AuthorRole, string[]][] = [
  ['customer', [
    'end user', 'enduser', 'user', 'customer', 'client', 'cliente', 'requester', 'demandeur', 'demandeuse', 'contact',
    'lead', 'caller', 'appelant', 'appelante', 'visitor', 'visiteur', 'visiteuse', 'consumer', 'member', 'adherent',
    'adherente', 'guest', 'prospect', 'reviewer', 'inbound', 'incoming', 'entrant', 'entrante', 'received', 'recu', 'in',
  ]],
  ['agent', [
    'agent', 'admin', 'administrator', 'conseiller', 'conseillere', 'staff', 'support', 'operator', 'operateur',
    'operatrice', 'teammate', 'company', 'entreprise', 'business', 'brand', 'marque', 'employee', 'employe', 'employee',
    'advisor', 'adviser', 'representative', 'rep', 'moderator', 'owner', 'merchant', 'vendeur', 'vendeuse', 'page',
    'outbound', 'outgoing', 'sortant', 'sortante', 'sent', 'envoye', 'out', 'agent support', 'support agent',
    'service client', 'customer service', 'customer support', 'human', 'humain',
  ]],
  ['system', ['system', 'systeme', 'bot', 'chatbot', 'automation', 'automatique', 'auto', 'workflow', 'trigger', 'robot', 'ia', 'ai']],
];

/** Words that make a longer value an agent or system turn ("Agent support niveau 2", "Bot Intercom"). */
const AGENT_TOKENS = ['agent', 'admin', 'conseiller', 'conseillere', 'staff', 'support', 'operator', 'operateur', 'service', 'teammate', 'advisor'];
const SYSTEM_TOKENS = ['bot', 'chatbot', 'system', 'systeme', 'automation', 'automatique', 'robot'];
const CUSTOMER_TOKENS = ['customer', 'client', 'cliente', 'user', 'requester', 'visitor', 'visiteur', 'contact', 'consumer', 'caller', 'appelant'];

const TRUE = new Set(['true', '1', 'yes', 'y', 'oui', 'o', 'vrai', 'x']);
const FALSE = new Set(['false', '0', 'no', 'n', 'non', 'faux']);

function clean(value: string): string {
  return fold(value).replace(/[_\-.()[\]:/|]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** True when the whole value is a role word ("agent", "Client", "end-user"), so it names nobody. */
export function isRoleWord(value: string): boolean {
  const v = clean(value);
  return EXACT.some(([, words]) => words.includes(v));
}

/** Maps an author-type value ("end-user", "Conseillère", "Agent support", "Bot") to a role, or null when unknown. */
export function roleFromValue(value: string): AuthorRole | null {
  const v = clean(value);
  if (!v) return null;
  for (const [role, words] of EXACT) if (words.includes(v)) return role;
  const tokens = v.split(' ');
  if (tokens.some((t) => SYSTEM_TOKENS.includes(t))) return 'system';
  if (tokens.some((t) => AGENT_TOKENS.includes(t))) return 'agent';
  if (tokens.some((t) => CUSTOMER_TOKENS.includes(t))) return 'customer';
  return null;
}

/**
 * Reads a role cell knowing its header: boolean columns say which side is "true" ("inbound": true is
 * the customer; "is_agent": true is an agent); other columns hold role words.
 */
export function roleFromCell(header: string, value: string): AuthorRole | null {
  const h = clean(header);
  const v = clean(value);
  const flag = TRUE.has(v) ? true : FALSE.has(v) ? false : null;
  if (flag !== null) {
    if (/\b(inbound|incoming|entrant|from customer|from client|is customer|is client|is user|customer|client)\b/.test(h)) return flag ? 'customer' : 'agent';
    if (/\b(is agent|is admin|is staff|from agent|is operator|agent|admin|staff|outbound|outgoing|sortant)\b/.test(h)) return flag ? 'agent' : 'customer';
    if (/\b(is bot|is system|bot|automated)\b/.test(h)) return flag ? 'system' : null;
  }
  return roleFromValue(value);
}

/**
 * An author cell that is a role rather than a name ("agent", "Client", "Marie (conseillère)",
 * "[Bot] Léa"): the role, or null when the cell names a person without saying which side.
 */
export function roleInAuthor(author: string): AuthorRole | null {
  const whole = roleFromValue(author);
  if (whole && clean(author).split(' ').length <= 2) return whole;
  const tagged = /[([]\s*([^)\]]+?)\s*[)\]]/.exec(author);
  return tagged ? roleFromValue(tagged[1]) : null;
}

/** What a thread knows about who is who, to decide the role of a message that does not say. */
export interface RoleHints {
  /** Agent names from an agent/assignee column (this thread or the whole file). */
  agents: ReadonlySet<string>;
  /** The customer's name and id, when the export has them. */
  customer: ReadonlySet<string>;
}

/**
 * The role of a message without a role cell: an author named as an agent (agent column, or a role in
 * the author cell) is an agent; the customer's own name is the customer; anything else stays a customer,
 * which is what a row of a flat feedback export is.
 */
export function inferRole(author: string | undefined, hints: RoleHints): AuthorRole {
  if (author === undefined) return 'customer';
  const inAuthor = roleInAuthor(author);
  if (inAuthor) return inAuthor;
  const key = author.trim().toLowerCase();
  if (hints.customer.has(key)) return 'customer';
  if (hints.agents.has(key)) return 'agent';
  return 'customer';
}
