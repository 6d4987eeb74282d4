import type { Lang } from '../../core/lang.ts';

/** Headings and phrases of the reports and digests, written in French and in English (not translated word for word). */
const STRINGS = {
  fr: {
    reportTitle: "Rapport d'écoute client",
    generated: 'Généré le', period: 'Période', allData: 'toutes les données',
    overview: "Vue d'ensemble", score: 'Indicateur', value: 'Valeur', ci95: 'IC 95 %', responses: 'Réponses', weekChange: 'vs semaine précédente',
    nps: 'NPS', csat: 'CSAT', ces: 'CES (effort, 1–7)', messages: 'Messages', customerMessages: 'Messages clients',
    conversations: 'Conversations', customers: 'Clients', negativeShare: 'Part négative',
    byWeek: 'Par semaine', byChannel: 'Par canal', bySegment: 'Par segment', byTeam: 'Par équipe', byBrand: 'Par marque', week: 'Semaine',
    channel: 'Canal', segment: 'Segment', team: 'Équipe', brand: 'Marque',
    journey: 'Carte émotionnelle du parcours', stage: 'Étape', dominant: 'Émotion dominante', desired: 'Émotion visée', gap: 'Écart',
    topReasons: 'Raisons principales', unstaged: 'messages sans étape identifiée', met: 'atteinte', gapStatus: 'à travailler', noTarget: '—', noData: 'pas de données',
    journeyNote: 'Part des messages de chaque étape qui expriment chaque émotion (un message peut en exprimer plusieurs).',
    themes: 'Thèmes', theme: 'Thème', share: 'Part', trend: 'Tendance', verbatim: 'Verbatim',
    drivers: 'Ce qui fait les détracteurs et les clients insatisfaits', driverNote: 'Pas seulement des volumes : écart de taux de détracteurs (ou de CSAT 1–3) entre conversations avec et sans le facteur, intervalle à 95 %, classé par impact (fréquence × écart).',
    factor: 'Facteur', rateWith: 'Avec', rateWithout: 'Sans', difference: 'Écart', oddsRatio: 'Rapport de cotes', impact: 'Impact',
    detractors: 'Détracteurs (NPS 0–6)', lowCsat: 'CSAT 1–3', surveyed: 'conversations notées', baseRate: 'taux de base',
    discovered: 'Thèmes émergents (hors taxonomie)', phrases: 'Expressions', language: 'Langue',
    personas: 'Personas', size: 'Taille', goals: 'Attentes', frustrations: 'Frustrations', quote: 'Citation',
    atRisk: 'Clients à risque', riskScore: 'Score de risque', reasons: 'Raisons', valueAtRisk: 'Valeur à risque', customer: 'Client', lastContact: 'Dernier contact', customerValue: 'Valeur',
    atRiskNote: 'clients au-dessus du seuil de', competitors: 'Comparaison des marques', stars: 'Étoiles (avis)', positive: 'Positif', negative: 'Négatif', topThemes: 'Thèmes principaux', topEmotions: 'Émotions principales',
    spikes: 'Pics inhabituels', count: 'Nombre', baseline: 'Niveau habituel', severity: 'Gravité', high: 'forte', medium: 'moyenne', example: 'Exemple',
    exCx: 'Lien expérience collaborateur – expérience client', enps: 'eNPS', engagement: 'Engagement (1–5)', correlation: 'Corrélation',
    exCxNote: 'Corrélations entre équipes ; avec peu d’équipes (n faible) elles restent indicatives. Un NPS relationnel (sans équipe) compte pour l’équipe du dernier contact du client dans les 90 jours précédents.', none: 'Rien à signaler.', nAbbr: 'n',
    theme_kind: 'thème', emotion_kind: 'émotion',
    digestTitle: { day: 'Votre écoute client du jour', week: 'Votre écoute client de la semaine' },
    latestWithData: { day: 'dernier jour complet avec des données : rien depuis', week: 'dernière semaine complète avec des données : rien depuis' },
    moves: 'Les chiffres et leurs mouvements', topPains: 'Les trois irritants principaux', story: 'Ce que vit un client',
    compliment: 'Un compliment à partager', noCompliment: 'Pas de compliment cette période.', customersAtRisk: 'Clients à rappeler',
    vsPrevious: 'vs période précédente', mention: 'mention', mentions: 'mentions', openReport: 'Rapport complet : ecoute report',
  },
  en: {
    reportTitle: 'Customer listening report',
    generated: 'Generated on', period: 'Period', allData: 'all data',
    overview: 'Overview', score: 'Measure', value: 'Value', ci95: '95% CI', responses: 'Responses', weekChange: 'Week-over-week',
    nps: 'NPS', csat: 'CSAT', ces: 'CES (effort, 1–7)', messages: 'Messages', customerMessages: 'Customer messages',
    conversations: 'Conversations', customers: 'Customers', negativeShare: 'Negative share',
    byWeek: 'By week', byChannel: 'By channel', bySegment: 'By segment', byTeam: 'By team', byBrand: 'By brand', week: 'Week',
    channel: 'Channel', segment: 'Segment', team: 'Team', brand: 'Brand',
    journey: 'Journey emotion map', stage: 'Stage', dominant: 'Dominant emotion', desired: 'Target emotion', gap: 'Gap',
    topReasons: 'Top reasons', unstaged: 'messages without an identified stage', met: 'met', gapStatus: 'to work on', noTarget: '—', noData: 'no data',
    journeyNote: "Share of each stage's messages expressing each emotion (a message may express several).",
    themes: 'Themes', theme: 'Theme', share: 'Share', trend: 'Trend', verbatim: 'Verbatim',
    drivers: 'What drives detractors and dissatisfied customers', driverNote: 'Not only counts: difference in detractor (or CSAT 1–3) rate between conversations with and without the factor, 95% interval, ranked by impact (prevalence × difference).',
    factor: 'Factor', rateWith: 'With', rateWithout: 'Without', difference: 'Difference', oddsRatio: 'Odds ratio', impact: 'Impact',
    detractors: 'Detractors (NPS 0–6)', lowCsat: 'CSAT 1–3', surveyed: 'surveyed conversations', baseRate: 'base rate',
    discovered: 'Emerging themes (beyond the taxonomy)', phrases: 'Phrases', language: 'Language',
    personas: 'Personas', size: 'Size', goals: 'Goals', frustrations: 'Frustrations', quote: 'Quote',
    atRisk: 'Customers at risk', riskScore: 'Risk score', reasons: 'Reasons', valueAtRisk: 'Value at risk', customer: 'Customer', lastContact: 'Last contact', customerValue: 'Value',
    atRiskNote: 'customers above the threshold of', competitors: 'Brands compared', stars: 'Stars (reviews)', positive: 'Positive', negative: 'Negative', topThemes: 'Top themes', topEmotions: 'Top emotions',
    spikes: 'Unusual spikes', count: 'Count', baseline: 'Usual level', severity: 'Severity', high: 'high', medium: 'medium', example: 'Example',
    exCx: 'Employee experience – customer experience link', enps: 'eNPS', engagement: 'Engagement (1–5)', correlation: 'Correlation',
    exCxNote: 'Correlations across teams; with few teams (small n) they are only indicative. A relationship NPS (no team) counts for the team of the customer’s last contact in the 90 days before.', none: 'Nothing to report.', nAbbr: 'n',
    theme_kind: 'theme', emotion_kind: 'emotion',
    digestTitle: { day: "Today's customer listening", week: "This week's customer listening" },
    latestWithData: { day: 'latest complete day with data: nothing since', week: 'latest complete week with data: nothing since' },
    moves: 'Scores and moves', topPains: 'Top three pains', story: 'What one customer went through',
    compliment: 'A compliment worth sharing', noCompliment: 'No compliment this period.', customersAtRisk: 'Customers to call back',
    vsPrevious: 'vs previous period', mention: 'mention', mentions: 'mentions', openReport: 'Full report: ecoute report',
  },
} as const;

/** The report and digest strings of one language. */
export type ReportStrings = (typeof STRINGS)['fr'] | (typeof STRINGS)['en'];

/** The report phrases in one language. */
export function stringsFor(lang: Lang): ReportStrings {
  return STRINGS[lang];
}
