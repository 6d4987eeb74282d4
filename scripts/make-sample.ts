/**
 * `npm run sample` — writes the bundled sample of the fictional company Azur Télécom into sample/:
 * tickets, chats, calls, e-mails, social posts, NPS/CSAT surveys, reviews and an employee survey.
 * Deterministic: a seeded PRNG, no Math.random, no wall clock; two runs give byte-identical files.
 * Usage: tsx scripts/make-sample.ts [--out DIR]
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Rng } from './sample/prng.ts';
import { planWorld } from './sample/world.ts';
import { buildThread, type Conv } from './sample/thread.ts';
import { buildCall, callToTxt, callToVtt } from './sample/calls.ts';
import { zendeskCsv } from './sample/zendesk.ts';
import { intercomJsonl } from './sample/intercom.ts';
import { mboxFile } from './sample/mbox.ts';
import { socialJsonl } from './sample/social.ts';
import { summarise } from './sample/experience.ts';
import { crmCsv, csatCsv, typeformCsv } from './sample/surveys.ts';
import { appReviewsCsv, trustpilotCsv } from './sample/reviews.ts';
import { employeeCsv } from './sample/employee.ts';
import { LICENSE_TEXT, readme, type Counts } from './sample/readme.ts';
import { isoDay } from './sample/dates.ts';
import { selfCheck } from './sample/self-check.ts';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const outDir = values.out ?? fileURLToPath(new URL('../sample/', import.meta.url));

const root = new Rng('azur-telecom-sample-v1');
const world = planWorld(root.fork('world'));
const threadRng = root.fork('threads');
const convs: Conv[] = world.plans.map((p) => (p.channel === 'call' ? buildCall(threadRng, p) : buildThread(threadRng, p)));
const byStart = (a: Conv, b: Conv) => a.start - b.start || a.plan.customer.id.localeCompare(b.plan.customer.id);
const tickets = convs.filter((c) => c.plan.channel === 'ticket' || (c.plan.channel === 'social' && c.plan.via === 'twitter')).sort(byStart);
const social = convs.filter((c) => c.plan.channel === 'social' && c.plan.via !== 'twitter').sort(byStart);
const chats = convs.filter((c) => c.plan.channel === 'chat').sort(byStart);
const emails = convs.filter((c) => c.plan.channel === 'email').sort(byStart);
const calls = convs.filter((c) => c.plan.channel === 'call').sort(byStart);

mkdirSync(outDir, { recursive: true });
rmSync(join(outDir, 'calls'), { recursive: true, force: true });
mkdirSync(join(outDir, 'calls'), { recursive: true });

const rowCounts: Record<string, number> = {};
const write = (name: string, data: string | Buffer) => writeFileSync(join(outDir, name), data);
/** Writes a CSV and remembers its number of records (CRLF-terminated; cells break lines with LF only). */
const writeCsv = (name: string, data: string | Buffer) => {
  write(name, data);
  rowCounts[name] = (typeof data === 'string' ? data : data.toString('latin1')).split('\r\n').length - 2;
};
write('tickets-zendesk.csv', zendeskCsv(tickets).text);
write('chats-intercom.jsonl', intercomJsonl(root.fork('intercom'), chats).text);
write('emails.mbox', mboxFile(root.fork('mbox'), emails));
write('social.jsonl', socialJsonl(social));
const callRng = root.fork('calls');
calls.forEach((conv, i) => {
  const id = `call-${String(i + 1).padStart(4, '0')}`;
  const base = `${isoDay(conv.start)}-${id}`;
  if (i % 8 === 5) write(`calls/${base}.txt`, callToTxt(conv, id));
  else write(`calls/${base}.vtt`, callToVtt(conv, id, callRng));
});

const experience = summarise(convs);
const typeform = typeformCsv(root.fork('typeform'), world.customers, experience);
writeCsv('nps-typeform.csv', typeform.text);
writeCsv('nps-crm-fr.csv', crmCsv(root.fork('crm'), world.customers, experience, typeform.ids));
writeCsv('csat-after-contact.csv', csatCsv(root.fork('csat'), convs.slice().sort(byStart)));
writeCsv('reviews-trustpilot.csv', trustpilotCsv(root.fork('trustpilot')));
writeCsv('app-reviews.csv', appReviewsCsv(root.fork('app')));
writeCsv('employee-survey.csv', employeeCsv(root.fork('employee')));

const counts: Counts = {
  customers: world.customers.length,
  atRisk: world.customers.filter((c) => c.atRisk).length,
  tickets: tickets.filter((c) => c.plan.via !== 'twitter').length,
  twitter: tickets.filter((c) => c.plan.via === 'twitter').length,
  ticketRows: tickets.reduce((n, c) => n + c.messages.length, 0),
  chats: chats.length,
  emails: emails.length,
  emailMessages: emails.reduce((n, c) => n + c.messages.length, 0),
  calls: calls.length,
  social: social.length,
  rows: rowCounts,
  byLang: { fr: convs.filter((c) => c.lang === 'fr').length, en: convs.filter((c) => c.lang === 'en').length },
};
write('README.md', readme(counts));
write('LICENSE', LICENSE_TEXT);
selfCheck(convs);
process.stdout.write(`sample written to ${outDir}\n${JSON.stringify(counts)}\n`);
