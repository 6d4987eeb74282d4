/** Public posts collected by a social listening tool, as flat JSON rows (one per line). */
import type { Conv } from './thread.ts';
import { isoZ } from './dates.ts';

/** Renders social posts (customer message only) as JSONL. */
export function socialJsonl(convs: readonly Conv[]): string {
  return convs.map((conv, i) => JSON.stringify({
    id: `soc-${String(i + 1).padStart(4, '0')}`,
    created_at: isoZ(conv.start),
    channel: 'social',
    customer_id: conv.plan.customer.id,
    language: conv.lang,
    text: conv.messages[0].text,
  })).join('\n') + '\n';
}
