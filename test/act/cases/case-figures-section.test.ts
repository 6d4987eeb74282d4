import { describe, expect, it } from 'vitest';
import { caseFigures } from '../../../src/act/cases/case-figures.ts';
import { caseFiguresSection, caseFiguresText } from '../../../src/act/cases/case-figures-section.ts';
import { aCase, HOUR, T } from './case-fixtures.ts';

const at = (h: number) => new Date(T.getTime() + h * HOUR);
const cases = [1, 2, 3].map((h) => aCase({
  id: `c${h}`, team: 'Paris', status: 'closed', firstResponseAt: at(h), resolvedAt: at(h * 24), closedAt: at(h * 24), dueAt: at(48),
}));
const figures = caseFigures({ cases, rootCauses: [], facts: [], now: at(200) });

describe('Act section of the report', () => {
  it('says it in French: medians in hours or days with n, shares, a team table', () => {
    const s = caseFiguresSection(figures, 'fr');
    expect(s.title).toBe('Agir : boucler la boucle');
    expect(s.paragraphs[0]).toBe('3 dossiers (0 ouverts). Première réponse en 2 h (n=3), clôture en 2 j (n=3) (médianes) ; 33 % (n=3) en retard ; 0 % (n=3) rouverts.');
    expect(s.tables[0].rows).toEqual([['Paris', '3', '2 h (n=3)', '2 j (n=3)', '33 % (n=3)', '0 % (n=3)', '—']]);
  });

  it('and in English, with the terminal text built from the same section', () => {
    const text = caseFiguresText(figures, 'en');
    expect(text).toContain('3 cases (0 open). First response in 2 h (n=3), closed in 2 d (n=3) (medians); 33% (n=3) overdue; 0% (n=3) reopened.');
    expect(text).toContain('Team | Cases | First response');
  });

  it('invites to open a case when there is none', () => {
    const empty = caseFiguresSection(caseFigures({ cases: [], rootCauses: [], facts: [], now: T }), 'en');
    expect(empty.paragraphs).toEqual(['No cases yet: open one from an alert or from a message in the listening station.']);
    expect(empty.tables).toEqual([]);
  });
});
