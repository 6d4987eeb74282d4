/**
 * DIGEST_SCHEDULE on a database of several workspaces: each workspace with recipients gets its own digest,
 * computed from its own data and e-mailed (through the real loopback SMTP receiver) to its own recipients;
 * MAIL_TO receives the default workspace's digest only; a workspace without recipients gets none; no
 * digest carries another workspace's customers or verbatims.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/core/analysis.ts';
import { parseConfig } from '../../src/core/config.ts';
import { WorkspaceSettingsSchema } from '../../src/core/workspace.ts';
import { startConfiguredDigests } from '../../src/runtime/digest/scheduled-digests.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { startSmtp, type ReceivedMail } from '../setup/smtp-receiver.ts';
import { digestClock } from './digest-clock.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-digest-ws-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const angry = (theme: string, reason: string): Analysis => ({
  language: 'fr',
  sentiment: { label: 'negative', score: -0.8 },
  emotions: [{ label: 'anger', score: 0.9, evidence: null }],
  needs: [],
  themes: [{ label: theme, score: 0.9, evidence: null }],
  stage: { label: 'delivery', score: 0.8, evidence: null },
  signals: { churnIntent: true, urgency: 'high', vulnerable: false, repeatContact: false },
  reason,
});

/** One angry, analysed customer of `workspaceId` in the week of 16 November 2026. */
async function seed(store: Store, workspaceId: string, customer: string, text: string, analysis: Analysis): Promise<void> {
  await store.ensureWorkspace(workspaceId);
  const source = await store.ensureSource(workspaceId, 'fixture', 'test');
  const at = new Date('2026-11-18T10:00:00Z');
  await store.writeConversations(workspaceId, source, [{
    naturalKey: `${workspaceId}-k1`, channel: 'email', startedAt: at,
    customer: { externalId: customer, value: 2500 },
    messages: [{ role: 'customer', at, text, language: 'fr' }],
    surveys: [{ kind: 'nps', score: 2, at: new Date('2026-11-18T11:00:00Z') }],
  }]);
  const pending = await store.pendingAnalysis(workspaceId, 'fixture-1', 10);
  await store.saveAnalyses(workspaceId, 'fixture-1', pending.map((p) => ({ messageId: p.messageId, analysis })));
}

/** The mail as a reader sees it: quoted-printable soft breaks and escapes undone. */
function readable(mail: ReceivedMail): string {
  const bytes = mail.data.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

describe('scheduled digests for every workspace', () => {
  it('sends each workspace its own digest, to its own recipients, with none of another workspace’s data', async () => {
    const smtp = await startSmtp();
    const url = `sqlite:${path.join(dir, 'two.db')}`;
    const store = await openStore(url);
    try {
      await seed(store, 'acme', 'ACME-77', 'Trois semaines de retard pour mon colis ACMEPARCEL, je pars.', angry('delay', 'Colis en retard'));
      await seed(store, 'globex', 'GLOBEX-42', 'Ma facture GLOBEXBILL est fausse depuis deux mois, je resilie.', angry('billing', 'Facture fausse'));
      await seed(store, 'initech', 'INITECH-9', 'Personne ne repond INITECHCALL, je pars.', angry('delay', 'Pas de reponse'));
      const globex = await store.ensureWorkspace('globex');
      await store.updateWorkspaceSettings('globex', { ...globex.settings, digestTo: ['cx@globex.test', 'boss@globex.test'] });

      const config = parseConfig({
        DATABASE_URL: url, ECOUTE_WORKSPACE: 'acme', DIGEST_SCHEDULE: 'weekly',
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'ecoute@example.test', MAIL_TO: 'ops@acme.test',
      });
      const d = digestClock(); // Sunday 22 November, 20:00 local time
      const stop = startConfiguredDigests(store, config, d.clock, d.log, d.setTimer)!;
      d.fireAt(new Date(2026, 10, 23, 8));
      for (let i = 0; i < 200 && !(smtp.mails.length >= 2 && d.logged.includes('globex')); i++) await new Promise((r) => setTimeout(r, 20));
      stop();

      expect(smtp.mails).toHaveLength(2);
      const to = (addr: string) => smtp.mails.filter((m) => m.to.some((t) => t.includes(`<${addr}>`)));
      const [ours] = to('ops@acme.test');
      const [theirs] = to('cx@globex.test');
      expect(ours.to).toEqual(['RCPT TO:<ops@acme.test>']);
      expect(theirs.to).toEqual(['RCPT TO:<cx@globex.test>', 'RCPT TO:<boss@globex.test>']);

      const acmeText = readable(ours);
      expect(acmeText).toContain('2026-W47');
      expect(acmeText).toContain('ACME-77');
      expect(acmeText).toContain('ACMEPARCEL');
      for (const foreign of ['GLOBEX-42', 'GLOBEXBILL', 'INITECH-9', 'INITECHCALL']) expect(acmeText).not.toContain(foreign);

      const globexText = readable(theirs);
      expect(globexText).toContain('2026-W47');
      expect(globexText).toContain('GLOBEX-42');
      expect(globexText).toContain('GLOBEXBILL');
      for (const foreign of ['ACME-77', 'ACMEPARCEL', 'INITECH-9', 'INITECHCALL']) expect(globexText).not.toContain(foreign);

      // initech has no recipients of its own, and MAIL_TO is the default workspace's: nobody gets its digest.
      expect(smtp.mails.some((m) => readable(m).includes('INITECH'))).toBe(false);
      expect(d.logged).toContain('weekly digest: e-mail sent, webhook skipped.');
      expect(d.logged).toContain('weekly digest (workspace "globex"): e-mail sent, webhook skipped.');
      expect(d.logged).not.toContain('initech');
    } finally {
      await store.close();
      await smtp.close();
    }
  });

  it('says when no workspace has recipients, naming how to give them some', async () => {
    const url = `sqlite:${path.join(dir, 'none.db')}`;
    const store = await openStore(url);
    try {
      await store.ensureWorkspace('solo');
      const config = parseConfig({ DATABASE_URL: url, ECOUTE_WORKSPACE: 'solo', DIGEST_SCHEDULE: 'daily' });
      const d = digestClock();
      const stop = startConfiguredDigests(store, config, d.clock, d.log, d.setTimer)!;
      d.fireAt(new Date(2026, 10, 23, 8));
      for (let i = 0; i < 100 && !d.logged.includes('digest'); i++) await new Promise((r) => setTimeout(r, 20));
      stop();
      expect(d.logged).toMatch(/daily digest: no workspace has recipients\. Set MAIL_TO \(with SMTP_URL\) or DIGEST_WEBHOOK_URL for "solo", or `ecoute workspace --digest-to/);
    } finally {
      await store.close();
    }
  });

  it('accepts only e-mail addresses as a workspace’s digest recipients, naming the fix', () => {
    const bad = WorkspaceSettingsSchema.safeParse({ digestTo: ['not-an-address'] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].message).toBe('digest-to must list e-mail addresses such as team@example.com');
    expect(WorkspaceSettingsSchema.parse({ digestTo: ['a@b.test'] }).digestTo).toEqual(['a@b.test']);
  });
});
