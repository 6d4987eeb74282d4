/**
 * The drill and its progress as terminal text, in French or English (`ecoute drill`). Pure.
 */
import type { Lang } from '../../core/lang.ts';
import type { DrillProgress } from './drill-progress.ts';
import type { DrillScenario } from './drill-types.ts';

/** This week's drill: the messages to read and what to do with each. */
export function renderDrill(week: string, scenarios: readonly DrillScenario[], lang: Lang): string {
  const fr = lang === 'fr';
  const out = [fr ? `Exercice d'empathie de la semaine ${week}` : `Empathy drill of week ${week}`, ''];
  if (scenarios.length === 0) {
    out.push(fr
      ? "Aucun message client analysé ne s'y prête encore : importez des messages (`ecoute ingest`), puis réessayez."
      : 'No analysed customer message fits yet: import messages (`ecoute ingest`), then try again.');
    return `${out.join('\n')}\n`;
  }
  out.push(fr
    ? 'Pour chaque message : quelles émotions ressent ce client, de quoi a-t-il besoin ? Écrivez la réponse que vous enverriez. Répondez dans le tableau de bord (Exercices) pour le retour.'
    : 'For each message: what does this customer feel, what do they need? Write the reply you would send. Answer in the dashboard (Drills) to get feedback.', '');
  scenarios.forEach((s, i) => {
    out.push(`${i + 1}. [${s.channel}${s.language ? `, ${s.language}` : ''}] (message ${s.messageId})`);
    for (const line of s.text.split('\n')) out.push(`   > ${line}`);
    out.push('');
  });
  return `${out.join('\n').trimEnd()}\n`;
}

/** Participation and mean scores per team and participant, in name order (never ranked). */
export function renderDrillProgress(p: DrillProgress, lang: Lang): string {
  const fr = lang === 'fr';
  const out = [fr ? `Exercices d'empathie : ${p.attempts} tentative(s), ${p.participants} participant(s)` : `Empathy drills: ${p.attempts} attempt(s), ${p.participants} participant(s)`];
  const table = (title: string, rows: DrillProgress['teams']) => {
    out.push('', title);
    if (rows.length === 0) out.push(fr ? '  (aucune)' : '  (none)');
    for (const r of rows) {
      const weeks = r.weeks.map((w) => `${w.week}: ${w.attempts}`).join(', ');
      out.push(`  ${r.name.padEnd(20)} ${fr ? 'tentatives' : 'attempts'} ${String(r.attempts).padStart(3)}  ${fr ? 'lecture' : 'reading'} ${String(r.readingScore).padStart(3)}  ${fr ? 'réponse' : 'reply'} ${String(r.replyScore).padStart(3)}  (${weeks})`);
    }
  };
  table(fr ? 'Par équipe' : 'By team', p.teams);
  table(fr ? 'Par participant' : 'By participant', p.participantsList);
  return `${out.join('\n')}\n`;
}
