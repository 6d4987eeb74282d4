/**
 * Hostile input, family "script and markup in messages": customers' words holding HTML, Slack
 * mentions and Markdown links go through a real import and analysis (real SQLite), then out through
 * `ecoute report` and `ecoute digest` in every format. Nothing a renderer would execute, link or
 * notify comes out raw; the words are still there, escaped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/main.ts';
import { captureOutput } from '../ingest/helpers.ts';
import { hostileDir, writeFile } from './helpers.ts';

const dir = hostileDir('markup');
afterAll(() => dir.cleanup());

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(2)>';
const CHANNEL = '<!channel>';
const HERE = '<!here>';
const MENTION = '<@U024BE7LH>';
const LINK = '[cliquez ici](https://evil.example/phish)';

const env = { DATABASE_URL: `sqlite:${dir.path}/markup.db`, ECOUTE_WORKERS: '1' };

async function run(args: string[]): Promise<string> {
  const { result, output } = await captureOutput(() => main(args, env));
  expect(result, output).toBe(0);
  return output;
}

beforeAll(async () => {
  const lines: string[] = [];
  for (let i = 0; i < 30; i++) {
    const day = `2026-11-${String(2 + (i % 5)).padStart(2, '0')}T10:00:00Z`;
    lines.push(JSON.stringify({
      id: `t${i}`, date: day, channel: 'ticket', customer_id: `C${i}`, customer_name: `Client ${IMG} ${i}`,
      text: `Service horrible, je suis furieux, remboursez-moi immédiatement ${SCRIPT} ${IMG} ${CHANNEL} ${HERE} ${MENTION} ${LINK} n°${i}`,
    }));
  }
  await run(['ingest', writeFile(dir, 'hostile.jsonl', lines.join('\n') + '\n')]);
}, 120_000);

/** Raw markup nothing may let through (in HTML, a Markdown link is plain text: only tags count). */
function expectInert(out: string, format: 'markdown' | 'html' | 'chat'): void {
  for (const raw of [SCRIPT, '<script', IMG, '<img', CHANNEL, HERE, MENTION]) expect(out).not.toContain(raw);
  if (format !== 'html') expect(out).not.toContain('](https://evil');
}

describe('script and markup in messages are inert in every output', () => {
  it('ecoute report --format md: raw HTML escaped, links broken, words kept', async () => {
    const out = await run(['report', '--format', 'md']);
    expectInert(out, 'markdown');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('[cliquez ici]\\(https://evil.example/phish)');
  });

  it('ecoute report --format html: escaped', async () => {
    const out = await run(['report', '--format', 'html']);
    expectInert(out, 'html');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('ecoute digest --format text (the Slack/Teams message): no <!channel>, <!here>, <@U…> or Markdown link', async () => {
    const out = await run(['digest', '--period', 'week', '--format', 'text']);
    expectInert(out, 'chat');
    expect(out).toContain('&lt;!channel&gt;');
    expect(out).toContain('&lt;@U024BE7LH&gt;');
    expect(out).toContain('[cliquez ici]\u200b(https://evil.example/phish)');
  });

  it('ecoute digest --format md and html (the e-mail bodies): escaped', async () => {
    for (const format of ['md', 'html'] as const) {
      const out = await run(['digest', '--period', 'week', '--format', format]);
      expectInert(out, format === 'md' ? 'markdown' : 'html');
      expect(out).toContain('&lt;script&gt;');
    }
  });
});
