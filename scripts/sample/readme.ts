/** The sample's README and LICENSE, generated with the files so the counts stay true. */

export interface Counts {
  customers: number;
  atRisk: number;
  tickets: number;
  twitter: number;
  ticketRows: number;
  chats: number;
  emails: number;
  emailMessages: number;
  calls: number;
  social: number;
  byLang: { fr: number; en: number };
  /** Data rows per survey/review file name. */
  rows: Record<string, number>;
}

export const LICENSE_TEXT = `CC0 1.0 Universal (CC0-1.0) — Public Domain Dedication

The files in this directory were written for Écoute; they are fictional, and any resemblance to real
persons, companies or events is coincidental. "Azur Télécom", "Orbis Mobile" and "NovaBox" are
invented names. All e-mail addresses use reserved example domains; phone numbers, IBANs and card
numbers are random (checksum-valid only so that redaction can be tested).

To the extent possible under law, the authors have waived all copyright and related or neighbouring
rights to these files. See https://creativecommons.org/publicdomain/zero/1.0/legalcode
`;

/** README.md for sample/. */
export function readme(c: Counts): string {
  return `# Écoute sample: Azur Télécom (fictional)

A bundled, entirely fictional sample so you can try Écoute without your own data:
\`ecoute demo\` loads it, or import any file with \`ecoute ingest sample/<file>\`.
Regenerate with \`npm run sample\` (deterministic: seeded, byte-identical on every run).

**Azur Télécom** sells mobile plans and fibre boxes in France, Belgium and Québec, to French-speaking
(~60 %) and English-speaking (~40 %) customers. ${c.customers} customers (segments Particulier, Pro, Premium,
with an annual value), five teams (Facturation, Support technique, Service client, Fidélisation,
Customer Care EN) with named agents. Period: 2026-08-31 to 2026-11-20 (12 weeks).

What there is to find:
- a **fibre outage in Lyon** from 2026-11-09 (a spike in the last two weeks, all channels);
- a smaller **double direct debit** ("prélèvement en double") bump in October;
- **${c.atRisk} at-risk, high-value customers** who come back through several channels, unresolved, until they
  say they will leave (walk in their shoes);
- vulnerable customers (bereavement, an elderly parent's personal alarm), compliments worth sharing;
- agent replies of uneven quality: warm and specific, plain, **canned templates reused verbatim**, defensive;
- CX that follows EX: teams with low engagement in the employee survey get lower CSAT; the survey is a
  monthly pulse from 2026-03 that leads CX by two months (a team's mood shows in its survey before its
  customers feel it: the lagged EX → CX page, 0–6 months, finds it, and says 3 months are too few);
- personal data to redact in a few raw messages (e-mails, phone numbers, a mod-97-valid IBAN, a
  Luhn-valid card number) and near-misses that must survive (order and tracking numbers).

| File | Imitates | Content |
|---|---|---|
| \`tickets-zendesk.csv\` | Zendesk ticket export, one row per comment | ${c.tickets} tickets + ${c.twitter} Twitter mentions (Via "twitter"), ${c.ticketRows} rows |
| \`chats-intercom.jsonl\` | Intercom conversations export, one JSON per line | ${c.chats} chats |
| \`calls/*.vtt\`, \`calls/*.txt\` | call-recording transcripts (WebVTT with a NOTE metadata block; plain text with \`# key: value\` headers) | ${c.calls} calls |
| \`emails.mbox\` | a shared mailbox exported as mbox | ${c.emails} threads, ${c.emailMessages} messages |
| \`social.jsonl\` | a social-listening export, flat rows | ${c.social} public posts |
| \`nps-typeform.csv\` | Typeform NPS responses export (English headers, FR/EN answers) | ${c.rows['nps-typeform.csv']} answers |
| \`nps-crm-fr.csv\` | French CRM NPS export: **Windows-1252**, \`;\`, DD/MM/YYYY dates, multi-line cells | ${c.rows['nps-crm-fr.csv']} answers (French) |
| \`csat-after-contact.csv\` | post-contact CSAT (1–5) and CES (1–7, 7 = very easy) survey tied to team and agent | ${c.rows['csat-after-contact.csv']} answers |
| \`reviews-trustpilot.csv\` | Trustpilot reviews export; Azur Télécom and two competitors (Orbis Mobile, NovaBox) | ${c.rows['reviews-trustpilot.csv']} reviews |
| \`app-reviews.csv\` | app-store reviews of the "Azur & Moi" app, by version and territory | ${c.rows['app-reviews.csv']} reviews |
| \`employee-survey.csv\` | engagement survey: eNPS (0–10) and four items (1–5) per answer, by team and month | ${c.rows['employee-survey.csv']} answers |

Conversations by language: ${c.byLang.fr} French, ${c.byLang.en} English (tickets, chats, calls, e-mails, posts).

Every text was written for Écoute and composed from hand-written fragments by \`scripts/make-sample.ts\`
and \`scripts/sample/*.ts\`. Licence: CC0-1.0, see \`LICENSE\`.
`;
}
