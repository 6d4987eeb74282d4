import type { MessageFact } from '../core/facts.ts';
import { GroupMemo } from './group-memo.ts';
import { touchesOf, touchingMessages, type Touch } from './last-touch.ts';

/**
 * Each customer's touches (messages that name a team, by time: last-touch.ts) kept between
 * computations of the EX↔CX link: a customer's touches are sorted again only when their messages
 * that name a team are no longer the very same fact objects in the same order (group-memo.ts), so
 * after an import batch only the customers it touched are sorted again. The touches are the same as
 * customerTouches'.
 *
 * Pure data held by the caller (the insights worker, one per workspace).
 */
export class TouchMemo {
  private readonly memo = new GroupMemo<string, Touch[]>();

  /** Customers reused and customers sorted again by the last call (tests, bench). */
  get last(): { reused: number; counted: number } {
    return this.memo.last;
  }

  /** customerTouches(messages), sorting again only the customers whose touching messages changed. */
  touches(messages: readonly MessageFact[]): Map<string, Touch[]> {
    const out = new Map<string, Touch[]>();
    this.memo.begin();
    for (const [id, list] of touchingMessages(messages)) out.set(id, this.memo.get(id, [list], () => touchesOf(list)));
    this.memo.end();
    return out;
  }
}
