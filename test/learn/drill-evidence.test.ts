/**
 * Drill participation feeds the maturity assessment: the share of the people seen last month who took
 * part in a team drill, unknown while the workspace never drilled; cited in the "people" recommendation.
 */
import { describe, expect, it } from 'vitest';
import { drillParticipation } from '../../src/learn/maturity/workspace-evidence.ts';
import { recordAssessment } from '../../src/runtime/learn/record-assessment.ts';
import { dialectSuite } from '../store/dialects.ts';
import { DRILL_NOW, seedDrills } from '../server/drill-fixtures.ts';
import { answersFrom } from './maturity-fixtures.ts';

describe('drillParticipation', () => {
  it('is the share of agents and participants who drilled, unknown before any drill', () => {
    expect(drillParticipation({ agents: ['Ana', 'Bo', 'Cy', 'Di'], participants: ['Ana'], everDrilled: true })).toEqual({ drillParticipation: 0.25 });
    // Someone who drilled without writing to customers still counts among the people.
    expect(drillParticipation({ agents: ['Ana'], participants: ['Ana', 'Eve'], everDrilled: true })).toEqual({ drillParticipation: 1 });
    expect(drillParticipation({ agents: ['Ana', 'Bo'], participants: [], everDrilled: true })).toEqual({ drillParticipation: 0 });
    expect(drillParticipation({ agents: ['Ana', 'Bo'], participants: [], everDrilled: false })).toEqual({});
    expect(drillParticipation({ agents: [], participants: [], everDrilled: true })).toEqual({});
  });
});

// People weakest by far, so its recommendation (citing drill participation) comes first.
const ANSWERS = answersFrom({
  listen: [5, 5, 5, 5], understand: [5, 5, 5, 5], act: [5, 5, 5, 5], learn: [5, 5, 5],
  strategy: [5, 5, 5, 5], leadership: [5, 5, 5, 5], people: [1, 1, 1, 1], systems: [5, 5, 5],
});

dialectSuite('assessment evidence from drills', ({ open }) => {
  it('cites last month’s drill participation, leaving hiring attempts and older drills out', async () => {
    const store = await open(undefined, () => DRILL_NOW);
    const ids = await seedDrills(store, 'w');
    const agents = (await store.messageFacts('w')).filter((f) => f.role === 'agent').map((f) => f.agent);
    expect(agents.every((a) => a === null)).toBe(true); // the seeds name no agent: people = participants
    const before = await recordAssessment(store, 'w', { answers: ANSWERS }, 'en', DRILL_NOW);
    expect(before.recommendations[0]).toMatchObject({ dimension: 'people', evidence: { key: 'drillParticipation', value: null } });

    const attempt = { week: '2026-W48', messageId: ids.customer[0], team: 'Paris', emotions: [], needs: [], reply: 'x', readingScore: 1, replyScore: 1 };
    await store.saveDrillAttempt('w', { ...attempt, participant: 'Ana', mode: 'drill' });
    await store.saveDrillAttempt('w', { ...attempt, participant: 'Candidate 1', mode: 'hiring' });
    const people = await store.drillPeople('w', new Date(DRILL_NOW.getTime() - 30 * 86_400_000));
    expect(people).toEqual({ agents: [], participants: ['Ana'], everDrilled: true });
    const after = await recordAssessment(store, 'w', { answers: ANSWERS }, 'fr', DRILL_NOW);
    expect(after.recommendations[0].evidence).toMatchObject({ key: 'drillParticipation', value: 1 });
    expect(after.recommendations[0].evidence.text).toMatch(/100 %/);
    // Two months later nobody wrote or drilled in the last month: no one to count, so unknown again.
    const later = await recordAssessment(store, 'w', { answers: ANSWERS }, 'en', new Date(DRILL_NOW.getTime() + 60 * 86_400_000));
    expect(later.recommendations[0].evidence).toMatchObject({ key: 'drillParticipation', value: null });
  });
});
