/** Intercom-like chat export: one JSON conversation per line, customer bubbles sometimes split in two. */
import type { Rng } from './prng.ts';
import type { Conv } from './thread.ts';
import { isoZ } from './dates.ts';

interface ChatMessage {
  author_type: 'user' | 'admin';
  author: string;
  created_at: string;
  body: string;
}

/** Splits a chat message at a sentence end so customers type in bursts, as they do. */
function bubbles(rng: Rng, text: string): string[] {
  const m = /^(.{25,}?[.!?…])\s+(\S.{15,})$/s.exec(text);
  if (!m || !rng.chance(0.5)) return [text];
  return [m[1], m[2]];
}

/** Renders chats as JSONL; returns the text and the conversation ids. */
export function intercomJsonl(rng: Rng, convs: readonly Conv[]): { text: string; ids: Map<Conv, string> } {
  const ids = new Map<Conv, string>();
  let n = 215_400_000_100;
  const lines = convs.map((conv) => {
    n += rng.int(3, 97);
    const id = String(n);
    ids.set(conv, id);
    const c = conv.plan.customer;
    const messages: ChatMessage[] = [];
    for (const msg of conv.messages) {
      if (msg.role === 'customer') {
        bubbles(rng, msg.text).forEach((b, i) => messages.push({ author_type: 'user', author: c.name, created_at: isoZ(msg.at + i * 20_000), body: b }));
      } else {
        messages.push({ author_type: 'admin', author: conv.agent, created_at: isoZ(msg.at), body: msg.text });
      }
    }
    return JSON.stringify({
      conversation_id: id,
      created_at: isoZ(conv.start),
      channel: 'chat',
      team: conv.team,
      assignee: conv.agent,
      language: conv.lang,
      customer: { id: c.id, name: c.name, segment: c.segment, value: c.value },
      messages,
    });
  });
  return { text: lines.join('\n') + '\n', ids };
}
