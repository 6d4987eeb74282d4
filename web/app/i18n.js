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
    nav_risk: 'Clients à risque', nav_competitors: 'Concurrents', 'nav_ex-cx': 'Employés & clients', nav_listen: 'Écoute client', nav_customer: 'À leur place',
    loading: 'Chargement…', error: 'Impossible de charger ces données : {message}', empty: 'Aucune donnée pour l’instant.',
    stale_figures: 'De nouvelles données arrivent : ces chiffres datent de {time} et se recalculent.', stale_refresh: 'Afficher les plus récents',
    login_title: 'Connexion', login_lead: 'Cet espace de travail est réservé à ses utilisateurs. Connectez-vous pour continuer.', login_email: 'Adresse e-mail', login_password: 'Mot de passe', login_submit: 'Se connecter',
    login_failed: 'Adresse e-mail ou mot de passe incorrect.', logout: 'Se déconnecter', logged_in_as: '{email} ({role})',
    role_admin: 'administrateur', role_analyst: 'analyste', role_agent: 'conseiller', role_viewer: 'lecteur',
    workspace: 'Espace de travail', workspace_refused: 'Vous n’avez pas accès à l’espace de travail « {workspace} » (ou il n’existe pas).', workspace_back: 'Revenir à mes espaces de travail',
    nav_audit: 'Journal d’audit', audit_title: 'Journal d’audit', audit_lead: 'Qui a exporté, modifié, effacé ou consulté l’historique d’un client, et quand.', audit_csv: 'Télécharger en CSV',
    audit_latest: 'Dernières entrées', audit_empty: 'Rien dans le journal pour l’instant.', audit_at: 'Date', audit_actor: 'Qui', audit_action: 'Action', audit_target: 'Sur quoi',
    overview_title: 'Vue d’ensemble',
    overview_lead_one: '{n} message client analysé du {from} au {to}.', overview_lead_other: '{n} messages clients analysés du {from} au {to}.',
    fix_first: 'À corriger en premier',
    fix_first_help: 'Les causes sur lesquelles une équipe peut agir — thèmes, étapes du parcours et thèmes découverts dans les mots des clients — qui rendent le plus de clients mécontents (détracteurs NPS ou CSAT faible), classées par impact : fréquence × écart de taux de mécontentement. Les émotions ne sont pas des causes : elles sont montrées dans chaque cause.',
    fix_felt: 'Ce que ressentent ces clients :', fix_discovered: 'thème découvert',
    fix_first_none: 'Pas encore assez de réponses aux enquêtes reliées aux messages pour classer les leviers.',
    impact: 'Impact', unhappy_line_one: 'Mécontents quand il est présent : {with} · sinon : {without} · {n} conversation concernée', unhappy_line_other: 'Mécontents quand il est présent : {with} · sinon : {without} · {n} conversations concernées', conversations: 'conversations',
    see_verbatims: 'Voir les verbatims', see_journey: 'Voir le parcours complet →',
    scores: 'Scores', nps: 'NPS', csat: 'CSAT', ces: 'CES (effort)', responses_one: '{n} réponse', responses_other: '{n} réponses', ci: 'IC 95 % : {low} à {high}',
    no_responses: 'Aucune réponse', vs_last_week: '{delta} vs semaine précédente',
    weekly_trend: 'Tendance hebdomadaire', trend_nps: 'NPS par semaine', trend_messages: 'Messages par semaine',
    journey_strip: 'Émotion dominante par étape', top_pains: 'Principales douleurs', spikes: 'Pics inhabituels',
    spikes_none: 'Aucun pic inhabituel détecté.', spike_line_one: '{n} message la {week} (d’habitude ≈ {baseline}, soit ×{ratio})', spike_line_other: '{n} messages la {week} (d’habitude ≈ {baseline}, soit ×{ratio})',
    negative_share: 'Part négative', messages: 'Messages', share: 'Part', trend: 'Tendance',
    journey_title: 'Carte émotionnelle du parcours',
    journey_lead: 'Pour chaque étape : ce que ressentent les clients (part des messages), pourquoi, et l’écart à l’émotion visée.',
    stage: 'Étape', emotions_by_stage: 'Émotions par étape (part des messages ; cliquez pour lire les verbatims)', dominant: 'Émotion dominante', top_reasons: 'Raisons principales', desired: 'Émotion visée', gap: 'Écart',
    status_met: 'Atteint', status_gap: 'Écart', status_no_target: 'Pas de cible', status_no_data: 'Pas de données',
    unstaged_one: '{n} message sans étape identifiée.', unstaged_other: '{n} messages sans étape identifiée.', heatmap_cell: '{stage}, {emotion} : {share} des messages',
    themes_title: 'Thèmes et leviers', themes_lead: 'De quoi parlent les clients, ce qui pèse sur la satisfaction, et les sujets émergents.',
    theme: 'Thème', factor: 'Facteur', theme_volumes: 'Volumes par thème', ci_short: 'IC 95 %', change: 'Évolution', verbatims: 'Verbatims', drivers: 'Leviers d’insatisfaction',
    drivers_detractors: 'Ce qui crée des détracteurs NPS (0–6)', drivers_low_csat: 'Ce qui fait baisser le CSAT (1–3)',
    driver_help: 'Écart de taux de mécontentement avec/sans le facteur, avec intervalle de confiance à 95 %. En gras : significatif.',
    base_rate_one: 'Taux de base : {rate} sur {n} conversation', base_rate_other: 'Taux de base : {rate} sur {n} conversations', difference: 'Écart', odds_ratio: 'Rapport de cotes',
    discovered: 'Thèmes découverts', discovered_help: 'Regroupements de vocabulaire trouvés automatiquement, hors taxonomie.',
    personas_title: 'Personas', personas_lead: 'Groupes de clients construits à partir de leurs besoins et émotions réels, formés une fois par jour : les clients qui écrivent dans la journée rejoignent le groupe le plus proche.',
    goals: 'Ce qu’ils veulent', frustrations: 'Ce qui les frustre', quotes: 'Ils le disent', size_one: '{n} client ({share})', size_other: '{n} clients ({share})',
    risk_title: 'Clients à risque', risk_lead: 'Clients au score de risque ≥ {threshold} : à rappeler en priorité.',
    value_at_risk: 'Valeur à risque', customers_at_risk: 'Clients à risque', customer: 'Client', segment: 'Segment',
    score: 'Score', reasons: 'Raisons', value: 'Valeur', last_contact: 'Dernier contact', open_history: 'Se mettre à sa place',
    competitors_title: 'Concurrents', competitors_lead: 'Chaque marque côte à côte : notes, sentiment, thèmes et émotions.',
    stars: 'Note moyenne', sentiment: 'Sentiment', top_themes: 'Thèmes principaux', top_emotions: 'Émotions principales',
    own_brand: 'Notre marque', competitors_help: 'Les concurrents ne sont connus que par leurs avis publics, alors que notre marque l’est par tous nos canaux : comparez d’abord la note moyenne (avis), puis le reste avec prudence.',
    listen_title: 'Écoute client', listen_lead: 'Le flux des verbatims clients, les émotions, besoins et raisons surlignés dans le texte.',
    filters: 'Filtres', all: 'Tous', all_f: 'Toutes', search: 'Rechercher', apply: 'Filtrer', reset: 'Réinitialiser',
    // The filter bar of every data page (filter-bar.js).
    filter_bar: 'Filtres de la vue', period: 'Période', period_all: 'Toute la période', period_7d: '7 derniers jours', period_30d: '30 derniers jours', period_90d: '90 derniers jours',
    period_this_quarter: 'Ce trimestre', period_last_quarter: 'Trimestre précédent', period_custom: 'Dates choisies…', date_from: 'Du', date_to: 'Au',
    filter_team: 'Équipe', filter_segment: 'Segment', filter_brand: 'Marque', filter_language: 'Langue', clear_filters: 'Effacer les filtres',
    filters_active_one: '{n} filtre actif', filters_active_other: '{n} filtres actifs',
    no_match: 'Aucun résultat pour ces filtres', no_match_help: 'Aucun message ni réponse d’enquête ne correspond. Élargissez la période ou retirez un filtre.',
    channel: 'Canal', emotion: 'Émotion', need: 'Besoin', results_one: '{n} message', results_other: '{n} messages', results_capped: '{n}+ messages', results_capped_help: 'Le comptage s’arrête à {n} ; affinez les filtres pour un compte exact.', load_more: 'Charger plus',
    legend: 'Légende', legend_emotion: 'émotion', legend_need: 'besoin', legend_reason: 'raison', legend_tags: 'Étiquettes', legend_stage: 'étape', legend_theme: 'thème', reason: 'Raison',
    customer_title: 'À la place de {name}', customer_lead: 'Tout l’historique, dans l’ordre, tous canaux confondus.',
    agent: 'Conseiller', system: 'Système', customer_role: 'Client', risk_score: 'Score de risque {score}',
    back_to_risk: '← Clients à risque', not_found: 'Page introuvable.', churn: 'Intention de départ', urgency_high: 'Urgent',
    // Label corrections in the listening station (message.js).
    correct: 'Corriger', corrected: 'corrigé', corrected_help: 'corrigé par {actor} (le modèle disait : {was})',
    corr_field: 'Constat', corr_value: 'Valeur correcte', corr_save: 'Enregistrer la correction', corr_failed: 'Correction impossible : {message}',
    corr_none: 'aucun', corr_yes: 'Oui', corr_no: 'Non',
    corr_f_emotions: 'Émotions', corr_f_needs: 'Besoins', corr_f_themes: 'Thèmes', corr_f_stage: 'Étape', corr_f_churn: 'Intention de départ',
    corr_f_urgency: 'Urgence', corr_f_vulnerable: 'Client vulnérable', corr_f_sentiment: 'Sentiment',
    excx_title: 'Employés & clients',
    excx_lead: 'Des équipes engagées font-elles des clients satisfaits ? Pour chaque équipe : l’expérience collaborateur (eNPS, engagement) face à la satisfaction des clients qu’elle a servis.',
    excx_empty: 'Aucune enquête collaborateurs pour l’instant : importez une enquête d’engagement (eNPS et items de 1 à 5, par équipe) pour relier expérience collaborateur et expérience client.',
    empathy_source_coach: 'Empathie des réponses : lue par le coach de réponse (modèle appris) — une réponse compte si elle réagit au ressenti du client sans être un modèle copié-collé.',
    empathy_source_lexicon: 'Empathie des réponses : lue par le lexique du coach (le modèle du coach est absent) — tout « je comprends » compte, même de pure forme.',
    team: 'Équipe', enps: 'eNPS', engagement: 'Engagement (1–5)', customer_surveys: 'Réponses clients',
    enps_help: 'Net Promoter Score collaborateurs : % de promoteurs (9–10) moins % de détracteurs (0–6), de −100 à 100.',
    engagement_help: 'Moyenne des items d’engagement, de 1 (pas du tout d’accord) à 5 (tout à fait d’accord).',
    excx_teams: 'Par équipe', excx_teams_help: 'n = nombre de réponses. CSAT et NPS : enquêtes clients des conversations traitées par l’équipe ; un NPS relationnel (sans équipe) compte pour l’équipe du dernier contact du client dans les 90 jours précédents.',
    excx_correlations: 'Corrélations entre équipes',
    excx_correlations_help: 'Chaque équipe compte pour un point ({teams} équipes). r proche de 1 : plus l’équipe est engagée, plus ses clients sont satisfaits ; proche de −1 : l’inverse ; proche de 0 : pas de lien.',
    excx_causation: 'Une corrélation entre équipes ne prouve pas une causalité : d’autres différences (type de demandes, canal, volume) peuvent expliquer le lien.',
    excx_lags: 'Dans le temps : l’expérience collaborateur d’un mois, et les clients 0 à 6 mois plus tard',
    excx_lags_help: '{teams} équipes, {ex} mois d’enquêtes collaborateurs, {cx} mois de données clients. Chaque case : r de Pearson [intervalle à 95 %] et n couples équipe-mois, puis le r intra-équipe (seules les évolutions de chaque équipe comptent) ; r² = part de variance expliquée. En gras : l’intervalle exclut 0. Grisé : trop peu d’équipes, de mois ou de couples pour cette case.',
    excx_lag_pair: 'Collaborateurs → clients', excx_lag_col: '+{k} mois', excx_lag_r2: 'r² = {r2}', excx_lag_within: 'intra-équipe {r}',
    measure_negativeShare: 'Part d’émotions négatives', measure_replyEmpathy: 'Empathie des réponses', measure_recontactRate: 'Recontact sous 7 jours',
    excx_anchors: 'Repères publiés', excx_anchors_help: 'Chiffres d’autres organisations, en moyenne : à comparer, pas à viser.',
    anchor_kind_meta: 'méta-analyse', anchor_kind_study: 'étude', anchor_kind_claim: 'affirmation',
    correlation: 'Corrélation', reading: 'Lecture', pearson: 'Pearson r', spearman: 'Spearman ρ',
    pearson_help: 'Corrélation linéaire de Pearson', spearman_help: 'Corrélation de rangs de Spearman (moins sensible aux valeurs extrêmes)',
    n_teams_help: 'Nombre d’équipes ayant les deux mesures',
    corr_strong_pos: 'Lien positif fort', corr_moderate_pos: 'Lien positif modéré', corr_weak_pos: 'Lien positif faible',
    corr_strong_neg: 'Lien négatif fort', corr_moderate_neg: 'Lien négatif modéré', corr_weak_neg: 'Lien négatif faible', corr_none: 'Pas de lien visible',
    corr_indicative: 'corrélation indicative : n = {n} équipes',
    corr_no_variance: 'Non calculable : la mesure est identique pour toutes les équipes.',
    corr_not_enough: 'Non calculée : il faut au moins {min} équipes ayant les deux mesures (n = {n}).',
    legend_customer: 'le client', legend_agent: 'nos conseillers', handled_by: 'traité par {who}',
    felt: 'Ressenti', no_emotion: 'aucune émotion détectée', needs_label: 'Besoins', not_analysed: 'Message pas encore analysé.',
    week_of: 'semaine du {date}', latest_week: 'dernière semaine : {value}', out_of_customers_one: 'sur {n} client', out_of_customers_other: 'sur {n} clients',
    persona_segment: 'segment {segment}', persona_channel: 'surtout par {channel}', score_help: 'Score de risque de 0 à 100',
    in_language: 'en {language}', language_fr: 'français', language_en: 'anglais',
    // CX maturity. Stage names are here because a result names only its own stage, and the curve and the
    // history name all four (the server's STAGE_NAMES in src/learn/maturity/score-assessment.ts).
    nav_learn: 'Scorecards et valeur', learn_title: 'Scorecards et valeur de l’expérience client',
    learn_lead: 'Les indicateurs clients auxquels une rémunération peut se rattacher, par équipe et par agent, puis ce que vaut une amélioration de l’expérience, chaque hypothèse sourcée.',
    learn_scorecards: 'Scorecards par équipe', learn_scorecards_help: 'Pondérations explicites ; chaque chiffre avec le nombre de réponses derrière lui ; jamais de rang en dessous de {min} réponses (le motif est au survol). Survolez un en-tête pour sa définition.',
    learn_no_teams: 'Aucune équipe sur la période.', learn_rank: 'Rang', learn_unranked: 'non classé', learn_composite: 'Score pondéré', learn_response_rate: 'Taux de réponse',
    learn_filter_hint: 'Les filtres resserrent les scorecards. Période : les messages, réponses et dossiers clos de la période. Équipe : ses réponses d’agents, les réponses d’enquête comptées pour elle (dernier contact) et ses dossiers clos ; par agent, les agents de l’équipe. Segment, canal, marque, langue : les conversations dont un message client correspond (avec toutes leurs réponses et leurs dossiers) et les réponses d’enquête correspondantes (la langue : celle de leur conversation).',
    learn_value_unfiltered: 'Le modèle de valeur reste calculé sur toutes les données de l’espace de travail : c’est un chiffre annuel, les filtres ne le changent pas.',
    learn_metric_nps: 'NPS', learn_metric_csat: 'CSAT', learn_metric_resolution: 'Résolution', learn_metric_timeToClose: 'Délai de clôture', learn_metric_empathy: 'Empathie', learn_metric_retention: 'Rétention',
    learn_pct: '{n} %', learn_hours: '{n} h', learn_csv: 'Exporter en CSV',
    learn_value: 'Ce que vaut une amélioration de l’expérience client', learn_value_help: 'Chaque ligne avec son calcul ; le repère externe (Temkin Group) est montré à côté du total, jamais ajouté.',
    learn_line: 'Ligne', learn_per_year: 'Par an', learn_computation: 'Calcul', learn_total: 'Total', learn_benchmark: 'Repère externe (Temkin Group, 2015)',
    learn_assumptions: 'Hypothèses', learn_assumption: 'Hypothèse', learn_value_col: 'Valeur', learn_origin: 'Origine', learn_source: 'Source',
    learn_origin_workspace: 'vos données', learn_origin_default: 'valeur par défaut', learn_origin_user: 'saisie par vous',
    learn_value_edit: 'Changez une hypothèse ci-dessous puis recalculez : rien n’est enregistré, l’adresse de la page garde vos valeurs (à partager). Aussi : ecoute value --set clé=valeur, ou GET /api/value?clé=valeur.',
    learn_recompute: 'Recalculer', learn_reset: 'Revenir aux valeurs de départ', learn_value_refused: 'Calcul refusé : {message}',
    learn_scorecards_agent: 'Scorecards par agent', learn_no_agents: 'Aucun agent sur la période.',
    learn_agents_help: 'Mêmes pondérations et même règle : jamais de rang en dessous de {min} observations. Un agent n’est noté que sur les réponses d’enquête qui le nomment, et le délai de clôture sur les dossiers dont il est responsable.',
    nav_maturity: 'Maturité CX',
    // Alert rules (pages/rules.js).
    nav_rules: 'Règles d’alerte', rules_title: 'Règles d’alerte',
    rules_lead: 'Ce que vous voulez savoir dès qu’un client l’écrit, et quoi faire alors : ouvrir un dossier, prévenir quelqu’un par e-mail, poster dans Slack ou Teams.',
    rules_list: 'Règles actives', rules_none: 'Aucune règle pour l’instant : écrivez la première ci-dessous.',
    rule_version: 'version {n}', rule_when: 'Quand', rule_then: 'Alors', rule_alert_only: 'alerte seulement', rule_remove: 'Retirer la règle',
    rule_dedupe: 'Au plus une alerte par client sur {window}.',
    rule_c_emotion: 'Émotion', rule_c_need: 'Besoin', rule_c_theme: 'Thème', rule_c_stage: 'Étape', rule_c_channel: 'Canal',
    rule_churn: 'Intention de départ', rule_vulnerable: 'Client vulnérable', rule_urgency_min: 'Urgence au moins', rule_value_min: 'Valeur client au moins',
    rule_nps_detractor: 'détracteur', rule_nps_passive: 'passif', rule_nps_promoter: 'promoteur',
    rule_brand: 'Marque', rule_brand_own: 'notre marque', rule_brand_competitor: 'concurrent', rule_language: 'Langue', rule_any: 'Indifférent',
    rule_spike: 'Pic de {label} : ×{factor} la normale, au moins {min} messages sur {window}',
    rule_new: 'Nouvelle règle', rule_name: 'Nom de la règle',
    rule_conditions: 'Conditions : toutes doivent être remplies (plusieurs valeurs d’une liste : l’une d’elles suffit)',
    rule_actions: 'Actions', rule_action_case: 'Ouvrir un dossier', rule_case_owner: 'Responsable du dossier', rule_email: 'Prévenir par e-mail',
    rule_webhook: 'Webhook', rule_webhook_format: 'Format du webhook',
    rule_dedupe_window: 'Fenêtre anti-doublon', rule_dedupe_help: 'Une seule alerte par client et par règle dans cette fenêtre : 30m, 24h, 7d… (0 : à chaque message).',
    rule_test: 'Tester sur les messages passés', rule_add: 'Ajouter la règle', rule_added: 'Règle « {name} » ajoutée.', rule_error: 'Règle refusée : {message}',
    rule_test_result: '{matched} messages sur {scanned} correspondent ; {alerts} auraient déclenché une alerte. Les plus récents :',
    rule_test_held: 'retenue : même client dans la fenêtre',
    alerts_recent: 'Alertes récentes', alerts_none: 'Aucune alerte pour l’instant.', alerts_count_one: '{n} alerte', alerts_count_other: '{n} alertes',
    alert_ack: 'Marquer comme vue', alert_seen: 'Vue', alert_open: 'Se mettre à la place du client →',
    nav_deliveries: 'Envois', deliveries_title: 'Envois des alertes',
    deliveries_lead: 'Chaque e-mail et appel de webhook qu’une alerte envoie passe par une file durable : où il part, où il en est, combien d’essais, le prochain essai, la dernière erreur. Un envoi en échec peut être relancé une fois le destinataire réparé.',
    deliveries_status: 'Statut', deliveries_all: 'Tous', deliveries_none: 'Aucun envoi pour l’instant : les règles d’alerte qui envoient un e-mail ou appellent un webhook en créent.',
    deliveries_none_status: 'Aucun envoi avec ce statut.', deliveries_count_one: '{n} envoi', deliveries_count_other: '{n} envois',
    delivery_pending: 'En attente', delivery_sending: 'En cours', delivery_delivered: 'Livré', delivery_failed: 'En échec',
    delivery_destination: 'Destination', delivery_kind: 'Type', delivery_attempts: 'Essais', delivery_next: 'Prochain essai',
    delivery_error: 'Dernière erreur', delivery_alert: 'Alerte', delivery_channel_email: 'E-mail', delivery_channel_webhook: 'Webhook',
    delivery_retry: 'Relancer maintenant', delivery_retry_refused: 'Relance refusée : {message}',
    nav_data: 'Données', data_title: 'Données et RGPD',
    data_lead: 'Annuler un import, effacer un client partout, fixer la durée de conservation. Chaque action est définitive et inscrite au journal d’audit.',
    data_imports: 'Imports', data_imports_help: 'Annuler un import supprime exactement ce qu’il a ajouté (conversations, messages, analyses, réponses, dossiers) et garde ce qui existait avant ; le fichier peut ensuite être réimporté.',
    data_no_imports: 'Aucun import pour l’instant.', data_import_id: 'N°', data_imported_at: 'Date', data_source: 'Source', data_file: 'Fichier',
    data_records: 'Enregistrements', data_added: 'Ajoutés', data_added_line: '+{records} enregistrements, +{messages} messages',
    data_undo: 'Annuler l’import', data_undo_confirm: 'Confirmer : tout supprimer', data_undone: 'Import {file} annulé : {removed} supprimés.',
    data_refused: 'Refusé : {message}', data_removed_nothing: 'rien',
    data_removed_conversations: '{n} conversation(s)', data_removed_messages: '{n} message(s)', data_removed_analyses: '{n} analyse(s)',
    data_removed_surveyAnswers: '{n} réponse(s) d’enquête', data_removed_employeeAnswers: '{n} réponse(s) collaborateur', data_removed_customers: '{n} client(s)',
    data_removed_cases: '{n} dossier(s)', data_removed_alerts: '{n} alerte(s)',
    data_erase_title: 'Effacer un client (droit à l’effacement)', data_erase_help: 'Supprime partout ses conversations, messages, analyses, corrections, notes d’enquête, dossiers et alertes. L’identifiant est celui de votre outil source ; une adresse e-mail est acceptée.',
    data_erase_label: 'Identifiant client', data_erase: 'Effacer ce client', data_erase_confirm: 'Confirmer l’effacement définitif',
    data_erase_empty: 'Saisissez l’identifiant du client à effacer.', data_erased: 'Client « {id} » effacé : {removed} supprimés.',
    data_retention_title: 'Durée de conservation', data_retention_help: 'Les conversations dont le dernier message a plus de N mois sont supprimées quand la conservation est appliquée (et avant chaque digest planifié de ecoute serve). 0 = tout garder.',
    data_retention_label: 'Mois à conserver (0 = tout garder)', data_retention_save: 'Enregistrer', data_retention_dry: 'Simuler',
    data_retention_apply: 'Appliquer maintenant', data_retention_apply_confirm: 'Confirmer la suppression',
    data_retention_saved: 'Conservation : {months} mois.', data_retention_off: 'Conservation illimitée : rien ne sera supprimé.',
    data_retention_would: 'Simulation, rien supprimé : supprimerait {removed} (dernier message avant le {cutoff}).',
    data_retention_done: 'Conservation appliquée : {removed} supprimés (dernier message avant le {cutoff}).',
    // Close-the-loop cases (pages/cases.js; the "open a case" button of the listening station).
    nav_cases: 'Dossiers', cases_title: 'Dossiers à traiter', cases_lead: 'Chaque client à rappeler, avec un responsable et une échéance ; et les causes racines qui les regroupent.',
    case_open_from_message: 'Ouvrir un dossier', case_opening: 'Ouverture…', case_open_failed: 'Impossible d’ouvrir le dossier : {message}',
    case_status: 'Statut', case_owner: 'Responsable', case_due: 'Échéance', case_title_col: 'Dossier', case_overdue: 'En retard', case_overdue_only: 'En retard seulement',
    case_status_open: 'Ouvert', case_status_in_progress: 'En cours', case_status_waiting_customer: 'En attente du client', case_status_resolved: 'Résolu', case_status_closed: 'Clos',
    case_move_open: 'Rouvrir', case_move_in_progress: 'Prendre en charge', case_move_waiting_customer: 'Attendre le client', case_move_resolved: 'Marquer résolu', case_move_closed: 'Clore',
    cases_count_one: '{n} dossier', cases_count_other: '{n} dossiers',
    // The cases list with the shared filter bar (cases.js).
    cases_none_yet: 'Aucun dossier pour l’instant. Ouvrez-en un depuis un message de l’écoute client.',
    cases_no_match_help: 'Aucun dossier ne correspond. Élargissez la période, retirez un filtre, ou effacez-les tous.',
    cases_scope_hint: 'La période porte sur la date d’ouverture du dossier, l’équipe sur celle du dossier ; segment, canal, marque et langue sur le message qui l’a ouvert.',
    case_figures_scoped: 'Ces chiffres portent sur les dossiers des filtres de la vue (période, équipe, segment, canal, marque, langue), pas sur le statut ni le responsable.',
    case_back: '← Dossiers', case_raised_by: 'Le message à l’origine', case_no_message: 'Dossier ouvert sans message.',
    case_what_to_say: 'Quoi dire', case_emotion: 'Émotion', case_need: 'Besoin', case_reason: 'Raison', case_urgency: 'Urgence',
    case_history: 'Tout l’historique du client', case_history_count_one: '{n} message, tous canaux confondus', case_history_count_other: '{n} messages, tous canaux confondus', case_no_customer: 'Client inconnu : pas d’historique.',
    case_notes: 'Notes et historique du dossier', case_note_label: 'Nouvelle note', case_add_note: 'Ajouter la note', case_note_empty: 'Écrivez la note avant de l’ajouter.',
    case_event_created: 'Dossier ouvert', case_event_assigned: 'Attribué à {text}', case_event_status: '{from} → {to}', case_event_note: 'Note',
    case_event_linked: 'Relié à une cause racine', case_event_unlinked: 'Détaché de sa cause racine', case_event_due: 'Échéance changée', case_event_team: 'Équipe : {text}',
    case_by: 'par {actor}', case_reopened: 'rouvert {n} fois', case_save: 'Enregistrer', case_your_name: 'Votre nom', case_your_name_help: 'Inscrit dans l’historique de chaque action.',
    case_root_cause: 'Cause racine', case_root_none: 'Aucune', case_root_new: 'Nouvelle : {name}', case_root_cases: '{title} · {cases}, {open}', case_root_open_one: '{n} ouvert', case_root_open_other: '{n} ouverts',
    listen_draft_reply: 'Rédiger une réponse (relue par le coach)',
    case_coach: 'Votre réponse, relue par le coach', case_draft: 'Brouillon de réponse', case_coach_button: 'Relire mon brouillon', case_coach_score: 'Score d’empathie : {score}/100',
    case_coach_canned: 'Réponse toute faite : personnalisez-la.', case_coach_failed: 'Le coach n’a pas pu relire : {message}', case_coach_empty: 'Écrivez un brouillon d’abord.',
    case_dim_emotionalReaction: 'Réaction émotionnelle', case_dim_interpretation: 'Compréhension', case_dim_exploration: 'Exploration', case_dim_ownership: 'Prise en charge', case_dim_personalization: 'Personnalisation',
    case_level_0: 'absente', case_level_1: 'générique', case_level_2: 'personnalisée',
    case_figures: 'Boucler la boucle : les chiffres', case_figures_help: 'Médianes et parts, avec leur effectif n ; « — » en dessous de {min} dossiers.',
    case_first_response: 'Première réponse', case_time_to_close: 'Clôture', case_overdue_share: 'En retard', case_reopen_rate: 'Rouverts', case_recovery: 'Reconquête',
    case_recovery_help: 'Sentiment suivant du client après un dossier clos, moins celui de clients comparables sans dossier (−1 à 1).',
    case_overall: 'Ensemble', case_by_team: 'Par équipe', case_by_root: 'Par cause racine', case_hours: '{n} h', case_days: '{n} j', case_error: 'Action impossible : {message}',
    maturity_title: 'Maturité de l’expérience client',
    maturity_lead: 'Où en est votre organisation sur la courbe de maturité — transactionnel, interaction, engagement, empathie — et quoi faire ensuite\u00a0: {n} questions sur l’écoute, la compréhension, l’action, l’apprentissage et ce qui les porte.',
    maturity_questionnaire: 'Questionnaire',
    maturity_instructions: 'Répondez pour l’organisation telle qu’elle fonctionne aujourd’hui, pas telle qu’elle voudrait fonctionner. Chaque question se note de 1 à 5\u00a0:',
    maturity_source: 'Source',
    maturity_answered_one: '{n} réponse sur {total}', maturity_answered_other: '{n} réponses sur {total}',
    maturity_submit: 'Enregistrer et voir le résultat',
    maturity_missing_one: 'Il reste {n} question sans réponse.', maturity_missing_other: 'Il reste {n} questions sans réponse.',
    maturity_missing_first: 'Aller à la première\u00a0: {question}',
    maturity_submit_error: 'Le résultat n’a pas pu être enregistré\u00a0: {message}',
    maturity_evidence: 'Vos chiffres mesurés (facultatif)',
    maturity_evidence_help: 'Les prochaines actions citent ces chiffres, pour confronter vos réponses à ce qui se mesure ; laissez vide ce que vous ne mesurez pas. Sans NPS saisi, celui de l’espace de travail sert dès 30 réponses.',
    maturity_evidence_listeningReadersLastMonth: 'Lecteurs de la station d’écoute le mois dernier',
    maturity_evidence_alertsClosedOnTimeShare: 'Alertes closes dans les délais (en\u00a0%)',
    maturity_evidence_drillParticipation: 'Participation aux exercices d’empathie (en\u00a0%)',
    maturity_evidence_nps: 'NPS (de −100 à 100)',
    maturity_evidence_invalid: 'Ce chiffre est hors des valeurs possibles\u00a0: {field}.',
    maturity_result: 'Votre résultat', maturity_stage: 'Étape sur la courbe de maturité\u00a0:', maturity_curve: 'Courbe de maturité',
    maturity_stage_transactional: 'Transactionnel', maturity_stage_interaction: 'Interaction', maturity_stage_engagement: 'Engagement', maturity_stage_empathy: 'Empathie',
    maturity_overall: 'Score global\u00a0: {score}/100',
    maturity_first: 'première évaluation\u00a0: rien à comparer pour l’instant',
    maturity_since_one: '{delta} point depuis l’évaluation du {date}', maturity_since_other: '{delta} points depuis l’évaluation du {date}',
    maturity_stage_moved: 'Changement d’étape\u00a0: {from} → {to}.',
    maturity_by_dimension: 'Score par dimension (sur 100)',
    maturity_change_help: 'points depuis l’évaluation précédente',
    maturity_next_actions: 'Les trois prochaines actions',
    maturity_start_with: 'Commencer par\u00a0:', maturity_your_answer: '(votre réponse\u00a0: {answer}/5)',
    maturity_history: 'Historique des évaluations',
    maturity_history_empty: 'Aucune évaluation enregistrée pour l’instant\u00a0: répondez au questionnaire ci-dessus.',
    maturity_trend: 'Score global des {n} évaluations, de la plus ancienne à la plus récente',
    maturity_date: 'Date',
    nav_drills: 'Exercices d’empathie', drills_title: 'Exercices d’empathie',
    drills_lead: 'L’exercice de la semaine {week} : de vrais messages clients (anonymisés). Que ressent ce client, de quoi a-t-il besoin, que lui répondriez-vous ?',
    drills_none: 'Aucun message client analysé ne se prête encore à un exercice : importez des messages, puis revenez.',
    drills_participant: 'Votre nom', drills_team: 'Équipe (facultatif)', drills_candidate: 'Libellé du candidat (pas de nom)',
    drills_scenario: 'Message {n}', drills_emotions: 'Ce que ressent le client', drills_needs: 'Ce dont il a besoin',
    drills_reply: 'Votre réponse', drills_submit: 'Envoyer et voir le retour', drills_name_missing: 'Indiquez votre nom (ou le libellé du candidat) avant d’envoyer.',
    drills_feedback: 'Retour', drills_reading: 'Lecture : {score}/100', drills_reply_score: 'Réponse : {score}/100',
    drills_matched: 'Vu aussi par l’analyse', drills_missed: 'Vu par l’analyse, pas par vous', drills_extra: 'Non relevé par l’analyse',
    drills_evidence: 'Ce que l’analyse a vu, et où', drills_suggestions: 'Conseils du coach de réponse', drills_canned: 'Réponse type',
    drills_progress: 'Participation et progrès', drills_progress_none: 'Aucun exercice fait pour l’instant.',
    drills_filter_hint: 'Les filtres resserrent la participation et les progrès ci-dessous. Période : la date de l’exercice ; équipe : celle du participant ; segment, canal, marque, langue : le message client de l’exercice. Les messages de la semaine ci-dessus ne sont pas filtrés.',
    drills_by_team: 'Par équipe', drills_by_participant: 'Par participant', drills_name: 'Nom', drills_attempts: 'Tentatives', drills_participants: 'Participants',
    drills_mean_reading: 'Lecture moyenne', drills_mean_reply: 'Réponse moyenne', drills_weeks: 'Semaines',
    drills_hiring_toggle: 'Mode recrutement', drills_hiring_title: 'Mode recrutement : aide à la décision',
    drills_rubric: 'La grille, identique pour tous', drills_hiring_attempts: 'Exercices des candidats (dans l’ordre où ils ont été faits, jamais classés)',
    drills_hiring_none: 'Aucun exercice de candidat enregistré.', drills_candidate_col: 'Candidat', drills_date: 'Date',
  },
  en: {
    skip: 'Skip to content', colon: ': ',
    tagline: 'What your customers go through, and what to fix first',
    language: 'Language',
    nav_overview: 'Overview', nav_journey: 'Journey', nav_themes: 'Themes & drivers', nav_personas: 'Personas',
    nav_risk: 'Customers at risk', nav_competitors: 'Competitors', 'nav_ex-cx': 'Employees & customers', nav_listen: 'Listening station', nav_customer: 'In their shoes',
    loading: 'Loading…', error: 'Could not load this data: {message}', empty: 'No data yet.',
    stale_figures: 'New data is arriving: these figures are from {time} and are being recomputed.', stale_refresh: 'Show the latest',
    login_title: 'Log in', login_lead: 'This workspace is for its users only. Log in to continue.', login_email: 'E-mail address', login_password: 'Password', login_submit: 'Log in',
    login_failed: 'Wrong e-mail address or password.', logout: 'Log out', logged_in_as: '{email} ({role})',
    role_admin: 'admin', role_analyst: 'analyst', role_agent: 'agent', role_viewer: 'viewer',
    workspace: 'Workspace', workspace_refused: 'You have no access to workspace “{workspace}” (or there is no such workspace).', workspace_back: 'Back to my workspaces',
    nav_audit: 'Audit log', audit_title: 'Audit log', audit_lead: 'Who exported, changed, erased or read a customer’s history, and when.', audit_csv: 'Download as CSV',
    audit_latest: 'Latest entries', audit_empty: 'Nothing in the log yet.', audit_at: 'When', audit_actor: 'Who', audit_action: 'Action', audit_target: 'On what',
    overview_title: 'Overview',
    overview_lead_one: '{n} customer message analysed from {from} to {to}.', overview_lead_other: '{n} customer messages analysed from {from} to {to}.',
    fix_first: 'What to fix first',
    fix_first_help: 'The causes a team can own — themes, journey stages and themes discovered in customers’ words — that make the most customers unhappy (NPS detractors or low CSAT), ranked by impact: how common × how much worse. Emotions are not causes: they are shown inside each cause.',
    fix_felt: 'What these customers feel:', fix_discovered: 'discovered theme',
    fix_first_none: 'Not enough survey answers linked to messages yet to rank drivers.',
    impact: 'Impact', unhappy_line_one: 'Unhappy when present: {with} · otherwise: {without} · {n} conversation affected', unhappy_line_other: 'Unhappy when present: {with} · otherwise: {without} · {n} conversations affected', conversations: 'conversations',
    see_verbatims: 'See verbatims', see_journey: 'See the whole journey →',
    scores: 'Scores', nps: 'NPS', csat: 'CSAT', ces: 'CES (effort)', responses_one: '{n} response', responses_other: '{n} responses', ci: '95% CI: {low} to {high}',
    no_responses: 'No responses', vs_last_week: '{delta} vs previous week',
    weekly_trend: 'Weekly trend', trend_nps: 'NPS by week', trend_messages: 'Messages by week',
    journey_strip: 'Dominant emotion per stage', top_pains: 'Top pains', spikes: 'Unusual spikes',
    spikes_none: 'No unusual spike detected.', spike_line_one: '{n} message in the {week} (usually ≈ {baseline}, so ×{ratio})', spike_line_other: '{n} messages in the {week} (usually ≈ {baseline}, so ×{ratio})',
    negative_share: 'Negative share', messages: 'Messages', share: 'Share', trend: 'Trend',
    journey_title: 'Journey emotion map',
    journey_lead: 'For each stage: what customers feel (share of messages), why, and the gap to the emotion you aim for.',
    stage: 'Stage', emotions_by_stage: 'Emotions by stage (share of messages; click to read the verbatims)', dominant: 'Dominant emotion', top_reasons: 'Top reasons', desired: 'Desired emotion', gap: 'Gap',
    status_met: 'Met', status_gap: 'Gap', status_no_target: 'No target', status_no_data: 'No data',
    unstaged_one: '{n} message with no identified stage.', unstaged_other: '{n} messages with no identified stage.', heatmap_cell: '{stage}, {emotion}: {share} of messages',
    themes_title: 'Themes & drivers', themes_lead: 'What customers talk about, what drags satisfaction down, and emerging topics.',
    theme: 'Theme', factor: 'Factor', theme_volumes: 'Theme volumes', ci_short: '95% CI', change: 'Change', verbatims: 'Verbatims', drivers: 'Drivers of dissatisfaction',
    drivers_detractors: 'What creates NPS detractors (0–6)', drivers_low_csat: 'What drives low CSAT (1–3)',
    driver_help: 'Difference in unhappy rate with/without the factor, with a 95% confidence interval. Bold: significant.',
    base_rate_one: 'Base rate: {rate} over {n} conversation', base_rate_other: 'Base rate: {rate} over {n} conversations', difference: 'Difference', odds_ratio: 'Odds ratio',
    discovered: 'Discovered themes', discovered_help: 'Vocabulary clusters found automatically, outside the taxonomy.',
    personas_title: 'Personas', personas_lead: 'Customer groups built from their actual needs and emotions, formed once a day: customers who write during the day join the nearest group.',
    goals: 'What they want', frustrations: 'What frustrates them', quotes: 'In their words', size_one: '{n} customer ({share})', size_other: '{n} customers ({share})',
    risk_title: 'Customers at risk', risk_lead: 'Customers with a risk score ≥ {threshold}: call them back first.',
    value_at_risk: 'Value at risk', customers_at_risk: 'Customers at risk', customer: 'Customer', segment: 'Segment',
    score: 'Score', reasons: 'Reasons', value: 'Value', last_contact: 'Last contact', open_history: 'Walk in their shoes',
    competitors_title: 'Competitors', competitors_lead: 'Every brand side by side: ratings, sentiment, themes and emotions.',
    stars: 'Average rating', sentiment: 'Sentiment', top_themes: 'Top themes', top_emotions: 'Top emotions',
    own_brand: 'Our brand', competitors_help: 'Competitors are known only through their public reviews, while our brand is known through all our channels: compare the average rating (reviews) first, the rest with care.',
    listen_title: 'Listening station', listen_lead: 'The stream of customer verbatims, with emotions, needs and reasons highlighted in the text.',
    filters: 'Filters', all: 'All', all_f: 'All', search: 'Search', apply: 'Filter', reset: 'Reset',
    // The filter bar of every data page (filter-bar.js).
    filter_bar: 'View filters', period: 'Period', period_all: 'All time', period_7d: 'Last 7 days', period_30d: 'Last 30 days', period_90d: 'Last 90 days',
    period_this_quarter: 'This quarter', period_last_quarter: 'Last quarter', period_custom: 'Custom dates…', date_from: 'From', date_to: 'To',
    filter_team: 'Team', filter_segment: 'Segment', filter_brand: 'Brand', filter_language: 'Language', clear_filters: 'Clear filters',
    filters_active_one: '{n} active filter', filters_active_other: '{n} active filters',
    no_match: 'Nothing matches these filters', no_match_help: 'No message or survey answer matches. Widen the period or remove a filter.',
    channel: 'Channel', emotion: 'Emotion', need: 'Need', results_one: '{n} message', results_other: '{n} messages', results_capped: '{n}+ messages', results_capped_help: 'Counting stops at {n}; narrow the filters for an exact count.', load_more: 'Load more',
    legend: 'Legend', legend_emotion: 'emotion', legend_need: 'need', legend_reason: 'reason', legend_tags: 'Tags', legend_stage: 'stage', legend_theme: 'theme', reason: 'Reason',
    customer_title: 'In the shoes of {name}', customer_lead: 'The whole history, in order, across every channel.',
    agent: 'Agent', system: 'System', customer_role: 'Customer', risk_score: 'Risk score {score}',
    back_to_risk: '← Customers at risk', not_found: 'Page not found.', churn: 'Churn intent', urgency_high: 'Urgent',
    // Label corrections in the listening station (message.js).
    correct: 'Correct', corrected: 'corrected', corrected_help: 'corrected by {actor} (the model said: {was})',
    corr_field: 'Finding', corr_value: 'Correct value', corr_save: 'Save the correction', corr_failed: 'Could not save the correction: {message}',
    corr_none: 'none', corr_yes: 'Yes', corr_no: 'No',
    corr_f_emotions: 'Emotions', corr_f_needs: 'Needs', corr_f_themes: 'Themes', corr_f_stage: 'Stage', corr_f_churn: 'Churn intent',
    corr_f_urgency: 'Urgency', corr_f_vulnerable: 'Vulnerable customer', corr_f_sentiment: 'Sentiment',
    excx_title: 'Employees & customers',
    excx_lead: 'Do engaged teams make happy customers? For each team: employee experience (eNPS, engagement) next to the satisfaction of the customers it served.',
    excx_empty: 'No employee survey yet: import an engagement survey (eNPS and 1–5 items, by team) to link employee and customer experience.',
    empathy_source_coach: 'Reply empathy: read by the reply coach (learned model) — a reply counts when it reacts to the customer’s feeling and is not a canned template.',
    empathy_source_lexicon: 'Reply empathy: read by the coach’s lexicon (the coach model is absent) — any “I understand” counts, even a formulaic one.',
    team: 'Team', enps: 'eNPS', engagement: 'Engagement (1–5)', customer_surveys: 'Customer answers',
    enps_help: 'Employee Net Promoter Score: % promoters (9–10) minus % detractors (0–6), from −100 to 100.',
    engagement_help: 'Mean of the engagement items, from 1 (strongly disagree) to 5 (strongly agree).',
    excx_teams: 'By team', excx_teams_help: 'n = number of answers. CSAT and NPS: customer surveys of the conversations the team handled; a relationship NPS (no team) counts for the team of the customer’s last contact in the 90 days before.',
    excx_correlations: 'Correlations across teams',
    excx_correlations_help: 'Each team counts as one point ({teams} teams). r near 1: the more engaged the team, the happier its customers; near −1: the reverse; near 0: no link.',
    excx_causation: 'A correlation across teams does not prove causation: other differences (kind of requests, channel, volume) may explain the link.',
    excx_lags: 'Over time: one month’s employee experience, and customers 0 to 6 months later',
    excx_lags_help: '{teams} teams, {ex} months of employee surveys, {cx} months of customer data. Each cell: Pearson r [95% interval] and n team-month pairs, then the within-team r (only each team’s changes count); r² = share of variance explained. Bold: the interval excludes 0. Greyed: too few teams, months or pairs for that cell.',
    excx_lag_pair: 'Employees → customers', excx_lag_col: '+{k} mo', excx_lag_r2: 'r² = {r2}', excx_lag_within: 'within teams {r}',
    measure_negativeShare: 'Negative emotion share', measure_replyEmpathy: 'Reply empathy', measure_recontactRate: 'Recontact within 7 days',
    excx_anchors: 'Published anchors', excx_anchors_help: 'Other organisations’ figures, on average: for comparison, not targets.',
    anchor_kind_meta: 'meta-analysis', anchor_kind_study: 'study', anchor_kind_claim: 'claim',
    correlation: 'Correlation', reading: 'Reading', pearson: 'Pearson r', spearman: 'Spearman ρ',
    pearson_help: 'Pearson linear correlation', spearman_help: 'Spearman rank correlation (less sensitive to extreme values)',
    n_teams_help: 'Number of teams with both measures',
    corr_strong_pos: 'Strong positive link', corr_moderate_pos: 'Moderate positive link', corr_weak_pos: 'Weak positive link',
    corr_strong_neg: 'Strong negative link', corr_moderate_neg: 'Moderate negative link', corr_weak_neg: 'Weak negative link', corr_none: 'No visible link',
    corr_indicative: 'indicative correlation: n = {n} teams',
    corr_no_variance: 'Not computable: the measure is the same for every team.',
    corr_not_enough: 'Not computed: needs at least {min} teams with both measures (n = {n}).',
    legend_customer: 'the customer', legend_agent: 'our agents', handled_by: 'handled by {who}',
    felt: 'Felt', no_emotion: 'no emotion detected', needs_label: 'Needs', not_analysed: 'Message not analysed yet.',
    week_of: 'week of {date}', latest_week: 'latest week: {value}', out_of_customers_one: 'out of {n} customer', out_of_customers_other: 'out of {n} customers',
    persona_segment: '{segment} segment', persona_channel: 'mostly via {channel}', score_help: 'Risk score from 0 to 100',
    in_language: 'in {language}', language_fr: 'French', language_en: 'English',
    nav_learn: 'Scorecards & value', learn_title: 'Scorecards and the value of customer experience',
    learn_lead: 'The customer metrics pay can be tied to, per team and per agent, then what a CX improvement is worth, every assumption sourced.',
    learn_scorecards: 'Scorecards by team', learn_scorecards_help: 'Explicit weights; every figure with the number of answers behind it; never a rank under {min} answers (the reason shows on hover). Hover a heading for its definition.',
    learn_no_teams: 'No team in the period.', learn_rank: 'Rank', learn_unranked: 'not ranked', learn_composite: 'Weighted score', learn_response_rate: 'Response rate',
    learn_filter_hint: 'The filters narrow the scorecards. Period: the messages, answers and closed cases of the period. Team: its agents’ replies, the survey answers counted for it (last contact) and its closed cases; by agent, that team’s agents. Segment, channel, brand, language: the conversations with a matching customer message (with all their replies and cases) and the matching survey answers (language: their conversation’s).',
    learn_value_unfiltered: 'The value model stays computed on all of the workspace’s data: it is a yearly figure, the filters do not change it.',
    learn_metric_nps: 'NPS', learn_metric_csat: 'CSAT', learn_metric_resolution: 'Resolution', learn_metric_timeToClose: 'Time to close', learn_metric_empathy: 'Empathy', learn_metric_retention: 'Retention',
    learn_pct: '{n}%', learn_hours: '{n} h', learn_csv: 'Export as CSV',
    learn_value: 'What a CX improvement is worth', learn_value_help: 'Each line with its computation; the outside benchmark (Temkin Group) is shown beside the total, never added to it.',
    learn_line: 'Line', learn_per_year: 'Per year', learn_computation: 'Computation', learn_total: 'Total', learn_benchmark: 'Outside benchmark (Temkin Group, 2015)',
    learn_assumptions: 'Assumptions', learn_assumption: 'Assumption', learn_value_col: 'Value', learn_origin: 'Origin', learn_source: 'Source',
    learn_origin_workspace: 'your data', learn_origin_default: 'default', learn_origin_user: 'set by you',
    learn_value_edit: 'Change an assumption below and recompute: nothing is stored, the page’s address keeps your figures (to share). Also: ecoute value --set key=value, or GET /api/value?key=value.',
    learn_recompute: 'Recompute', learn_reset: 'Back to the starting figures', learn_value_refused: 'Not recomputed: {message}',
    learn_scorecards_agent: 'Scorecards by agent', learn_no_agents: 'No agent in the period.',
    learn_agents_help: 'The same weights and the same rule: never a rank under {min} observations. An agent is scored only on the survey answers that name them, and time to close on the cases they own.',
    nav_maturity: 'CX maturity',
    // Alert rules (pages/rules.js).
    nav_rules: 'Alert rules', rules_title: 'Alert rules',
    rules_lead: 'What you want to know as soon as a customer writes it, and what to do then: open a case, e-mail someone, post to Slack or Teams.',
    rules_list: 'Active rules', rules_none: 'No rules yet: write the first one below.',
    rule_version: 'version {n}', rule_when: 'When', rule_then: 'Then', rule_alert_only: 'alert only', rule_remove: 'Remove the rule',
    rule_dedupe: 'At most one alert per customer in {window}.',
    rule_c_emotion: 'Emotion', rule_c_need: 'Need', rule_c_theme: 'Theme', rule_c_stage: 'Stage', rule_c_channel: 'Channel',
    rule_churn: 'Churn intent', rule_vulnerable: 'Vulnerable customer', rule_urgency_min: 'Urgency at least', rule_value_min: 'Customer value at least',
    rule_nps_detractor: 'detractor', rule_nps_passive: 'passive', rule_nps_promoter: 'promoter',
    rule_brand: 'Brand', rule_brand_own: 'our brand', rule_brand_competitor: 'competitor', rule_language: 'Language', rule_any: 'Any',
    rule_spike: 'Spike of {label}: ×{factor} the usual, at least {min} messages in {window}',
    rule_new: 'New rule', rule_name: 'Rule name',
    rule_conditions: 'Conditions: all must hold (several values of a list: any of them)',
    rule_actions: 'Actions', rule_action_case: 'Open a case', rule_case_owner: 'Case owner', rule_email: 'Notify by e-mail',
    rule_webhook: 'Webhook', rule_webhook_format: 'Webhook format',
    rule_dedupe_window: 'Dedupe window', rule_dedupe_help: 'One alert per customer and rule within this window: 30m, 24h, 7d… (0: every message).',
    rule_test: 'Test on past messages', rule_add: 'Add the rule', rule_added: 'Rule “{name}” added.', rule_error: 'Rule refused: {message}',
    rule_test_result: '{matched} of {scanned} messages match; {alerts} would have raised an alert. The most recent:',
    rule_test_held: 'held back: same customer within the window',
    alerts_recent: 'Recent alerts', alerts_none: 'No alerts yet.', alerts_count_one: '{n} alert', alerts_count_other: '{n} alerts',
    alert_ack: 'Mark as seen', alert_seen: 'Seen', alert_open: 'Walk in the customer’s shoes →',
    nav_deliveries: 'Deliveries', deliveries_title: 'Alert deliveries',
    deliveries_lead: 'Every e-mail and webhook call an alert sends goes through a durable outbox: where it goes, where it stands, how many tries, the next try, the last error. A failed delivery can be sent again once its receiver is fixed.',
    deliveries_status: 'Status', deliveries_all: 'All', deliveries_none: 'No deliveries yet: alert rules that e-mail someone or call a webhook create them.',
    deliveries_none_status: 'No deliveries with this status.', deliveries_count_one: '{n} delivery', deliveries_count_other: '{n} deliveries',
    delivery_pending: 'Pending', delivery_sending: 'Sending', delivery_delivered: 'Delivered', delivery_failed: 'Failed',
    delivery_destination: 'Destination', delivery_kind: 'Kind', delivery_attempts: 'Tries', delivery_next: 'Next try',
    delivery_error: 'Last error', delivery_alert: 'Alert', delivery_channel_email: 'E-mail', delivery_channel_webhook: 'Webhook',
    delivery_retry: 'Retry now', delivery_retry_refused: 'Retry refused: {message}',
    nav_data: 'Data', data_title: 'Data and GDPR',
    data_lead: 'Undo an import, erase a customer everywhere, set how long data is kept. Every action is final and written to the audit log.',
    data_imports: 'Imports', data_imports_help: 'Undoing an import deletes exactly what it added (conversations, messages, analyses, answers, cases) and keeps what existed before it; the file can then be imported again.',
    data_no_imports: 'No imports yet.', data_import_id: 'No.', data_imported_at: 'Date', data_source: 'Source', data_file: 'File',
    data_records: 'Records', data_added: 'Added', data_added_line: '+{records} records, +{messages} messages',
    data_undo: 'Undo the import', data_undo_confirm: 'Confirm: delete it all', data_undone: 'Import {file} undone: removed {removed}.',
    data_refused: 'Refused: {message}', data_removed_nothing: 'nothing',
    data_removed_conversations: '{n} conversation(s)', data_removed_messages: '{n} message(s)', data_removed_analyses: '{n} analysis(es)',
    data_removed_surveyAnswers: '{n} survey answer(s)', data_removed_employeeAnswers: '{n} employee answer(s)', data_removed_customers: '{n} customer(s)',
    data_removed_cases: '{n} case(s)', data_removed_alerts: '{n} alert(s)',
    data_erase_title: 'Erase a customer (right to erasure)', data_erase_help: 'Deletes their conversations, messages, analyses, corrections, survey scores, cases and alerts everywhere. The id is your source system’s; an e-mail address is accepted.',
    data_erase_label: 'Customer id', data_erase: 'Erase this customer', data_erase_confirm: 'Confirm the final erasure',
    data_erase_empty: 'Type the id of the customer to erase.', data_erased: 'Customer “{id}” erased: removed {removed}.',
    data_retention_title: 'Retention period', data_retention_help: 'Conversations whose last message is more than N months old are deleted when retention is applied (and before each scheduled digest of ecoute serve). 0 = keep everything.',
    data_retention_label: 'Months to keep (0 = keep everything)', data_retention_save: 'Save', data_retention_dry: 'Dry run',
    data_retention_apply: 'Apply now', data_retention_apply_confirm: 'Confirm the deletion',
    data_retention_saved: 'Retention: {months} months.', data_retention_off: 'No retention period: nothing will be deleted.',
    data_retention_would: 'Dry run, nothing deleted: would remove {removed} (last message before {cutoff}).',
    data_retention_done: 'Retention applied: removed {removed} (last message before {cutoff}).',
    nav_cases: 'Cases', cases_title: 'Cases to handle', cases_lead: 'Every customer to call back, with an owner and a due time; and the root causes that gather them.',
    case_open_from_message: 'Open a case', case_opening: 'Opening…', case_open_failed: 'Could not open the case: {message}',
    case_status: 'Status', case_owner: 'Owner', case_due: 'Due', case_title_col: 'Case', case_overdue: 'Overdue', case_overdue_only: 'Overdue only',
    case_status_open: 'Open', case_status_in_progress: 'In progress', case_status_waiting_customer: 'Waiting for customer', case_status_resolved: 'Resolved', case_status_closed: 'Closed',
    case_move_open: 'Reopen', case_move_in_progress: 'Start work', case_move_waiting_customer: 'Wait for customer', case_move_resolved: 'Mark resolved', case_move_closed: 'Close',
    cases_count_one: '{n} case', cases_count_other: '{n} cases',
    // The cases list with the shared filter bar (cases.js).
    cases_none_yet: 'No cases yet. Open one from a message in the listening station.',
    cases_no_match_help: 'No case matches. Widen the period, remove a filter, or clear them all.',
    cases_scope_hint: 'The period is the date each case was opened and the team is the case’s own; segment, channel, brand and language are those of the message that raised it.',
    case_figures_scoped: 'These figures cover the cases in the view filters (period, team, segment, channel, brand, language), not the status or owner filters.',
    case_back: '← Cases', case_raised_by: 'The message that raised it', case_no_message: 'Case opened without a message.',
    case_what_to_say: 'What to say', case_emotion: 'Emotion', case_need: 'Need', case_reason: 'Reason', case_urgency: 'Urgency',
    case_history: 'The customer’s whole history', case_history_count_one: '{n} message, across channels', case_history_count_other: '{n} messages, across channels', case_no_customer: 'Unknown customer: no history.',
    case_notes: 'Notes and case history', case_note_label: 'New note', case_add_note: 'Add note', case_note_empty: 'Write the note before adding it.',
    case_event_created: 'Case opened', case_event_assigned: 'Assigned to {text}', case_event_status: '{from} → {to}', case_event_note: 'Note',
    case_event_linked: 'Linked to a root cause', case_event_unlinked: 'Unlinked from its root cause', case_event_due: 'Due time changed', case_event_team: 'Team: {text}',
    case_by: 'by {actor}', case_reopened: 'reopened {n} times', case_save: 'Save', case_your_name: 'Your name', case_your_name_help: 'Recorded in the history of each action.',
    case_root_cause: 'Root cause', case_root_none: 'None', case_root_new: 'New: {name}', case_root_cases: '{title} · {cases}, {open}', case_root_open_one: '{n} open', case_root_open_other: '{n} open',
    listen_draft_reply: 'Draft a reply (reviewed by the coach)',
    case_coach: 'Your reply, reviewed by the coach', case_draft: 'Draft reply', case_coach_button: 'Review my draft', case_coach_score: 'Empathy score: {score}/100',
    case_coach_canned: 'Canned reply: make it personal.', case_coach_failed: 'The coach could not review it: {message}', case_coach_empty: 'Write a draft first.',
    case_dim_emotionalReaction: 'Emotional reaction', case_dim_interpretation: 'Interpretation', case_dim_exploration: 'Exploration', case_dim_ownership: 'Ownership', case_dim_personalization: 'Personalization',
    case_level_0: 'missing', case_level_1: 'generic', case_level_2: 'personal',
    case_figures: 'Closing the loop: the figures', case_figures_help: 'Medians and shares, with their count n; "—" below {min} cases.',
    case_first_response: 'First response', case_time_to_close: 'Time to close', case_overdue_share: 'Overdue', case_reopen_rate: 'Reopened', case_recovery: 'Recovery',
    case_recovery_help: 'The customer’s next sentiment after a closed case, minus that of comparable customers without one (−1 to 1).',
    case_overall: 'Overall', case_by_team: 'By team', case_by_root: 'By root cause', case_hours: '{n} h', case_days: '{n} d', case_error: 'Could not do that: {message}',
    maturity_title: 'Customer experience maturity',
    maturity_lead: 'Where your organisation stands on the maturity curve — transactional, interaction, engagement, empathy — and what to do next: {n} questions on listening, understanding, acting, learning and what holds them up.',
    maturity_questionnaire: 'Questionnaire',
    maturity_instructions: 'Answer for the organisation as it works today, not as it would like to work. Each question is answered from 1 to 5:',
    maturity_source: 'Source',
    maturity_answered_one: '{n} of {total} answered', maturity_answered_other: '{n} of {total} answered',
    maturity_submit: 'Save and see the result',
    maturity_missing_one: '{n} question still has no answer.', maturity_missing_other: '{n} questions still have no answer.',
    maturity_missing_first: 'Go to the first one: {question}',
    maturity_submit_error: 'The result could not be saved: {message}',
    maturity_evidence: 'Figures you measure (optional)',
    maturity_evidence_help: 'The next actions cite these figures, so you can hold your answers up against what is measured; leave blank whatever you do not measure. With no NPS entered, the workspace’s own is used once it has 30 answers.',
    maturity_evidence_listeningReadersLastMonth: 'Listening station readers last month',
    maturity_evidence_alertsClosedOnTimeShare: 'Alerts closed on time (%)',
    maturity_evidence_drillParticipation: 'Empathy drill participation (%)',
    maturity_evidence_nps: 'NPS (−100 to 100)',
    maturity_evidence_invalid: 'This figure is outside the possible values: {field}.',
    maturity_result: 'Your result', maturity_stage: 'Stage on the maturity curve:', maturity_curve: 'Maturity curve',
    maturity_stage_transactional: 'Transactional', maturity_stage_interaction: 'Interaction', maturity_stage_engagement: 'Engagement', maturity_stage_empathy: 'Empathy',
    maturity_overall: 'Overall score: {score}/100',
    maturity_first: 'first assessment: nothing to compare with yet',
    maturity_since_one: '{delta} point since the assessment of {date}', maturity_since_other: '{delta} points since the assessment of {date}',
    maturity_stage_moved: 'Stage changed: {from} → {to}.',
    maturity_by_dimension: 'Score by dimension (out of 100)',
    maturity_change_help: 'points since the previous assessment',
    maturity_next_actions: 'Next three actions',
    maturity_start_with: 'Start with:', maturity_your_answer: '(your answer: {answer}/5)',
    maturity_history: 'Assessment history',
    maturity_history_empty: 'No assessment saved yet: answer the questionnaire above.',
    maturity_trend: 'Overall score of the {n} assessments, oldest to newest',
    maturity_date: 'Date',
    nav_drills: 'Empathy drills', drills_title: 'Empathy drills',
    drills_lead: 'The drill of week {week}: real customer messages (redacted). What does this customer feel, what do they need, what would you reply?',
    drills_none: 'No analysed customer message fits a drill yet: import messages, then come back.',
    drills_participant: 'Your name', drills_team: 'Team (optional)', drills_candidate: 'Candidate label (not a name)',
    drills_scenario: 'Message {n}', drills_emotions: 'What the customer feels', drills_needs: 'What they need',
    drills_reply: 'Your reply', drills_submit: 'Send and see feedback', drills_name_missing: 'Give your name (or the candidate label) before sending.',
    drills_feedback: 'Feedback', drills_reading: 'Reading: {score}/100', drills_reply_score: 'Reply: {score}/100',
    drills_matched: 'Also seen by the analysis', drills_missed: 'Seen by the analysis, not by you', drills_extra: 'Not found by the analysis',
    drills_evidence: 'What the analysis saw, and where', drills_suggestions: 'Reply coach suggestions', drills_canned: 'Canned reply',
    drills_progress: 'Participation and progress', drills_progress_none: 'No drill done yet.',
    drills_filter_hint: 'The filters narrow the participation and progress below. Period: when the drill was done; team: the participant’s; segment, channel, brand, language: the customer message drilled on. This week’s messages above are not filtered.',
    drills_by_team: 'By team', drills_by_participant: 'By participant', drills_name: 'Name', drills_attempts: 'Attempts', drills_participants: 'Participants',
    drills_mean_reading: 'Mean reading', drills_mean_reply: 'Mean reply', drills_weeks: 'Weeks',
    drills_hiring_toggle: 'Hiring mode', drills_hiring_title: 'Hiring mode: decision support',
    drills_rubric: 'The rubric, the same for everyone', drills_hiring_attempts: 'Candidates’ drills (in the order they were made, never ranked)',
    drills_hiring_none: 'No candidate drill recorded.', drills_candidate_col: 'Candidate', drills_date: 'Date',
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

/** The Intl locale of the current language (numbers, dates, plural rules). */
function locale() {
  return lang === 'fr' ? 'fr-FR' : 'en-GB';
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

/**
 * A count in words: `${key}_one` or `${key}_other` chosen by the language's plural rules (French says
 * "0 message", "1 message"; English "0 messages", "1 message"), with {n} formatted.
 */
export function plural(key, count, vars = {}) {
  const rule = new Intl.PluralRules(locale()).select(count) === 'one' ? 'one' : 'other';
  return t(`${key}_${rule}`, { ...vars, n: num(count) });
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
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
}

/** A 0..1 share as a percentage. */
export function pct(share, digits = 0) {
  if (share === null || share === undefined) return '—';
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: digits }).format(share);
}

/** Money in the workspace currency (ISO 4217, sent by the API with the amounts). */
export function money(value, currency = 'EUR') {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(locale(), { style: 'currency', currency, maximumFractionDigits: 0 }).format(value);
}

/** A date (ISO string) in the current language. */
export function date(iso, withTime = false) {
  if (!iso) return '—';
  const d = new Date(iso);
  return new Intl.DateTimeFormat(locale(), withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }).format(d);
}

/** The time of day (ISO string) in the current language ("14:05"). */
export function time(iso) {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale(), { timeStyle: 'short' }).format(new Date(iso));
}

/**
 * An ISO week code ("2026-W47") as words: "semaine du 16 nov. 2026" / "week of 16 Nov 2026" (weeks
 * start on Monday, UTC, as in the insights). Unknown shapes are returned as they are.
 */
export function week(code) {
  const m = /^(\d{4})-W(\d{2})$/.exec(code ?? '');
  if (!m) return code ?? '—';
  // Monday of ISO week 1 is the Monday on or before 4 January.
  const jan4 = Date.UTC(Number(m[1]), 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000 + (Number(m[2]) - 1) * 7 * 86_400_000;
  const day = new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(monday));
  return t('week_of', { date: day });
}

/** A quotation in the typography of the UI language: « … » in French, “…” in English. */
export function quote(text) {
  return lang === 'fr' ? `«\u00a0${text}\u00a0»` : `“${text}”`;
}

/** The codes of a label kind, in the contract's order (for filter menus). */
export function labelCodes(kind) {
  return Object.keys(labels[kind] ?? labels[`${kind}s`] ?? {});
}
