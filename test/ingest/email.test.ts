import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ingestBytes } from './helpers.ts';

const CRLF = (s: string) => s.replace(/\n/g, '\r\n');

describe('e-mail', () => {
  it('.eml with quoted-printable UTF-8 body, encoded-word subject and a quoted reply stripped', async () => {
    const eml = CRLF([
      'Message-ID: <m1@client.example>',
      'From: =?UTF-8?Q?Ren=C3=A9e_Martin?= <renee@client.example>',
      'To: support@acme.example',
      'Subject: =?UTF-8?B?' + Buffer.from('Remboursement non reçu').toString('base64') + '?=',
      'Date: Tue, 16 Jan 2024 10:15:00 +0100',
      'X-Customer-Id: C-311',
      'X-Segment: Premium',
      'X-Team: Facturation',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Bonjour, je n=E2=80=99ai toujours pas re=C3=A7u mon rembourseme=',
      'nt. Appelez-moi au 06 98 76 54 32.',
      '',
      'Le lun. 15 janv. 2024 à 09:00, Support <support@acme.example> a écrit :',
      '> Votre remboursement part aujourd\'hui.',
    ].join('\n'));
    const r = await ingestBytes('plainte.eml', eml);
    expect(r.conversations).toHaveLength(1);
    const c = r.conversations[0];
    expect(c).toMatchObject({
      channel: 'email', subject: 'Remboursement non reçu', team: 'Facturation',
      customer: { externalId: 'C-311', segment: 'Premium' },
      startedAt: new Date('2024-01-16T09:15:00Z'),
    });
    expect(c.messages).toEqual([
      expect.objectContaining({ role: 'customer', author: 'Renée Martin', text: 'Bonjour, je n’ai toujours pas reçu mon remboursement. Appelez-moi au [PHONE].' }),
    ]);
  });

  it('.mbox: threads by References/In-Reply-To and by subject, base64 and ISO-8859-1 bodies, roles by sender', async () => {
    const latin = '@@LATIN1@@';
    const b64 = Buffer.from('Toujours rien reçu, je suis très déçu.\n', 'utf8').toString('base64');
    const mbox = [
      'From client@example.org Mon Jan 15 09:00:00 2024',
      'Message-ID: <a1@example.org>',
      'From: Paul <client@example.org>',
      'Subject: Colis en retard',
      'Date: Mon, 15 Jan 2024 09:00:00 +0000',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Mon colis n\'est pas arrivé.',
      '>From the tracking page it is stuck.',
      '',
      'From agent@acme.example Mon Jan 15 10:00:00 2024',
      'Message-ID: <a2@acme.example>',
      'In-Reply-To: <a1@example.org>',
      'From: Agent Acme <agent@acme.example>',
      'Subject: RE: Colis en retard',
      'Date: Mon, 15 Jan 2024 10:00:00 +0000',
      'Content-Type: text/plain; charset=ISO-8859-1',
      'Content-Transfer-Encoding: 8bit',
      '',
      latin,
      '',
      'From client@example.org Tue Jan 16 09:00:00 2024',
      'Message-ID: <a3@example.org>',
      'From: Paul <client@example.org>',
      'Subject: TR: Re: Colis en retard',
      'Date: Tue, 16 Jan 2024 09:00:00 +0000',
      'Content-Type: multipart/alternative; boundary="XYZ"',
      '',
      '--XYZ',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      b64,
      '--XYZ',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>ignored html</p>',
      '--XYZ--',
      '',
      'From other@example.net Wed Jan 17 09:00:00 2024',
      'Message-ID: <b1@example.net>',
      'From: other@example.net',
      'Subject: Question facture',
      'Date: Wed, 17 Jan 2024 09:00:00 +0000',
      '',
      '<html><body>Ma <b>facture</b> est fausse&nbsp;!</body></html>',
      '',
    ].join('\n');
    const [before, after] = mbox.split(latin);
    const bytes = Buffer.concat([Buffer.from(before), iconv.encode('Réponse: nous avons relancé le transporteur.', 'latin1'), Buffer.from(after)]);
    const r = await ingestBytes('boite.mbox', bytes);
    expect(r.rows).toBe(4);
    expect(r.conversations).toHaveLength(2);
    const [t1, t2] = r.conversations;
    expect(t1.messages.map((m) => [m.role, m.text])).toEqual([
      ['customer', "Mon colis n'est pas arrivé.\nFrom the tracking page it is stuck."],
      ['agent', 'Réponse: nous avons relancé le transporteur.'],
      ['customer', 'Toujours rien reçu, je suis très déçu.'],
    ]);
    expect(t1.customer?.externalId).toMatch(/^cust-[0-9a-f]{12}$/);
    expect(t1.naturalKey).toMatch(/^test:msg-[0-9a-f]{12}$/);
    expect(JSON.stringify(r.conversations)).not.toMatch(/@example\.(org|net)/);
    expect(t1.agent).toBe('Agent Acme');
    expect(t2.messages[0].text).toBe('Ma facture est fausse !');
  });

  it('decodes raw 8-bit headers: UTF-8 when valid, else Windows-1252', async () => {
    const head = (subject: Buffer) => Buffer.concat([
      Buffer.from('Message-ID: <h1@example.org>\nFrom: '), subject, Buffer.from(' <h@example.org>\nSubject: '), subject,
      Buffer.from('\nDate: Mon, 15 Jan 2024 09:00:00 +0000\n\nBonjour.\n'),
    ]);
    const utf8 = await ingestBytes('u.eml', head(Buffer.from('Hélène', 'utf8')));
    const cp1252 = await ingestBytes('w.eml', head(iconv.encode('Hélène', 'win1252')));
    for (const r of [utf8, cp1252]) expect(r.conversations[0]).toMatchObject({ subject: 'Hélène', messages: [{ author: 'Hélène' }] });
  });
});
