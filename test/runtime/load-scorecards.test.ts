/**
 * loadScorecards on a real store, both dialects: time to close comes from the cases (opened → closed,
 * closed within the period), not from the conversations' first-to-last message span.
 */
import { expect, it } from 'vitest';
import { parseWeights } from '../../src/learn/scorecards/scorecard-config.ts';
import { loadScorecards } from '../../src/runtime/learn/load-scorecards.ts';
import { dialectSuite } from '../store/dialects.ts';
import { conversations, T0 } from '../store/fixtures.ts';

const H = 3_600_000;

dialectSuite('scorecards from case timing', ({ open }) => {
  it('measures time to close per team from opened → closed cases, within the period', async () => {
    let now = new Date(T0);
    const store = await open(undefined, () => now);
    const source = await store.ensureSource('w', 'zendesk', 'csv');
    // Conversations 0 and 2 are Paris', 1 and 3 Lyon's; each spans 2 minutes from first to last message.
    await store.writeConversations('w', source, conversations(0, 4));
    const facts = await store.messageFacts('w');
    const fact = (i: number) => facts.find((f) => f.text.includes(`n°${i} `))!;
    const conv = (i: number) => fact(i).conversationId;

    now = new Date(T0 + H);
    // Opened from a message, a case takes its team; opened on a conversation alone, it has none and
    // counts for the team of its conversation.
    const paris0 = await store.openCase('w', { conversationId: conv(0), title: 'Rappeler', actor: 'test' });
    const paris2 = await store.openCase('w', { messageId: fact(2).messageId, actor: 'test' });
    const lyon1 = await store.openCase('w', { messageId: fact(1).messageId, actor: 'test' });
    expect([paris0.team, paris2.team, lyon1.team]).toEqual([null, 'Paris', 'Lyon']);
    await store.openCase('w', { messageId: fact(3).messageId, title: 'Jamais clos', actor: 'test' });
    const close = async (id: string, hoursAfterT0: number) => {
      now = new Date(T0 + hoursAfterT0 * H);
      await store.updateCase('w', id, { status: 'closed', actor: 'test' });
    };
    await close(paris0.id, 7); // 6 h after opening
    await close(paris2.id, 11); // 10 h
    await close(lyon1.id, 49); // 48 h

    const config = { by: 'team' as const, weights: parseWeights('timeToClose=1'), minSample: 1 };
    const all = await loadScorecards(store, 'w', config);
    const ttc = (r: typeof all, team: string) => r.scorecards.find((c) => c.subject === team)!.metrics.timeToClose;
    // Paris: median of 6 and 10 h = 8 h → score 100 (≤ 24 h); Lyon: 48 h → 100 × 24/48 = 50; Lyon's open case does not count.
    expect(ttc(all, 'Paris')).toMatchObject({ value: 8, n: 2, score: 100, conversationIds: [conv(0), conv(2)] });
    expect(ttc(all, 'Lyon')).toMatchObject({ value: 48, n: 1, score: 50, conversationIds: [conv(1)] });
    expect(all.scorecards.map((c) => [c.subject, c.rank])).toEqual([['Paris', 1], ['Lyon', 2]]);

    // A period starting after Paris' closings keeps only Lyon's case.
    const later = await loadScorecards(store, 'w', config, new Date(T0 + 24 * H), new Date(T0 + 72 * H));
    expect(later.scorecards.find((c) => c.subject === 'Lyon')!.metrics.timeToClose).toMatchObject({ value: 48, n: 1 });
    expect(later.scorecards.find((c) => c.subject === 'Paris')?.metrics.timeToClose.n ?? 0).toBe(0);

    // The shared filter's team: Paris' card only, with its case opened on a conversation alone (team
    // from the conversation) still counted; a channel no conversation has leaves nothing.
    const paris = await loadScorecards(store, 'w', config, undefined, undefined, undefined, { team: 'Paris' });
    expect(paris.scorecards.map((c) => c.subject)).toEqual(['Paris']);
    expect(ttc(paris, 'Paris')).toEqual(ttc(all, 'Paris'));
    const channel = fact(0).channel;
    const same = await loadScorecards(store, 'w', config, undefined, undefined, undefined, { channel });
    expect(same.scorecards.flatMap((c) => c.metrics.timeToClose.conversationIds)).toContain(conv(0));
    const other = channel === 'social' ? 'review' : 'social';
    expect(facts.some((f) => f.channel === other)).toBe(false);
    expect((await loadScorecards(store, 'w', config, undefined, undefined, undefined, { channel: other })).scorecards).toEqual([]);
  });
});
