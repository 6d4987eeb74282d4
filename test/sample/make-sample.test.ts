import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ibanIsValid } from '../../scripts/sample/pii.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function generate(out: string): void {
  const r = spawnSync(TSX, [join(ROOT, 'scripts', 'make-sample.ts'), '--out', out], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`make-sample failed: ${r.stderr}`);
}

/** Every file under dir, relative paths, sorted. */
function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]).sort();
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

describe('npm run sample', () => {
  let a: string;
  let b: string;
  beforeAll(() => {
    a = mkdtempSync(join(tmpdir(), 'sample-a-'));
    b = mkdtempSync(join(tmpdir(), 'sample-b-'));
    generate(a);
    generate(b);
  });
  afterAll(() => {
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
  });

  it('is deterministic and matches the committed sample/', () => {
    const files = listFiles(a);
    expect(listFiles(b)).toEqual(files);
    expect(listFiles(join(ROOT, 'sample'))).toEqual(files);
    for (const f of files) {
      const bytes = readFileSync(join(a, f));
      expect(readFileSync(join(b, f)).equals(bytes), `${f} differs between two runs`).toBe(true);
      expect(readFileSync(join(ROOT, 'sample', f)).equals(bytes), `sample/${f} is stale: run npm run sample`).toBe(true);
    }
  });

  it('writes the headers of the ingest formats contract', () => {
    const head = (f: string) => readFileSync(join(a, f), 'utf8').split('\r\n')[0];
    expect(head('tickets-zendesk.csv')).toBe('Ticket ID,Comment ID,Created at,Via,Author type,Author,Requester ID,Requester name,Segment,Annual value,Group,Assignee,Subject,Comment,Language');
    expect(head('nps-typeform.csv')).toBe('#,How likely are you to recommend Azur Télécom to a friend or colleague?,What is the main reason for your score?,Customer ID,Segment,Language,Submit Date (UTC)');
    expect(head('csat-after-contact.csv')).toBe('Response ID,Date,Customer ID,Team,Agent,CSAT,CES,Comment');
    expect(head('reviews-trustpilot.csv')).toBe('Review ID,Company,Review Created (UTC),Review Stars,Review Title,Review Content,Language');
    expect(head('app-reviews.csv')).toBe('Review ID,Date,Rating,Title,Review,App Version,Territory');
    expect(head('employee-survey.csv')).toBe('team,period,enps,engagement_recognition,engagement_tools,engagement_workload,engagement_manager,comment');
    const vtt = listFiles(join(a, 'calls')).filter((f) => f.endsWith('.vtt'));
    expect(vtt.length).toBeGreaterThan(20);
    expect(readFileSync(join(a, 'calls', vtt[0]), 'utf8')).toMatch(/^WEBVTT\n\nNOTE\nid: .+\ncustomer: AZ-\d+\n/);
  });

  it('encodes the French CRM export in Windows-1252 with semicolons and French dates', () => {
    const raw = readFileSync(join(a, 'nps-crm-fr.csv'));
    expect(raw.toString('utf8')).toContain('\uFFFD');
    const text = iconv.decode(raw, 'win1252');
    expect(text.split('\r\n')[0]).toBe('numero;date;canal;client;segment;note;message');
    expect(text).toMatch(/;\d{2}\/\d{2}\/2026 \d{2}:\d{2};Enquête/);
  });

  it('carries checksum-valid personal data and near-misses for redaction', () => {
    const all = ['tickets-zendesk.csv', 'chats-intercom.jsonl', 'emails.mbox'].map((f) => readFileSync(join(a, f), 'utf8')).join('\n');
    const ibans = all.match(/FR\d{2}(?: \d{4}){5} \d{3}/g) ?? [];
    expect(ibans.length).toBeGreaterThan(0);
    for (const iban of ibans) expect(ibanIsValid(iban)).toBe(true);
    const cards = all.match(/\b4970(?: \d{4}){3}\b/g) ?? [];
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) expect(luhnValid(card.replace(/ /g, ''))).toBe(true);
    expect(all).toMatch(/(?:\+33 |0)[67](?: \d{2}){4}/);
    expect(all).toMatch(/[Cc]ommande n° \d{4} \d{4}/);
    expect(all).toMatch(/6A\d{11}/);
  });

  it('stays small enough to ship', () => {
    const total = listFiles(a).reduce((n, f) => n + statSync(join(a, f)).size, 0);
    expect(total).toBeLessThan(3 * 1024 * 1024);
  });
});
