import { fold } from '../core/fold.ts';
import type { Clock } from '../core/ports.ts';
import type { AuthorRole, Channel } from '../core/labels.ts';
import { roleInAuthor } from './author-role.ts';
import type { ConversationInput, MessageInput } from '../core/conversation.ts';
import { naturalKey } from './natural-key.ts';
import { normalizeChannel, parseAmount } from './normalize-values.ts';
import { parseDate } from './parse-date.ts';

/** One spoken turn: who, when (offset from the start of the call, ms) and what. */
export interface Turn {
  speaker: string;
  offsetMs: number;
  text: string;
}

/** A parsed transcript: metadata (id, customer, segment, value, team, agent, date, channel, language) and turns. */
export interface Transcript {
  meta: Record<string, string>;
  turns: Turn[];
}

const CUSTOMER_SPEAKERS = ['client', 'cliente', 'customer', 'caller', 'appelant', 'appelante', 'user', 'utilisateur'];
const AGENT_SPEAKERS = ['agent', 'conseiller', 'conseillere', 'support', 'operator', 'operateur', 'operatrice', 'service client'];

const TIMING = /^(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{3})\s+-->\s+/;

function timingMs(line: string): number | null {
  const m = TIMING.exec(line.trim());
  if (!m) return null;
  return ((+(m[1] ?? 0) * 60 + +m[2]) * 60 + +m[3]) * 1000 + +m[4];
}

/** Splits "Name: text" (speaker names up to 40 chars, no digits; "Paul (client)" allowed) into speaker and text. */
function splitSpeaker(line: string): { speaker: string; text: string } | null {
  const m = /^([\p{L}\[][\p{L} .'’()[\]-]{0,39}?)\s*:\s+(.*)$/u.exec(line);
  return m ? { speaker: m[1].trim(), text: m[2] } : null;
}

/** A cue's turn: "Name: text" split, else the whole text by an unnamed speaker. */
function speakerTurn(text: string, offsetMs: number): Turn {
  const s = splitSpeaker(text);
  return { speaker: s?.speaker ?? '', offsetMs, text: s?.text ?? text };
}

function readMetaLine(line: string, meta: Record<string, string>): boolean {
  const m = /^#?\s*([A-Za-z_]+)\s*:\s*(.*)$/.exec(line.trim());
  if (!m) return false;
  meta[m[1].toLowerCase()] = m[2].trim();
  return true;
}

/** WebVTT (W3C WebVTT): `NOTE` block metadata, cues with `<v Name>` voice spans or "Name: text". */
export function parseVtt(text: string): Transcript {
  const meta: Record<string, string> = {};
  const turns: Turn[] = [];
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n{2,}/);
  for (const block of blocks) {
    const lines = block.split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0 || /^WEBVTT/.test(lines[0])) {
      for (const l of lines.slice(1)) readMetaLine(l, meta);
      continue;
    }
    if (/^NOTE\b/.test(lines[0])) {
      const rest = [lines[0].replace(/^NOTE\s*/, ''), ...lines.slice(1)];
      for (const l of rest) if (l.trim()) readMetaLine(l, meta);
      continue;
    }
    const ti = lines.findIndex((l) => timingMs(l) !== null);
    if (ti < 0) continue;
    const offsetMs = timingMs(lines[ti])!;
    const body = lines.slice(ti + 1).join(' ');
    const voice = /<v(?:\.[^ >]+)?\s+([^>]+)>/.exec(body);
    const clean = body.replace(/<[^>]+>/g, '').trim();
    turns.push(voice ? { speaker: voice[1].trim(), offsetMs, text: clean } : speakerTurn(clean, offsetMs));
  }
  return { meta, turns };
}

/** SubRip (.srt): numbered cues with "HH:MM:SS,mmm --> ..." timings; leading `# key: value` metadata. */
export function parseSrt(text: string): Transcript {
  const meta: Record<string, string> = {};
  const turns: Turn[] = [];
  for (const block of text.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    const lines = block.split('\n').filter((l) => l.trim() !== '');
    const metaLines = lines.filter((l) => l.startsWith('#'));
    for (const l of metaLines) readMetaLine(l, meta);
    const rest = lines.filter((l) => !l.startsWith('#'));
    const ti = rest.findIndex((l) => timingMs(l) !== null);
    if (ti < 0) continue;
    turns.push(speakerTurn(rest.slice(ti + 1).join(' ').replace(/<[^>]+>/g, '').trim(), timingMs(rest[ti])!));
  }
  return { meta, turns };
}

/** Plain text "Speaker: text" turns; lines without a speaker continue the previous turn. */
export function parseTurns(text: string): Transcript {
  const meta: Record<string, string> = {};
  const turns: Turn[] = [];
  let inHeader = true;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (inHeader && line.startsWith('#') && readMetaLine(line, meta)) continue;
    inHeader = false;
    const s = splitSpeaker(line);
    if (s) turns.push({ speaker: s.speaker, offsetMs: turns.length, text: s.text });
    else if (turns.length > 0) turns[turns.length - 1].text += ' ' + line;
    else turns.push({ speaker: '', offsetMs: 0, text: line });
  }
  return { meta, turns };
}

/** File-wide options for transcriptToConversation. */
export interface TranscriptContext {
  sourceName: string;
  /** File name without directories: the default conversation id. */
  baseName: string;
  channel?: Channel;
  clock: Clock;
}

/**
 * Turns a transcript into a conversation. Speakers named like a customer (Client, Caller, Appelant...)
 * or an agent (Agent, Conseiller, the metadata "agent") get those roles; other speakers take the
 * opposite role of the identified side, and with no clue the first speaker is the agent (calls open
 * with the agent's greeting). Consecutive turns of one speaker are merged.
 */
export function transcriptToConversation(t: Transcript, ctx: TranscriptContext): ConversationInput {
  const meta = t.meta;
  const agentName = meta.agent ? fold(meta.agent) : undefined;
  const kind = (sp: string): AuthorRole | null => {
    const f = fold(sp);
    if (agentName && f === agentName) return 'agent';
    if (CUSTOMER_SPEAKERS.includes(f)) return 'customer';
    if (AGENT_SPEAKERS.includes(f)) return 'agent';
    // "Agent Marie", "Marie (conseillère)", "Service client": the role is in the label.
    return roleInAuthor(sp);
  };
  const known = t.turns.map((x) => kind(x.speaker));
  const hasAgent = known.includes('agent');
  const hasCustomer = known.includes('customer');
  const firstSpeaker = t.turns[0]?.speaker;
  const roleOf = (sp: string, k: AuthorRole | null): AuthorRole => {
    if (k) return k;
    if (hasAgent) return 'customer';
    if (hasCustomer) return 'agent';
    return sp === firstSpeaker ? 'agent' : 'customer';
  };
  const start = (meta.date && parseDate(meta.date)) || ctx.clock();
  const messages: MessageInput[] = [];
  let prev: string | undefined;
  t.turns.forEach((turn, i) => {
    if (!turn.text) return;
    if (prev === turn.speaker && messages.length > 0) {
      messages[messages.length - 1].text += ' ' + turn.text;
      return;
    }
    prev = turn.speaker;
    messages.push({
      role: roleOf(turn.speaker, known[i]),
      author: turn.speaker || undefined,
      at: new Date(start.getTime() + turn.offsetMs),
      text: turn.text,
      language: meta.language,
    });
  });
  const id = meta.id || ctx.baseName;
  const value = meta.value ? parseAmount(meta.value) ?? undefined : undefined;
  return {
    naturalKey: naturalKey(ctx.sourceName, id),
    externalId: id,
    channel: ctx.channel ?? (meta.channel ? normalizeChannel(meta.channel) : null) ?? 'call',
    team: meta.team,
    agent: meta.agent,
    customer: meta.customer ? { externalId: meta.customer, segment: meta.segment, value } : undefined,
    startedAt: start,
    messages,
    surveys: [],
  };
}
