/**
 * This week's drill from the store: none for an empty workspace, the same all week even when messages
 * arrive mid-week, and drawn from the four weeks up to the latest activity before the week began.
 */
import { expect, it } from 'vitest';
import { loadWeeklyDrill } from '../../src/runtime/drills/weekly-drill.ts';
import { renderDrill } from '../../src/act/drills/drill-render.ts';
import { dialectSuite } from '../store/dialects.ts';
import { DRILL_NOW, DRILL_SEEDS, seedDrills } from '../server/drill-fixtures.ts';

dialectSuite('weekly drill', ({ open }) => {
  it('is empty for an empty workspace, and says what to do in both languages', async () => {
    const store = await open();
    const drill = await loadWeeklyDrill(store, 'empty', DRILL_NOW);
    expect(drill).toEqual({ week: '2026-W48', from: null, to: null, scenarios: [] });
    expect(renderDrill(drill.week, drill.scenarios, 'fr')).toContain('importez des messages (`ecoute ingest`)');
    expect(renderDrill(drill.week, drill.scenarios, 'en')).toContain('import messages (`ecoute ingest`)');
  });

  it('stays the same all week when messages arrive mid-week, and draws from the latest four weeks of data', async () => {
    const store = await open();
    await seedDrills(store, 'w');
    const monday = await loadWeeklyDrill(store, 'w', new Date('2026-11-23T07:00:00Z'), { count: 7 });
    expect(monday.scenarios.map((s) => s.text).sort()).toEqual(DRILL_SEEDS.map((s) => s.text).sort());
    // A message of this week, analysed: not in this week's drill.
    const source = await store.ensureSource('w', 'late', 'test');
    const text = 'Je viens de recevoir un colis abîmé, la boîte était ouverte et il manque la moitié des pièces. Je suis vraiment déçue.';
    const { newMessageIds } = await store.writeConversations('w', source, [{
      naturalKey: 'late-1', channel: 'chat', customer: { externalId: 'L-1' }, startedAt: new Date('2026-11-24T09:00:00Z'), surveys: [],
      messages: [{ role: 'customer', at: new Date('2026-11-24T09:00:00Z'), text, language: 'fr' }],
    }]);
    await store.saveAnalyses('w', 'fixture-1', [{ messageId: newMessageIds[0], analysis: {
      language: 'fr', sentiment: { label: 'negative', score: -0.6 }, emotions: [{ label: 'disappointment', score: 0.8, evidence: 'déçue' }],
      needs: [{ label: 'resolution', score: 0.6, evidence: null }], themes: [], stage: null,
      signals: { churnIntent: false, urgency: 'low', vulnerable: false, repeatContact: false }, reason: null,
    } }]);
    const thursday = await loadWeeklyDrill(store, 'w', DRILL_NOW, { count: 7 });
    expect(thursday.scenarios).toEqual(monday.scenarios);
    // Next week it can be drawn.
    const next = await loadWeeklyDrill(store, 'w', new Date('2026-12-01T09:00:00Z'), { count: 8 });
    expect(next.scenarios.map((s) => s.text)).toContain(text);
    expect(next.from).toBe(new Date(Date.parse('2026-11-24T09:00:00Z') + 1 - 28 * 86_400_000).toISOString());
  });
});
