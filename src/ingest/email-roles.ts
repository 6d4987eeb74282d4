import type { AuthorRole } from '../core/labels.ts';
import { roleFromValue, roleInAuthor } from './author-role.ts';

/** The fields of an e-mail that say who wrote it. */
export interface Sender {
  fromAddress: string;
  fromName: string | undefined;
  /** X-Author-Role (or similar) header value, when the exporting tool wrote one. */
  declared?: string;
}

const SYSTEM_LOCAL = /^(no-?reply|do-?not-?reply|ne-?pas-?repondre|notifications?|notification|mailer-daemon|postmaster|bounces?|alerts?)([-._+]|$)/;
const AGENT_LOCAL =
  /^(support|help|helpdesk|service|serviceclient|service-client|service\.client|sav|contact|care|customercare|customer-care|customerservice|customer-service|hello|bonjour|info|infos|team|equipe|relation-?client|relationclient|conseil|reclamations?|commandes|orders)([-._+]|$)/;

/**
 * The side a mailbox is on from its address or display name: "noreply@" is the system, "support@",
 * "sav@" or "Service client Acme" an agent; null for a person's own mailbox.
 */
export function mailboxRole(s: Sender): AuthorRole | null {
  if (s.declared) {
    const r = roleFromValue(s.declared);
    if (r) return r;
  }
  const local = s.fromAddress.split('@')[0] ?? '';
  if (SYSTEM_LOCAL.test(local)) return 'system';
  if (AGENT_LOCAL.test(local)) return 'agent';
  return s.fromName ? roleInAuthor(s.fromName) : null;
}

/**
 * Roles of a thread's messages (in the given order, `opener` first when known). The customer is the
 * first sender whose mailbox is not the company's: a thread the company opened ("Votre commande a
 * été expédiée") still has the customer's reply as the customer turn. Any other sender is an agent.
 */
export function emailRoles(thread: readonly Sender[], opener: Sender): { roles: AuthorRole[]; customer: string | undefined } {
  const sides = thread.map(mailboxRole);
  const customerSide = (r: AuthorRole | null): boolean => r === null || r === 'customer';
  const customer = customerSide(mailboxRole(opener)) ? opener.fromAddress : thread.find((_, i) => customerSide(sides[i]))?.fromAddress;
  const roles = thread.map((m, i) => sides[i] ?? (m.fromAddress === customer ? 'customer' : 'agent'));
  return { roles, customer };
}
