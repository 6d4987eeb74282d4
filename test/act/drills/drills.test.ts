import { beforeAll, describe, expect, it } from 'vitest';
import { drillProgress, recentParticipants } from '../../../src/act/drills/drill-progress.ts';
import { DRILL_RUBRIC, HIRING_NOTICE } from '../../../src/act/drills/drill-strings.ts';
import type { DrillAttempt, DrillSource } from '../../../src/act/drills/drill-types.ts';
import { parseDrillAttempt } from '../../../src/act/drills/parse-attempt.ts';
import { isDrillable, MAX_DRILL_CHARS, pickDrillScenarios } from '../../../src/act/drills/pick-scenarios.ts';
import { scoreDrillAttempt, scoreReading } from '../../../src/act/drills/score-attempt.ts';
import type { CoachModel } from '../../../src/act/coach/coach-model.ts';
import type { Analysis } from '../../../src/core/analysis.ts';
import { InputError } from '../../../src/core/errors.ts';
import type { Emotion, Need } from '../../../src/core/labels.ts';
import { loadCoachModel } from '../../../src/runtime/analysis/load-coach-model.ts';

function analysis(emotions: [Emotion, string | null][], needs: [Need, string | null][]): Analysis {
  return {
    language: 'fr',
    sentiment: { label: 'negative', score: -0.5 },
    emotions: emotions.map(([label, evidence]) => ({ label, score: 0.8, evidence })),
    needs: needs.map(([label, evidence]) => ({ label, score: 0.7, evidence })),
    themes: [],
    stage: null,
    signals: { churnIntent: false, urgency: 'medium', vulnerable: false, repeatContact: false },
    reason: null,
  };
}

const EMOTIONS: Emotion[] = ['anger', 'anxiety', 'confusion', 'disappointment', 'frustration', 'sadness'];
const NEEDS: Need[] = ['resolution', 'speed', 'information', 'reassurance', 'fairness', 'respect'];

/** 24 drillable messages, 4 of each strongest emotion, and some that are too short or too long. */
function sources(): DrillSource[] {
  const out: DrillSource[] = [];
  for (let i = 0; i < 24; i++) {
    out.push({
      messageId: String(100 + i),
      text: `Message ${i} : ma commande n'est toujours pas arrivée et personne ne me répond, je ne sais plus quoi faire.`,
      language: i % 5 === 0 ? 'en' : 'fr',
      channel: 'email',
      analysis: analysis([[EMOTIONS[i % 6], 'toujours pas arrivée']], [[NEEDS[(i * 5) % 6], 'personne ne me répond']]),
    });
  }
  out.push({ messageId: '900', text: 'Merci, ça marche !', language: 'fr', channel: 'chat', analysis: analysis([['gratitude', 'Merci']], []) });
  out.push({ messageId: '901', text: 'x'.repeat(MAX_DRILL_CHARS + 1), language: 'fr', channel: 'chat', analysis: analysis([['anger', null]], []) });
  out.push({ messageId: '902', text: 'Bonjour, je voudrais simplement connaître les horaires de votre agence du centre-ville.', language: 'fr', channel: 'chat', analysis: analysis([], []) });
  return out;
}

describe('pickDrillScenarios', () => {
  it('gives everyone the same drill in a week, another one the next week, and never shows the answers', () => {
    const all = sources();
    const a = pickDrillScenarios(all, '2026-W49');
    expect(a).toHaveLength(3);
    expect(pickDrillScenarios([...all].reverse(), '2026-W49')).toEqual(a);
    const b = pickDrillScenarios(all, '2026-W50');
    expect(b.map((s) => s.messageId)).not.toEqual(a.map((s) => s.messageId));
    for (const s of a) expect(Object.keys(s).sort()).toEqual(['channel', 'language', 'messageId', 'text']);
  });

  it('skips very short, very long and unreadable texts, and varies emotions and needs', () => {
    const all = sources();
    expect(isDrillable(all.find((s) => s.messageId === '900')!)).toBe(false);
    expect(isDrillable(all.find((s) => s.messageId === '901')!)).toBe(false);
    expect(isDrillable(all.find((s) => s.messageId === '902')!)).toBe(false);
    for (const week of ['2026-W01', '2026-W02', '2026-W03', '2026-W04']) {
      const picked = pickDrillScenarios(all, week, { count: 4 });
      expect(picked.map((s) => s.messageId)).not.toContain('900');
      const byId = new Map(all.map((s) => [s.messageId, s]));
      const emotions = picked.map((s) => byId.get(s.messageId)!.analysis.emotions[0].label);
      const needs = picked.map((s) => byId.get(s.messageId)!.analysis.needs[0].label);
      expect(new Set(emotions).size).toBe(4);
      expect(new Set(needs).size).toBe(4);
    }
  });

  it('keeps one language when there is enough of it, and returns what there is when data is short', () => {
    expect(pickDrillScenarios(sources(), '2026-W49', { language: 'en' }).every((s) => s.language === 'en')).toBe(true);
    expect(pickDrillScenarios(sources().slice(0, 2), '2026-W49')).toHaveLength(2);
    expect(pickDrillScenarios([], '2026-W49')).toEqual([]);
  });
});

describe('scoring an attempt', () => {
  let model: CoachModel;
  beforeAll(async () => { model = await loadCoachModel(); });

  it('scores the reading by overlap with the analysis, with its evidence as feedback', () => {
    const a = analysis([['frustration', 'toujours pas'], ['anxiety', null]], [['speed', 'au plus vite']]);
    const perfect = scoreReading(a, ['frustration', 'anxiety'], ['speed'], 'fr');
    expect(perfect.score).toBe(100);
    const half = scoreReading(a, ['frustration', 'anger'], [], 'en');
    // emotions F1 = 2/(2+1+1) = 0.5; needs F1 = 0 -> 25
    expect(half.score).toBe(25);
    expect(half.emotions).toEqual({ matched: ['frustration'], missed: ['anxiety'], extra: ['anger'] });
    expect(half.needs).toEqual({ matched: [], missed: ['speed'], extra: [] });
    expect(half.evidence).toContainEqual({ kind: 'need', label: 'speed', name: expect.any(String), evidence: 'au plus vite' });
    expect(scoreReading(analysis([], []), [], [], 'fr').score).toBe(100);
    expect(scoreReading(a, [], [], 'fr').score).toBe(0);
  });

  it('coaches the reply and sums up in French or English', () => {
    const src: DrillSource = {
      messageId: '7', channel: 'email', language: 'fr',
      text: "Trois semaines que j'attends mon remboursement, on me promet un virement à chaque appel et rien n'arrive. Je suis à bout.",
      analysis: analysis([['frustration', 'rien n\'arrive']], [['resolution', 'mon remboursement']]),
    };
    const attempt = parseDrillAttempt({ messageId: '7', participant: 'Ana', emotions: ['frustration', 'anger'], needs: ['resolution'], reply: 'Cordialement.' });
    const good = parseDrillAttempt({ ...attempt, reply: "Trois semaines d'attente pour votre remboursement, je comprends que vous soyez à bout. Je m'en occupe personnellement : je vérifie le virement aujourd'hui et je vous rappelle avant 17 h. Avez-vous reçu un numéro de dossier ?" });
    // emotions F1 = 2·1/(2·1 + 0 missed + 1 extra) = 2/3, needs F1 = 1: reading 83
    const fr = scoreDrillAttempt(src, attempt, model, 'fr');
    const better = scoreDrillAttempt(src, good, model, 'fr');
    expect(better.reply.score).toBeGreaterThan(fr.reply.score);
    expect(fr.reply.suggestions.length).toBeGreaterThan(0);
    expect(fr.summary).toMatch(/^Lecture : 83\/100\. Non relevé par l'analyse : Colère\. Réponse : \d+\/100/);
    const en = scoreDrillAttempt(src, attempt, model, 'en');
    expect(en.summary).toMatch(/^Reading: 83\/100\. Not found by the analysis: Anger\. Reply: \d+\/100/);
    expect(en.reading.evidence[0]).toMatchObject({ label: 'frustration', name: 'Frustration', evidence: "rien n'arrive" });
  });
});

describe('parseDrillAttempt', () => {
  const ok = { messageId: '7', participant: 'Ana', emotions: ['anger'], needs: ['speed'], reply: 'Je comprends.' };
  it('accepts a valid attempt, defaults the mode and drops repeated labels', () => {
    expect(parseDrillAttempt({ ...ok, emotions: ['anger', 'anger'], messageId: 7, team: ' Paris ' }))
      .toEqual({ messageId: '7', participant: 'Ana', team: 'Paris', mode: 'drill', emotions: ['anger'], needs: ['speed'], reply: 'Je comprends.' });
    expect(parseDrillAttempt({ ...ok, mode: 'hiring' }).mode).toBe('hiring');
  });
  it('refuses bad input with an error naming the field and the fix', () => {
    expect(() => parseDrillAttempt({ ...ok, emotions: ['rage'] })).toThrow(/Unknown emotion "rage".*anger, frustration/);
    expect(() => parseDrillAttempt({ ...ok, needs: ['money'] })).toThrow(/Unknown need "money"/);
    expect(() => parseDrillAttempt({ ...ok, reply: '   ' })).toThrow(/"reply" is empty/);
    expect(() => parseDrillAttempt({ ...ok, participant: undefined })).toThrow(/"participant" is missing/);
    expect(() => parseDrillAttempt({ ...ok, messageId: undefined })).toThrow(/GET \/api\/drills\/current/);
    expect(() => parseDrillAttempt({ ...ok, mode: 'rank' })).toThrow(/"drill" or "hiring"/);
    expect(() => parseDrillAttempt({ ...ok, emotions: 'anger' })).toThrow(/must be an array/);
    expect(() => parseDrillAttempt([])).toThrow(InputError);
  });
});

describe('progress', () => {
  const at = (week: string, participant: string, team: string | null, reading: number, reply: number, mode: 'drill' | 'hiring' = 'drill', day = 1): DrillAttempt => ({
    id: `${participant}-${week}`, week, messageId: '1', participant, team, mode, emotions: [], needs: [], reply: 'x',
    readingScore: reading, replyScore: reply, createdAt: new Date(Date.UTC(2026, 10, day)),
  });
  it('sums attempts and mean scores per team and participant over weeks, leaving hiring out', () => {
    const p = drillProgress([
      at('2026-W45', 'Ana', 'Paris', 50, 40), at('2026-W46', 'Ana', 'Paris', 70, 60), at('2026-W46', 'Bo', 'Paris', 90, 80),
      at('2026-W46', 'Cy', null, 10, 20), at('2026-W46', 'Candidate A', null, 100, 100, 'hiring'),
    ], 'no team');
    expect(p.attempts).toBe(4);
    expect(p.participants).toBe(3);
    expect(p.teams.map((t) => [t.name, t.attempts, t.participants, t.readingScore, t.replyScore])).toEqual([['no team', 1, 1, 10, 20], ['Paris', 3, 2, 70, 60]]);
    expect(p.teams[1].weeks).toEqual([{ week: '2026-W45', attempts: 1, readingScore: 50, replyScore: 40 }, { week: '2026-W46', attempts: 2, readingScore: 80, replyScore: 70 }]);
    expect(p.participantsList.map((x) => x.name)).toEqual(['Ana', 'Bo', 'Cy']);
    expect(recentParticipants([at('2026-W45', 'Ana', 'Paris', 1, 1, 'drill', 1), at('2026-W46', 'Bo', 'Paris', 1, 1, 'drill', 20), at('2026-W46', 'C', null, 1, 1, 'hiring', 20)], new Date(Date.UTC(2026, 10, 10)))).toBe(1);
  });
  it('has the hiring notice and the rubric in both languages', () => {
    expect(HIRING_NOTICE.fr).toMatch(/une personne décide.*annexe III, §4/);
    expect(HIRING_NOTICE.en).toMatch(/a person decides.*Annex III §4/);
    expect(DRILL_RUBRIC.fr).toHaveLength(DRILL_RUBRIC.en.length);
  });
});
