import type { AddressInfo, Server } from 'node:net';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { deliverDigest, type DigestMessage } from '../../src/runtime/digest/deliver-digest.ts';
import { ConfigError } from '../../src/core/errors.ts';
import { startSmtp } from '../setup/smtp-receiver.ts';

/** An HTTP receiver standing in for a Slack/Teams incoming webhook. */
function startWebhook(status = 200): Promise<{ server: HttpServer; url: string; bodies: { contentType: string; body: string }[] }> {
  const bodies: { contentType: string; body: string }[] = [];
  const server = createHttpServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      bodies.push({ contentType: String(req.headers['content-type']), body });
      res.writeHead(status).end(status === 200 ? 'ok' : 'nope');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/T000/SECRET`, bodies })));
}

const message: DigestMessage = {
  subject: 'Votre écoute client de la semaine — 2026-W46',
  text: '*Votre écoute client de la semaine*\n• NPS : 50 (+50)\n',
  html: '<!doctype html><html lang="fr"><body><h1>Digest NPS 50</h1></body></html>',
};

const servers: { close(): unknown }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => (s as Server).close(() => r(undefined)))));
});

describe('digest delivery', () => {
  it('sends the e-mail over SMTP and posts {"text"} to the webhook', async () => {
    const smtp = await startSmtp();
    const hook = await startWebhook();
    servers.push(smtp.server, hook.server);
    const result = await deliverDigest(message, {
      smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
      mailFrom: 'ecoute@example.test',
      mailTo: 'cx-team@example.test',
      webhookUrl: hook.url,
    });
    expect(result).toEqual({ email: 'sent', webhook: 'sent', errors: [] });
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0].from).toContain('<ecoute@example.test>');
    expect(smtp.mails[0].to).toEqual(['RCPT TO:<cx-team@example.test>']);
    expect(smtp.mails[0].data).toMatch(/^Subject: /m);
    expect(smtp.mails[0].data).toContain('text/plain');
    expect(smtp.mails[0].data).toContain('text/html');
    expect(smtp.mails[0].data).toContain('Digest NPS 50');
    expect(hook.bodies).toEqual([{ contentType: 'application/json', body: JSON.stringify({ text: message.text }) }]);
  });

  it('reports a failing channel without hiding the other, and never shows the webhook secret', async () => {
    const hook = await startWebhook(500);
    const smtp = await startSmtp();
    servers.push(hook.server, smtp.server);
    const result = await deliverDigest(message, { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, mailFrom: 'a@example.test', mailTo: 'b@example.test', webhookUrl: hook.url });
    expect(result.email).toBe('sent');
    expect(result.webhook).toBe('failed');
    expect(result.errors[0]).toContain('HTTP 500');
    expect(result.errors[0]).not.toContain('SECRET');
  });

  it('fails e-mail clearly when the SMTP server is unreachable', async () => {
    const closed = await startSmtp();
    const port = closed.port;
    await new Promise((r) => closed.server.close(() => r(undefined)));
    const result = await deliverDigest(message, { smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: 'a@example.test', mailTo: 'b@example.test' });
    expect(result.email).toBe('failed');
    expect(result.webhook).toBe('skipped');
    expect(result.errors[0]).toMatch(/E-mail via smtp:\/\/127\.0\.0\.1:\d+\/? failed: .*Check SMTP_URL/);
  });

  it('refuses to send when nothing is configured, naming the variables to set', async () => {
    await expect(deliverDigest(message, { mailFrom: 'a@example.test' })).rejects.toThrow(ConfigError);
    await expect(deliverDigest(message, { mailFrom: 'a@example.test' })).rejects.toThrow(/SMTP_URL.*MAIL_TO.*DIGEST_WEBHOOK_URL/);
  });
});
