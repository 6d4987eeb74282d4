import { expect, it } from 'vitest';
import { dialectSuite } from './dialects.ts';
import { conversation, T0 } from './fixtures.ts';

const MINUTE = 60_000;

dialectSuite('latest activity (the digest\'s latest period with data)', ({ open }) => {
  it('is the latest customer message or survey answer before a time, agents and other workspaces aside', async () => {
    const store = await open();
    expect(await store.latestActivity('w', new Date(T0 + 1e9))).toBeNull();
    const source = await store.ensureSource('w', 'csv', 'csv');
    // conversation(0): customer at T0 and T0+2 min, agent at T0+1 min, NPS at T0+3 min.
    await store.writeConversations('w', source, [conversation(0)]);
    // conversation(1): customer at T0+10 and T0+12 min, agent at T0+11 min, no survey.
    await store.writeConversations('w', source, [conversation(1, { surveys: [] })]);
    const other = await store.ensureSource('x', 'csv', 'csv');
    await store.writeConversations('x', other, [conversation(5)]);

    expect(await store.latestActivity('w', new Date(T0 + 1e9))).toEqual(new Date(T0 + 12 * MINUTE));
    // Before 12 min: the customer's message at 10 min (the agent's at 11 min does not count).
    expect(await store.latestActivity('w', new Date(T0 + 12 * MINUTE))).toEqual(new Date(T0 + 10 * MINUTE));
    // Before 10 min: the survey answer at 3 min is later than the last customer message at 2 min.
    expect(await store.latestActivity('w', new Date(T0 + 10 * MINUTE))).toEqual(new Date(T0 + 3 * MINUTE));
    expect(await store.latestActivity('w', new Date(T0))).toBeNull();
    expect(await store.latestActivity('nobody', new Date(T0 + 1e9))).toBeNull();
  });
});
