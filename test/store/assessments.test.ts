import { expect, it } from 'vitest';
import { dialectSuite } from './dialects.ts';

const scores = (overall: number) => ({ overall, dimensions: { listen: overall, act: 100 - overall } });

dialectSuite('assessments', ({ open, target }) => {
  it('stores assessments and lists them newest first, per workspace, answers and scores intact', async () => {
    let now = new Date('2026-06-01T09:00:00Z');
    const store = await open(target(), () => now);
    const first = await store.saveAssessment('acme', { language: 'fr', answers: { 'listen-channels': 2, 'act-access': 5 }, scores: scores(44), stage: 'interaction' });
    expect(first).toEqual({
      id: first.id, workspaceId: 'acme', createdAt: now, language: 'fr',
      answers: { 'listen-channels': 2, 'act-access': 5 }, scores: scores(44), stage: 'interaction',
    });
    expect(typeof first.id).toBe('number');
    now = new Date('2026-12-01T09:00:00Z');
    const second = await store.saveAssessment('acme', { language: 'en', answers: { 'listen-channels': 4 }, scores: scores(69), stage: 'engagement' });
    await store.saveAssessment('other', { language: 'en', answers: {}, scores: scores(10), stage: 'transactional' });

    expect(await store.listAssessments('acme')).toEqual([second, first]);
    expect(await store.listAssessments('acme', 1)).toEqual([second]);
    expect((await store.listAssessments('other')).map((a) => a.stage)).toEqual(['transactional']);
    expect(await store.listAssessments('nobody')).toEqual([]);
    // The workspace row was created for the foreign key.
    expect((await store.ensureWorkspace('acme')).id).toBe('acme');
  });

  it('orders assessments taken in the same millisecond by insertion, and does not bump the data version', async () => {
    const at = new Date('2026-06-01T09:00:00Z');
    const store = await open(target(), () => at);
    await store.ensureWorkspace('w');
    const before = await store.dataVersion('w');
    const ids: number[] = [];
    for (const overall of [10, 20, 30]) ids.push((await store.saveAssessment('w', { language: 'fr', answers: {}, scores: scores(overall), stage: 'transactional' })).id);
    expect((await store.listAssessments('w')).map((a) => a.id)).toEqual([...ids].reverse());
    expect((await store.listAssessments('w')).map((a) => a.scores.overall)).toEqual([30, 20, 10]);
    expect(await store.dataVersion('w')).toBe(before);
  });
});
