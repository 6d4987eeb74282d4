import { describe, expect, it } from 'vitest';
import { ingestBytes } from './helpers.ts';

describe('transcripts', () => {
  it('WebVTT with NOTE metadata, voice tags and "Name: text" cues', async () => {
    const vtt = [
      'WEBVTT',
      '',
      'NOTE',
      'id: appel-42',
      'customer: C-77',
      'segment: Particulier',
      'team: Support N1',
      'agent: Sophie',
      'date: 2024-06-10T14:00:00Z',
      'language: fr',
      '',
      '1',
      '00:00:01.000 --> 00:00:04.000',
      '<v Sophie>Bonjour, Sophie à votre écoute.</v>',
      '',
      '00:00:05.000 --> 00:00:09.500',
      '<v Client>Ma box ne marche plus depuis trois jours.',
      '',
      '00:00:10.000 --> 00:00:12.000',
      'Client: Je suis joignable au 07 11 22 33 44.',
      '',
      '00:01:00.000 --> 00:01:03.000',
      'Sophie: Je vous envoie un technicien.',
    ].join('\n');
    const r = await ingestBytes('appel.vtt', vtt);
    expect(r.conversations).toHaveLength(1);
    const c = r.conversations[0];
    expect(c).toMatchObject({ naturalKey: 'test:appel-42', channel: 'call', team: 'Support N1', agent: 'Sophie', customer: { externalId: 'C-77', segment: 'Particulier' } });
    expect(c.messages.map((m) => [m.role, m.text])).toEqual([
      ['agent', 'Bonjour, Sophie à votre écoute.'],
      ['customer', 'Ma box ne marche plus depuis trois jours. Je suis joignable au [PHONE].'],
      ['agent', 'Je vous envoie un technicien.'],
    ]);
    expect(c.messages[1].at.toISOString()).toBe('2024-06-10T14:00:05.000Z');
    expect(c.messages[0].language).toBe('fr');
  });

  it('SRT with # metadata; the file name is the default id', async () => {
    const srt = '# agent: Karim\n# date: 2024-06-11 09:00\n\n1\n00:00:00,500 --> 00:00:02,000\nKarim: Service client, bonjour.\n\n2\n00:00:02,500 --> 00:00:06,000\nAppelant: Je veux résilier.\n';
    const r = await ingestBytes('dir/call-7.srt', srt);
    const c = r.conversations[0];
    expect(c.naturalKey).toBe('test:call-7');
    expect(c.messages.map((m) => [m.role, m.author])).toEqual([['agent', 'Karim'], ['customer', 'Appelant']]);
    expect(c.startedAt.toISOString()).toBe('2024-06-11T09:00:00.000Z');
  });

  it('plain "Speaker: text" turns with continuation lines', async () => {
    const txt = '# id: chat-3\n# channel: chat\nConseillère: Bonjour !\nCliente: Ma commande 123456789 est en retard,\nelle devait arriver lundi.\nConseillère: Je regarde.\n';
    const r = await ingestBytes('chat-3.txt', txt);
    const c = r.conversations[0];
    expect(c.channel).toBe('chat');
    expect(c.messages.map((m) => [m.role, m.text])).toEqual([
      ['agent', 'Bonjour !'],
      ['customer', 'Ma commande 123456789 est en retard, elle devait arriver lundi.'],
      ['agent', 'Je regarde.'],
    ]);
  });

  it('a transcript without turns is reported', async () => {
    const r = await ingestBytes('vide.vtt', 'WEBVTT\n\nNOTE\nid: x\n');
    expect(r.conversations).toEqual([]);
    expect(r.rejected[0].reason).toMatch(/no speaker turns/);
  });
});
