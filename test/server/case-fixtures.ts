/**
 * Set-up shared by the POST /api/cases tests that open a case on a conversation or a customer: one
 * stored conversation a workspace, and a poster that sends a case body (optionally as another workspace).
 */
import type { Hono } from 'hono';
import type { MessageFact } from '../../src/core/facts.ts';
import type { Store } from '../../src/store/store.ts';

/** How the one conversation names itself: the source system's own conversation and customer ids. */
export interface OneConversation {
  /** Natural key suffix, so two workspaces' conversations never collide. */
  ref: string;
  /** The source system's conversation id, where the test needs one. */
  externalId?: string;
  /** The source system's customer id. */
  customerRef: string;
}

/**
 * Stores one customer conversation (one angry e-mail at `now`) in `workspaceId` and returns the
 * workspace's customer message facts, from which a test reads the ids the API shows.
 */
export async function storeOneConversation(store: Store, workspaceId: string, now: Date, conv: OneConversation): Promise<MessageFact[]> {
  const source = await store.ensureSource(workspaceId, 'crm', 'json');
  await store.writeConversations(workspaceId, source, [{
    naturalKey: `${workspaceId}-${conv.ref}`, ...(conv.externalId ? { externalId: conv.externalId } : {}),
    channel: 'email', startedAt: now, surveys: [],
    customer: { externalId: conv.customerRef, name: `Client ${conv.ref}` },
    messages: [{ role: 'customer', at: now, text: 'Ma facture est fausse depuis deux mois.' }],
  }]);
  return store.messageFacts(workspaceId, { customerOnly: true });
}

/**
 * A function that POSTs a case body to /api/cases of the app `app()` returns (read at each call, since
 * the app is made again before each test), as the workspace named or the app's default one.
 */
export function casePoster(app: () => Hono) {
  // The return type is inferred: the body is whatever JSON came back, and each test asserts on its shape.
  return async (body: unknown, workspace?: string) => {
    const res = await app().request('/api/cases', {
      method: 'POST', body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...(workspace ? { 'x-ecoute-workspace': workspace } : {}) },
    });
    return { status: res.status, body: await res.json() };
  };
}
