import { describe, expect, it } from 'vitest';
import { detectColumns, normalizeHeader } from '../../src/ingest/header-aliases.ts';
import { ingestBytes } from './helpers.ts';

/** Maps each detected canonical field to the header text, for readable expectations. */
function detected(headers: string[]): Record<string, string> {
  const map = detectColumns(headers);
  return Object.fromEntries(Object.entries(map).map(([k, col]) => [k, headers[col!]]));
}

describe('header auto-detection', () => {
  it('normalises case, accents, punctuation and camelCase', () => {
    expect(normalizeHeader('  Date_de_Création ')).toBe('date de creation');
    expect(normalizeHeader('ResponseId')).toBe('response id');
    expect(normalizeHeader('Submit Date (UTC)')).toBe('submit date (utc)');
  });

  it('Zendesk ticket export', () => {
    const h = ['Id', 'Requester', 'Requester id', 'Subject', 'Description', 'Status', 'Via', 'Group', 'Assignee', 'Created at', 'Satisfaction Score'];
    expect(detected(h)).toMatchObject({
      conversationId: 'Id', customerName: 'Requester', customerId: 'Requester id', subject: 'Subject', text: 'Description',
      channel: 'Via', team: 'Group', agent: 'Assignee', at: 'Created at', csat: 'Satisfaction Score',
    });
  });

  it('Intercom conversation export', () => {
    const h = ['Conversation ID', 'Created at', 'User ID', 'User name', 'Channel', 'Assignee', 'Team', 'Conversation rating', 'Message'];
    expect(detected(h)).toMatchObject({
      conversationId: 'Conversation ID', at: 'Created at', customerId: 'User ID', customerName: 'User name', channel: 'Channel',
      agent: 'Assignee', team: 'Team', csat: 'Conversation rating', text: 'Message',
    });
  });

  it('Freshdesk ticket export', () => {
    const h = ['Ticket ID', 'Subject', 'Description', 'Status', 'Priority', 'Source', 'Agent', 'Group', 'Created time', 'Full name', 'Contact ID'];
    expect(detected(h)).toMatchObject({
      conversationId: 'Ticket ID', subject: 'Subject', text: 'Description', channel: 'Source', agent: 'Agent', team: 'Group',
      at: 'Created time', customerName: 'Full name', customerId: 'Contact ID',
    });
  });

  it('Trustpilot review export', () => {
    const h = ['Review ID', 'Review Created (UTC)', 'Review Stars', 'Review Title', 'Review Content', 'Review Language', 'Reference Id', 'Consumer Name'];
    expect(detected(h)).toMatchObject({
      conversationId: 'Review ID', at: 'Review Created (UTC)', csat: 'Review Stars', subject: 'Review Title', text: 'Review Content',
      language: 'Review Language', customerId: 'Reference Id',
    });
  });

  it('Google Play and App Store review exports', () => {
    const play = ['Package Name', 'App Version Name', 'Reviewer Language', 'Review Submit Date and Time', 'Star Rating', 'Review Title', 'Review Text'];
    expect(detected(play)).toMatchObject({ language: 'Reviewer Language', at: 'Review Submit Date and Time', csat: 'Star Rating', subject: 'Review Title', text: 'Review Text' });
    const apple = ['Date', 'Rating', 'Title', 'Review', 'Nickname', 'Version', 'Territory'];
    expect(detected(apple)).toMatchObject({ at: 'Date', csat: 'Rating', subject: 'Title', text: 'Review', author: 'Nickname' });
  });

  it('Typeform, SurveyMonkey and Qualtrics NPS exports', () => {
    const typeform = ['#', 'How likely are you to recommend Acme to a friend?', "What's the main reason for your score?", 'Start Date (UTC)', 'Submit Date (UTC)', 'Network ID'];
    expect(detected(typeform)).toMatchObject({
      conversationId: '#', nps: 'How likely are you to recommend Acme to a friend?', text: "What's the main reason for your score?", at: 'Submit Date (UTC)',
    });
    const monkey = ['Respondent ID', 'Collector ID', 'Start Date', 'End Date', 'Quelle est la probabilité que vous nous recommandiez ?', 'Pourquoi cette note ?'];
    expect(detected(monkey)).toMatchObject({
      conversationId: 'Respondent ID', at: 'Start Date', nps: 'Quelle est la probabilité que vous nous recommandiez ?', text: 'Pourquoi cette note ?',
    });
    const qualtrics = ['StartDate', 'EndDate', 'RecordedDate', 'ResponseId', 'Q1_NPS_GROUP', 'Q1', 'Q2'];
    expect(detected(qualtrics)).toMatchObject({ conversationId: 'ResponseId', at: 'StartDate' });
  });

  it('Qualtrics label rows supply the question texts and are not imported', async () => {
    const csv = [
      'StartDate,ResponseId,Q1,Q2',
      'Start Date,Response ID,How likely are you to recommend us?,Why did you give this score?',
      '"{""ImportId"":""startDate""}","{""ImportId"":""_recordId""}","{""ImportId"":""QID1""}","{""ImportId"":""QID2""}"',
      '2024-05-01 10:00:00,R_1,10,Great service',
      '2024-05-02 11:00:00,R_2,4,Slow delivery',
    ].join('\n');
    const r = await ingestBytes('qualtrics.csv', csv);
    expect(r.rejected).toEqual([]);
    expect(r.conversations.map((c) => [c.externalId, c.surveys[0]?.score, c.messages[0]?.text, c.channel])).toEqual([
      ['R_1', 10, 'Great service', 'survey'],
      ['R_2', 4, 'Slow delivery', 'survey'],
    ]);
  });

  it('French CRM headers (note, message, canal, date) import with DD/MM dates', async () => {
    const csv = 'Numéro;Date;Canal;Note;Message;Équipe;Conseiller;Segment;Valeur client\n' +
      'A-1;05/03/2024 14:30;Courriel;8;Livraison rapide;SAV;Inès;Pro;12 500,50\n';
    const r = await ingestBytes('crm.csv', csv);
    expect(r.conversations).toEqual([
      expect.objectContaining({
        externalId: 'A-1', channel: 'email', team: 'SAV', agent: 'Inès',
        startedAt: new Date('2024-03-05T14:30:00Z'),
        surveys: [{ kind: 'nps', score: 8, at: new Date('2024-03-05T14:30:00Z') }],
        customer: undefined,
      }),
    ]);
    expect(r.conversations[0].messages[0]).toMatchObject({ role: 'customer', text: 'Livraison rapide' });
  });

  it('review files default to the review channel; Zendesk good/bad CSAT maps to 5/1', async () => {
    const r = await ingestBytes('reviews.csv', 'Review ID,Review Stars,Review Content\nr1,★★☆☆☆,Bof\nr2,5 stars,Top\n');
    expect(r.conversations.map((c) => [c.channel, c.surveys[0].score])).toEqual([['review', 2], ['review', 5]]);
    const z = await ingestBytes('zd.csv', 'Id,Description,Satisfaction Score\n1,a,Good\n2,b,Bad\n3,c,Unoffered\n');
    expect(z.conversations.map((c) => c.surveys.map((s) => s.score))).toEqual([[5], [1], []]);
  });
});
