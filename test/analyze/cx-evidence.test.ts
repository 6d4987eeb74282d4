/**
 * Regression tests for the CX layer's robustness to sentiment errors, its evidence spans and its
 * reason clauses. Sentences written for these tests (none from the gold set or the airline data).
 */
import { describe, expect, it } from 'vitest';
import type { CxResult } from '../../src/analyze/cx/analyze-cx.ts';
import { cx, themesOf } from './cx-helpers.ts';

const SENTENCES: Array<[string, 'fr' | 'en']> = [
  ['I was on hold for 2 hours and nobody answered.', 'en'],
  ['Super, 3e semaine sans internet.', 'fr'],
  ['My train was cancelled and now I have to wait until tomorrow morning.', 'en'],
  ['The meal was awful and the seat would not recline.', 'en'],
  ['Le livreur a laissé mon colis sous la pluie, carton trempé et vase cassé.', 'fr'],
  ["J'attends mon remboursement depuis trois semaines, pouvez-vous vérifier ?", 'fr'],
  ['Why was I charged twice for the same booking?', 'en'],
  ['Impossible de me connecter à mon espace client depuis hier soir.', 'fr'],
  ['Could you tell me when the new timetable starts?', 'en'],
  ['Ma valise est restée à Lyon et personne ne répond au téléphone.', 'fr'],
];
const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;

function findings(r: CxResult) {
  return [...r.needs, ...r.themes, ...(r.stage ? [r.stage] : [])];
}

describe('evidence spans', () => {
  it.each(SENTENCES)('every need, theme and stage of "%s" has a verbatim, non-empty span', (text, lang) => {
    for (const s of SENTIMENTS) {
      for (const f of findings(cx(text, lang, s))) {
        expect(f.evidence, `${f.label} (${s})`).not.toBeNull();
        expect(f.evidence!.trim().length).toBeGreaterThan(0);
        expect(text).toContain(f.evidence!);
      }
    }
  });

  it('gives derived needs the evidence of what they derive from', () => {
    // "resolution" here comes from the technical theme, not from a need cue.
    const r = cx('The app crashes every time I open my statements.', 'en', 'negative', ['frustration']);
    const resolution = r.needs.find((n) => n.label === 'resolution');
    expect(resolution).toBeDefined();
    expect(resolution!.evidence).not.toBeNull();
    expect(r.themes.map((t) => t.evidence)).toContain(resolution!.evidence);
  });

  it('grows fragments into phrases a person would point at', () => {
    const hold = cx('I was on hold for 2 hours and nobody answered.', 'en').themes.find((t) => t.label === 'wait_time');
    expect(hold?.evidence).toBe('on hold for 2 hours');
    const sans = cx('Super, 3e semaine sans internet.', 'fr').themes.find((t) => t.label === 'unresolved');
    expect(sans?.evidence).toBe('3e semaine sans internet');
  });
});

describe('reason clauses', () => {
  it('stops at the clause boundary instead of cutting a phrase', () => {
    const r = cx('My train was cancelled and now I have to wait until tomorrow morning.', 'en', 'negative', ['frustration']);
    expect(r.reason).toBe('My train was cancelled');
  });

  it('never ends on a grammatical word or an apostrophe', () => {
    for (const [text, lang] of SENTENCES) {
      const r = cx(text, lang, 'negative', ['frustration']).reason;
      if (r === null) continue;
      expect(text).toContain(r);
      expect(r, text).not.toMatch(/(\s(the|a|to|of|and|I|have|de|le|la|et|à)|['’])$/i);
    }
  });
});

describe('themes do not hinge on the sentiment label', () => {
  const FACTUAL: Array<[string, 'fr' | 'en', string]> = [
    ['Our flight to Oslo got delayed by three hours.', 'en', 'delay'],
    ['They cancelled my appointment the day before.', 'en', 'cancellation'],
    ['My suitcase never showed up at the carousel.', 'en', 'lost_or_damaged'],
    ["45 minutes d'attente au téléphone avant de parler à quelqu'un.", 'fr', 'wait_time'],
    ['On m’a facturé deux fois le même mois.', 'fr', 'billing'],
    ["L'appli plante dès que j'ouvre mes relevés.", 'fr', 'technical'],
  ];
  it.each(FACTUAL)('"%s" -> %s with neutral or positive sentiment', (text, lang, theme) => {
    expect(themesOf(cx(text, lang, 'neutral', []))).toContain(theme);
    expect(themesOf(cx(text, lang, 'positive', ['joy']))).toContain(theme);
  });

  it('uses weak cues in a complaint the model read as neutral or positive, not in praise', () => {
    // Neither sentence has an explicit problem phrase: the pain point is named by a weak cue.
    expect(themesOf(cx('Two hours at the airport and still no plane.', 'en', 'neutral', []))).toContain('delay');
    expect(themesOf(cx('That flight attendant on my trip yesterday, seriously.', 'en', 'positive', ['joy']))).toContain('staff_attitude');
    expect(themesOf(cx('Thanks for getting my bag back so fast!', 'en', 'positive', ['gratitude']))).not.toContain('lost_or_damaged');
  });

  it('reads "can\'t" / "je n\'arrive pas à" as a failure, not as a negated problem', () => {
    expect(themesOf(cx("I couldn't rebook my flight on your site.", 'en', 'neutral', []))).toContain('booking');
    expect(themesOf(cx("The flight wasn't delayed at all.", 'en', 'neutral', []))).not.toContain('delay');
  });
});
