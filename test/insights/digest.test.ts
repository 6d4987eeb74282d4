import { describe, expect, it } from 'vitest';
import { computeInsights } from '../../src/insights/compute-insights.ts';
import { buildDigest, digestWindow } from '../../src/insights/digest.ts';
import { renderDigestHtml, renderDigestMarkdown, renderDigestText } from '../../src/insights/render/digest-render.ts';
import { dayAt, message, survey } from './fixtures.ts';

// Monday 2026-11-16 08:00 UTC: the weekly digest covers 2026-W46 (Mon 9 – Sun 15 Nov), compared with W45.
const NOW = new Date('2026-11-16T08:00:00Z');

function facts() {
  const messages = [];
  // W45: two delay complaints. W46: four delay complaints, one billing complaint, one compliment.
  for (let i = 0; i < 2; i++) messages.push(message({ at: dayAt(i), a: { sentiment: 'negative', themes: ['delay'] } }));
  for (let i = 0; i < 4; i++) {
    messages.push(message({
      at: dayAt(7 + i), customerName: i === 0 ? 'Inès' : null,
      text: i === 0 ? 'Trois semaines que j’attends mon canapé, et chaque appel me renvoie vers un autre service.' : `Retard de livraison, commande ${i}.`,
      a: { sentiment: 'negative', themes: ['delay'], emotions: ['frustration'] },
    }));
  }
  messages.push(message({ at: dayAt(9), a: { sentiment: 'negative', themes: ['billing'] }, text: 'Facture en double ce mois-ci, merci de corriger.' }));
  messages.push(message({ at: dayAt(10), customerName: 'Marc', text: 'Un grand merci à Sophie du service client, elle a tout réglé avec le sourire.', a: { sentiment: 'positive', score: 0.9, emotions: ['gratitude'] } }));
  messages.push(message({ at: dayAt(11), customerId: 'risky', customerRef: 'R-1', customerValue: 900, a: { sentiment: 'negative', churn: true, themes: ['unresolved'] } }));
  messages.sort((a, b) => a.at.getTime() - b.at.getTime());
  // NPS W45: 10, 0 → 0; W46: 10, 10, 9, 3 → (3−1)/4 = 50 → move +50
  const surveys = [
    survey('nps', 10, { at: dayAt(1) }), survey('nps', 0, { at: dayAt(2) }),
    survey('nps', 10, { at: dayAt(8) }), survey('nps', 10, { at: dayAt(8) }), survey('nps', 9, { at: dayAt(9) }), survey('nps', 3, { at: dayAt(9) }),
  ];
  return { messages, surveys };
}

describe('digest', () => {
  const { messages, surveys } = facts();
  const insights = computeInsights({ messages, surveys, employees: [], settings: { language: 'fr', desiredEmotions: {} }, now: NOW });
  const digest = buildDigest(insights, { period: 'week', now: NOW });

  it('covers the week holding yesterday, with moves against the week before', () => {
    const w = digestWindow('week', NOW);
    expect(w.current).toEqual({ from: new Date('2026-11-09T00:00:00Z'), to: new Date('2026-11-16T00:00:00Z'), label: '2026-W46' });
    expect(digestWindow('day', NOW).current.label).toBe('2026-11-15');
    expect(digest.label).toBe('2026-W46');
    expect(digest.scores.nps).toEqual({ current: 50, previous: 0, delta: 50 });
    expect(digest.scores.messages).toEqual({ current: 7, previous: 2, delta: 5 });
  });

  it('covers the latest complete period with data when the one just ended has none, and says so', () => {
    const later = new Date('2027-01-04T08:00:00Z');
    const latest = dayAt(11);
    expect(digestWindow('week', later)).toMatchObject({ current: { label: '2026-W53' }, latestWithData: false });
    const w = digestWindow('week', later, latest);
    expect(w).toMatchObject({ current: { label: '2026-W46', from: new Date('2026-11-09T00:00:00Z') }, previous: { from: new Date('2026-11-02T00:00:00Z') }, latestWithData: true });
    expect(digestWindow('day', later, latest)).toMatchObject({ current: { label: '2026-11-13' }, latestWithData: true });
    // Data inside the period just ended: that period, no note.
    expect(digestWindow('week', NOW, dayAt(12)).latestWithData).toBe(false);
    const old = buildDigest(insights, { period: 'week', now: later, latest });
    expect(old.label).toBe('2026-W46');
    expect(old.scores.nps).toEqual(digest.scores.nps);
    expect(old.latestWithData).toBe(true);
    expect(renderDigestMarkdown(old)).toContain('(dernière semaine complète avec des données : rien depuis)');
    expect(renderDigestMarkdown(old, 'en')).toContain('(latest complete week with data: nothing since)');
    expect(renderDigestMarkdown(digest)).not.toContain('rien depuis');
  });

  it('lists the top pains with a real story, a compliment and the customers at risk', () => {
    // W46 counts (W45 in brackets): delay 4 (2), billing 1 (0), unresolved 1 (0)
    expect(digest.topPains.map((p) => [p.theme, p.count, p.change.delta])).toEqual([['delay', 4, 2], ['billing', 1, 1], ['unresolved', 1, 1]]);
    expect(digest.topPains[0].story?.text).toContain('canapé');
    expect(digest.compliment?.text).toContain('Sophie');
    expect(digest.atRisk.customers.map((c) => c.customerRef)).toEqual(['R-1']);
  });

  it('renders French Markdown, Slack/Teams text and HTML', () => {
    const md = renderDigestMarkdown(digest);
    expect(md).toContain('# Votre écoute client de la semaine');
    expect(md).toContain('NPS : 50 (+50 vs période précédente)');
    expect(md).toContain('1. Retard — 4 mentions (+2)');
    expect(md).toContain('> « Trois semaines que j’attends mon canapé');
    expect(md).toContain('Un compliment à partager');
    // churn intent 40 + unresolved 15 = 55 (one message is too few for a "mostly negative" mood)
    expect(md).toContain('R-1 (55/100)');
    expect(md).toMatch(/Valeur à risque : [\d ]+ €/);
    expect(md).toContain('2. Facturation — 1 mention (+1)');
    const text = renderDigestText(digest);
    expect(text.startsWith('*Votre écoute client de la semaine*')).toBe(true);
    expect(text).toContain('• NPS : 50');
    const html = renderDigestHtml(digest, 'en');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Top three pains');
    expect(html).toContain('Talks about leaving');
  });
});
