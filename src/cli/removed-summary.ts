import type { RemovedCounts } from '../store/delete-rows.ts';

const NAMES: [keyof RemovedCounts, string, string][] = [
  ['conversations', 'conversation', 'conversations'],
  ['messages', 'message', 'messages'],
  ['analyses', 'analysis', 'analyses'],
  ['surveyAnswers', 'survey answer', 'survey answers'],
  ['employeeAnswers', 'employee answer', 'employee answers'],
  ['customers', 'customer', 'customers'],
  ['cases', 'case', 'cases'],
  ['alerts', 'alert', 'alerts'],
];

/**
 * "3 conversations, 12 messages, 5 analyses, 1 survey answer, 1 customer": the non-zero counts of a
 * deletion in words, or "nothing" when every count is zero.
 */
export function removedSummary(r: RemovedCounts): string {
  const parts = NAMES.filter(([k]) => r[k] > 0).map(([k, one, many]) => `${r[k]} ${r[k] === 1 ? one : many}`);
  return parts.length ? parts.join(', ') : 'nothing';
}
