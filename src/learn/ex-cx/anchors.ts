import type { Localized } from '../../core/lang.ts';

/** A published figure shown beside the workspace's own, with where it comes from and how much it weighs. */
export interface PublishedAnchor {
  id: string;
  /** 'meta-analysis': pooled, peer-reviewable evidence; 'claim': a quoted vendor figure, shown as such. */
  kind: 'meta-analysis' | 'study' | 'claim';
  figure: Localized;
  source: string;
  url: string | null;
}

/**
 * The outside anchors of the EX ↔ CX page. They describe other organisations, averaged; they are not
 * targets, and a workspace's own lagged correlations (with their intervals) are what it should act on.
 */
export const EX_CX_ANCHORS: readonly PublishedAnchor[] = [
  {
    id: 'gallup-q12',
    kind: 'meta-analysis',
    figure: {
      fr: 'Les unités du quartile supérieur d’engagement obtiennent des indicateurs clients environ 10 % meilleurs que celles du quartile inférieur (fidélité / engagement client).',
      en: 'Business units in the top engagement quartile get customer metrics about 10% better than bottom-quartile units (customer loyalty / engagement).',
    },
    source: 'J. K. Harter et al., The Relationship Between Engagement at Work and Organizational Outcomes: 2020 Q12 Meta-Analysis, 10th ed., Gallup, 2020',
    url: 'https://www.gallup.com/workplace/321725/gallup-q12-meta-analysis-report.aspx',
  },
  {
    id: 'heskett-service-profit-chain',
    kind: 'study',
    figure: {
      fr: 'La chaîne service–profit : satisfaction des employés → valeur du service → satisfaction et fidélité des clients → croissance.',
      en: 'The service–profit chain: employee satisfaction → service value → customer satisfaction and loyalty → growth.',
    },
    source: 'J. L. Heskett, T. O. Jones, G. W. Loveman, W. E. Sasser, L. A. Schlesinger, Putting the Service-Profit Chain to Work, Harvard Business Review, March–April 1994',
    url: null,
  },
  {
    id: 'ibm-two-thirds',
    kind: 'claim',
    figure: {
      fr: 'Affirmation souvent citée et attribuée à IBM : l’engagement des employés expliquerait environ deux tiers des scores d’expérience client. Une affirmation, pas une méta-analyse ; Écoute ne l’a pas retracée jusqu’à une étude publiée.',
      en: 'A widely quoted claim attributed to IBM: employee engagement would drive about two thirds of customer-experience scores. A claim, not a meta-analysis; Écoute has not traced it to a published study.',
    },
    source: 'Attributed to IBM (Kenexa / Smarter Workforce Institute research), as quoted in CX trade press',
    url: null,
  },
];
