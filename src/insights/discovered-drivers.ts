import type { SurveyFact } from '../core/facts.ts';
import { computeDrivers, type ConversationFactors } from './key-drivers.ts';
import type { DiscoveredTheme, Driver, DriverReport } from './types.ts';

/**
 * A discovered theme found in at least this share of conversations that also carry one built-in
 * theme is that theme in other words ("frais de port" inside `price`): ranking both would count the
 * same unhappy conversations twice, so it is marked `sameAs` and left out of "what to fix first".
 */
export const SAME_AS_SHARE = 0.8;

/** The built-in theme most of `conversations` carry, when at least SAME_AS_SHARE of them do; else null. */
function knownThemeOf(conversations: ReadonlySet<string>, knownFactors: ConversationFactors): string | null {
  if (conversations.size === 0) return null;
  const counts = new Map<string, number>();
  for (const id of conversations) {
    for (const f of knownFactors.get(id) ?? []) if (f.startsWith('theme:')) counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  let best: [string, number] | null = null;
  for (const entry of counts) if (!best || entry[1] > best[1] || (entry[1] === best[1] && entry[0] < best[0])) best = entry;
  return best && best[1] / conversations.size >= SAME_AS_SHARE ? best[0].slice('theme:'.length) : null;
}

/**
 * The factors discovered-theme drivers are ranked on: each surveyed conversation of `factors` with its
 * emotions only (built-in causes are ranked by the main report already) and `discovered:i` for each
 * discovered theme i it holds (`members`: theme id → conversation ids). The same for both reports.
 */
export function discoveredFactors(
  themes: readonly DiscoveredTheme[], members: ReadonlyMap<string, ReadonlySet<string>>, factors: ConversationFactors,
): ConversationFactors {
  const augmented: ConversationFactors = new Map();
  if (themes.length === 0) return augmented;
  for (const [id, fs] of factors) {
    const emotions = new Set<string>();
    for (const f of fs) if (f.startsWith('emotion:')) emotions.add(f);
    augmented.set(id, emotions);
  }
  themes.forEach((t, i) => {
    for (const id of members.get(t.id) ?? []) augmented.get(id)?.add(`discovered:${i}`);
  });
  return augmented;
}

/**
 * Key drivers of the discovered themes, on the same outcome, population and scale as the built-in
 * causes: the conversations of `factors` (surveyed, analysed), each with its emotions and the
 * discovered themes it holds (`members`: theme id → conversation ids), go through the same
 * computeDrivers, so impact = prevalence × risk difference is comparable and each cause carries the
 * emotions its conversations hold. `knownFactors` (factors of the themes' conversations, surveyed or
 * not) decides `sameAs`. Drivers come out ranked by impact, labelled with the theme id, named with
 * its phrase (in the customers' language). `augmented` is discoveredFactors' (a caller making both
 * reports builds it once).
 */
export function discoveredDrivers(
  themes: readonly DiscoveredTheme[],
  members: ReadonlyMap<string, ReadonlySet<string>>,
  factors: ConversationFactors,
  knownFactors: ConversationFactors,
  surveys: readonly SurveyFact[],
  outcome: DriverReport['outcome'],
  minWith = 3,
  augmented: ConversationFactors = discoveredFactors(themes, members, factors),
): Driver[] {
  if (themes.length === 0) return [];
  return computeDrivers(augmented, surveys, outcome, minWith).drivers
    .filter((d) => d.kind === 'discovered')
    .map((d) => {
      const t = themes[Number(d.label)];
      return {
        ...d, label: t.id, name: { fr: t.label, en: t.label }, terms: t.terms,
        sameAs: knownThemeOf(members.get(t.id) ?? new Set(), knownFactors),
      };
    });
}
