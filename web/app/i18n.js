/**
 * UI strings in French and English. Label names (emotions, needs, themes, stages...) are not duplicated
 * here: they come from the server (GET /api/i18n), which serves the insights module's own names.
 */
import { getJson } from './api.js';

export const STRINGS = {
  fr: {
    skip: 'Aller au contenu', colon: ' : ',
    tagline: 'Ce que vivent vos clients, et quoi améliorer d’abord',
    language: 'Langue',
    nav_overview: 'Vue d’ensemble', nav_journey: 'Parcours', nav_themes: 'Thèmes et leviers', nav_personas: 'Personas',
    nav_risk: 'Clients à risque', nav_competitors: 'Concurrents', nav_listen: 'Écoute client', nav_customer: 'À leur place',
    loading: 'Chargement…', error: 'Impossible de charger ces données : {message}', empty: 'Aucune donnée pour l’instant.',
    overview_title: 'Vue d’ensemble',
    overview_lead: '{customers} messages clients analysés du {from} au {to}.',
    fix_first: 'À corriger en premier',
    fix_first_help: 'Les facteurs qui rendent le plus de clients mécontents (détracteurs NPS ou CSAT faible), classés par impact : fréquence × écart de taux de mécontentement.',
    fix_first_none: 'Pas encore assez de réponses aux enquêtes reliées aux messages pour classer les leviers.',
    impact: 'Impact', unhappy_line: 'Mécontents quand il est présent : {with} · sinon : {without} · {n} conversations concernées', conversations: 'conversations',
    see_verbatims: 'Voir les verbatims', see_journey: 'Voir le parcours complet →',
    scores: 'Scores', nps: 'NPS', csat: 'CSAT', ces: 'CES (effort)', responses: '{n} réponses', ci: 'IC 95 % : {low} à {high}',
    no_responses: 'Aucune réponse', vs_last_week: '{delta} vs semaine précédente',
    weekly_trend: 'Tendance hebdomadaire', trend_nps: 'NPS par semaine', trend_messages: 'Messages par semaine',
    journey_strip: 'Émotion dominante par étape', top_pains: 'Principales douleurs', spikes: 'Pics inhabituels',
    spikes_none: 'Aucun pic inhabituel détecté.', spike_line: '{count} en {week} (habituel ≈ {baseline}, ×{ratio})',
    negative_share: 'Part négative', messages: 'Messages', share: 'Part', trend: 'Tendance',
    journey_title: 'Carte émotionnelle du parcours',
    journey_lead: 'Pour chaque étape : ce que ressentent les clients (part des messages), pourquoi, et l’écart à l’émotion visée.',
    stage: 'Étape', emotions_by_stage: 'Émotions par étape (part des messages ; cliquez pour lire les verbatims)', dominant: 'Émotion dominante', top_reasons: 'Raisons principales', desired: 'Émotion visée', gap: 'Écart',
    status_met: 'Atteint', status_gap: 'Écart', status_no_target: 'Pas de cible', status_no_data: 'Pas de données',
    unstaged: '{n} messages sans étape identifiée.', heatmap_cell: '{stage}, {emotion} : {share} des messages',
    themes_title: 'Thèmes et leviers', themes_lead: 'De quoi parlent les clients, ce qui pèse sur la satisfaction, et les sujets émergents.',
    theme: 'Thème', factor: 'Facteur', theme_volumes: 'Volumes par thème', ci_short: 'IC 95 %', change: 'Évolution', verbatims: 'Verbatims', drivers: 'Leviers d’insatisfaction',
    drivers_detractors: 'Ce qui crée des détracteurs NPS (0–6)', drivers_low_csat: 'Ce qui fait baisser le CSAT (1–3)',
    driver_help: 'Écart de taux de mécontentement avec/sans le facteur, avec intervalle de confiance à 95 %. En gras : significatif.',
    base_rate: 'Taux de base : {rate} sur {n} conversations', difference: 'Écart', odds_ratio: 'Rapport de cotes',
    discovered: 'Thèmes découverts', discovered_help: 'Regroupements de vocabulaire trouvés automatiquement, hors taxonomie.',
    personas_title: 'Personas', personas_lead: 'Groupes de clients construits à partir de leurs besoins et émotions réels.',
    goals: 'Ce qu’ils veulent', frustrations: 'Ce qui les frustre', quotes: 'Ils le disent', size: '{n} clients ({share})',
    risk_title: 'Clients à risque', risk_lead: 'Clients au score de risque ≥ {threshold} : à rappeler en priorité.',
    value_at_risk: 'Valeur à risque', customers_at_risk: 'Clients à risque', customer: 'Client', segment: 'Segment',
    score: 'Score', reasons: 'Raisons', value: 'Valeur', last_contact: 'Dernier contact', open_history: 'Se mettre à sa place',
    competitors_title: 'Concurrents', competitors_lead: 'Chaque marque côte à côte : notes, sentiment, thèmes et émotions.',
    stars: 'Note moyenne', sentiment: 'Sentiment', top_themes: 'Thèmes principaux', top_emotions: 'Émotions principales',
    own_brand: 'Notre marque',
    listen_title: 'Écoute client', listen_lead: 'Le flux des verbatims clients, les émotions, besoins et raisons surlignés dans le texte.',
    filters: 'Filtres', all: 'Tous', search: 'Rechercher', apply: 'Filtrer', reset: 'Réinitialiser',
    channel: 'Canal', emotion: 'Émotion', need: 'Besoin', results: '{n} messages', load_more: 'Charger plus',
    legend: 'Légende', legend_emotion: 'émotion', legend_need: 'besoin', legend_reason: 'raison', reason: 'Raison',
    customer_title: 'À la place de {name}', customer_lead: 'Tout l’historique, dans l’ordre, tous canaux confondus.',
    agent: 'Conseiller', system: 'Système', customer_role: 'Client', risk_score: 'Score de risque {score}',
    back_to_risk: '← Clients à risque', not_found: 'Page introuvable.', churn: 'Intention de départ', urgency_high: 'Urgent',
  },
  en: {
    skip: 'Skip to content', colon: ': ',
    tagline: 'What your customers go through, and what to fix first',
    language: 'Language',
    nav_overview: 'Overview', nav_journey: 'Journey', nav_themes: 'Themes & drivers', nav_personas: 'Personas',
    nav_risk: 'Customers at risk', nav_competitors: 'Competitors', nav_listen: 'Listening station', nav_customer: 'In their shoes',
    loading: 'Loading…', error: 'Could not load this data: {message}', empty: 'No data yet.',
    overview_title: 'Overview',
    overview_lead: '{customers} customer messages analysed from {from} to {to}.',
    fix_first: 'What to fix first',
    fix_first_help: 'The factors that make the most customers unhappy (NPS detractors or low CSAT), ranked by impact: how common × how much worse.',
    fix_first_none: 'Not enough survey answers linked to messages yet to rank drivers.',
    impact: 'Impact', unhappy_line: 'Unhappy when present: {with} · otherwise: {without} · {n} conversations affected', conversations: 'conversations',
    see_verbatims: 'See verbatims', see_journey: 'See the whole journey →',
    scores: 'Scores', nps: 'NPS', csat: 'CSAT', ces: 'CES (effort)', responses: '{n} responses', ci: '95% CI: {low} to {high}',
    no_responses: 'No responses', vs_last_week: '{delta} vs previous week',
    weekly_trend: 'Weekly trend', trend_nps: 'NPS by week', trend_messages: 'Messages by week',
    journey_strip: 'Dominant emotion per stage', top_pains: 'Top pains', spikes: 'Unusual spikes',
    spikes_none: 'No unusual spike detected.', spike_line: '{count} in {week} (usual ≈ {baseline}, ×{ratio})',
    negative_share: 'Negative share', messages: 'Messages', share: 'Share', trend: 'Trend',
    journey_title: 'Journey emotion map',
    journey_lead: 'For each stage: what customers feel (share of messages), why, and the gap to the emotion you aim for.',
    stage: 'Stage', emotions_by_stage: 'Emotions by stage (share of messages; click to read the verbatims)', dominant: 'Dominant emotion', top_reasons: 'Top reasons', desired: 'Desired emotion', gap: 'Gap',
    status_met: 'Met', status_gap: 'Gap', status_no_target: 'No target', status_no_data: 'No data',
    unstaged: '{n} messages with no identified stage.', heatmap_cell: '{stage}, {emotion}: {share} of messages',
    themes_title: 'Themes & drivers', themes_lead: 'What customers talk about, what drags satisfaction down, and emerging topics.',
    theme: 'Theme', factor: 'Factor', theme_volumes: 'Theme volumes', ci_short: '95% CI', change: 'Change', verbatims: 'Verbatims', drivers: 'Drivers of dissatisfaction',
    drivers_detractors: 'What creates NPS detractors (0–6)', drivers_low_csat: 'What drives low CSAT (1–3)',
    driver_help: 'Difference in unhappy rate with/without the factor, with a 95% confidence interval. Bold: significant.',
    base_rate: 'Base rate: {rate} over {n} conversations', difference: 'Difference', odds_ratio: 'Odds ratio',
    discovered: 'Discovered themes', discovered_help: 'Vocabulary clusters found automatically, outside the taxonomy.',
    personas_title: 'Personas', personas_lead: 'Customer groups built from their actual needs and emotions.',
    goals: 'What they want', frustrations: 'What frustrates them', quotes: 'In their words', size: '{n} customers ({share})',
    risk_title: 'Customers at risk', risk_lead: 'Customers with a risk score ≥ {threshold}: call them back first.',
    value_at_risk: 'Value at risk', customers_at_risk: 'Customers at risk', customer: 'Customer', segment: 'Segment',
    score: 'Score', reasons: 'Reasons', value: 'Value', last_contact: 'Last contact', open_history: 'Walk in their shoes',
    competitors_title: 'Competitors', competitors_lead: 'Every brand side by side: ratings, sentiment, themes and emotions.',
    stars: 'Average rating', sentiment: 'Sentiment', top_themes: 'Top themes', top_emotions: 'Top emotions',
    own_brand: 'Our brand',
    listen_title: 'Listening station', listen_lead: 'The stream of customer verbatims, with emotions, needs and reasons highlighted in the text.',
    filters: 'Filters', all: 'All', search: 'Search', apply: 'Filter', reset: 'Reset',
    channel: 'Channel', emotion: 'Emotion', need: 'Need', results: '{n} messages', load_more: 'Load more',
    legend: 'Legend', legend_emotion: 'emotion', legend_need: 'need', legend_reason: 'reason', reason: 'Reason',
    customer_title: 'In the shoes of {name}', customer_lead: 'The whole history, in order, across every channel.',
    agent: 'Agent', system: 'System', customer_role: 'Customer', risk_score: 'Risk score {score}',
    back_to_risk: '← Customers at risk', not_found: 'Page not found.', churn: 'Churn intent', urgency_high: 'Urgent',
  },
};

const STORAGE_KEY = 'ecoute.lang';
let lang = detectLanguage();
/** {emotions: {anger: {fr, en}}, needs: {...}, themes, stages, channels, sentiments, urgencies} */
let labels = {};

/** Saved choice first, then the browser language (French for fr-*), English otherwise. */
export function detectLanguage() {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'fr' || saved === 'en') return saved;
  } catch { /* storage disabled: fall through */ }
  const nav = (navigator.language || 'fr').toLowerCase();
  return nav.startsWith('fr') ? 'fr' : nav.startsWith('en') ? 'en' : 'fr';
}

export function getLang() {
  return lang;
}

/** Switches language and remembers the choice. */
export function setLang(next) {
  lang = next === 'en' ? 'en' : 'fr';
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch { /* storage disabled: the choice lasts for this page */ }
  document.documentElement.lang = lang;
}

/** Loads label names from the server once. */
export async function loadLabels() {
  labels = await getJson('/api/i18n');
}

/** A UI string with {placeholders} filled. */
export function t(key, vars = {}) {
  const s = STRINGS[lang][key] ?? STRINGS.fr[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => (vars[k] === undefined ? `{${k}}` : String(vars[k])));
}

/** The name of a label code (kind: emotion, need, theme, stage, channel...) in the current language. */
export function label(kind, code) {
  if (code === null || code === undefined) return '—';
  const group = labels[kind] ?? labels[`${kind}s`];
  const pair = group?.[code];
  return pair ? pair[lang] ?? pair.fr : String(code).replace(/_/g, ' ');
}

/** A {fr, en} pair in the current language. */
export function loc(pair) {
  if (!pair) return '—';
  return pair[lang] ?? pair.fr ?? pair.en ?? '—';
}

/** Number formatting in the current language. */
export function num(value, digits = 0) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
}

/** A 0..1 share as a percentage. */
export function pct(share, digits = 0) {
  if (share === null || share === undefined) return '—';
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent', maximumFractionDigits: digits }).format(share);
}

/** Money in euros (workspace currency). */
export function money(value) {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(value);
}

/** A date (ISO string) in the current language. */
export function date(iso, withTime = false) {
  if (!iso) return '—';
  const d = new Date(iso);
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }).format(d);
}

/** The codes of a label kind, in the contract's order (for filter menus). */
export function labelCodes(kind) {
  return Object.keys(labels[kind] ?? labels[`${kind}s`] ?? {});
}
