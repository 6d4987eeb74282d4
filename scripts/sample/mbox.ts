/**
 * E-mail threads as an mbox file: RFC 5322 headers with RFC 2047 encoded words for accented names and
 * subjects, References/In-Reply-To threading, X-Customer-Id/X-Team headers, bodies in quoted-printable
 * or 8-bit UTF-8, and agent replies that quote the previous message the way mail clients do.
 */
import type { Rng } from './prng.ts';
import { agentEmail } from './people.ts';
import type { Conv } from './thread.ts';
import { englishQuoteDate, frenchQuoteDate, mboxDate, rfc5322 } from './dates.ts';
import { hash32 } from './prng.ts';

const ASCII = /^[\x20-\x7e]*$/;

/** RFC 2047 "B" encoded word when the value is not plain ASCII. */
function encodeWord(value: string): string {
  return ASCII.test(value) ? value : `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}

/** Quoted-printable (RFC 2045) with soft breaks at 76 columns; input lines separated by \n. */
export function quotedPrintable(text: string): string {
  return text.split('\n').map((line) => {
    let enc = '';
    for (const byte of Buffer.from(line, 'utf8')) {
      const ch = String.fromCharCode(byte);
      enc += (byte >= 33 && byte <= 126 && ch !== '=') || byte === 32 ? ch : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    enc = enc.replace(/ $/, '=20');
    const out: string[] = [];
    while (enc.length > 75) {
      let cut = 75;
      const eq = enc.lastIndexOf('=', cut - 1);
      if (eq > cut - 3) cut = eq;
      out.push(`${enc.slice(0, cut)}=`);
      enc = enc.slice(cut);
    }
    out.push(enc);
    return out.join('\n');
  }).join('\n');
}

function mailbox(name: string, address: string): string {
  return `${encodeWord(name)} <${address}>`;
}

function teamAddress(team: string): string {
  const local: Record<string, string> = {
    Facturation: 'facturation', 'Support technique': 'support', 'Service client': 'service-client',
    Fidélisation: 'fidelisation', 'Customer Care EN': 'care',
  };
  return `${local[team] ?? 'contact'}@azur-telecom.example`;
}

function quoteTail(lang: string, at: number, who: string, text: string): string {
  const head = lang === 'fr' ? `Le ${frenchQuoteDate(at)}, ${who} a écrit :` : `On ${englishQuoteDate(at)}, ${who} wrote:`;
  return `\n\n${head}\n${text.split('\n').map((l) => (l ? `> ${l}` : '>')).join('\n')}`;
}

/** Escapes body lines that would be read as mbox separators. */
function mboxEscape(body: string): string {
  return body.replace(/^(>*From )/gm, '>$1');
}

/** Renders all threads as one mbox document. */
export function mboxFile(rng: Rng, convs: readonly Conv[]): string {
  const out: string[] = [];
  for (const conv of convs) {
    const c = conv.plan.customer;
    const ids: string[] = [];
    const subject = conv.subject;
    conv.messages.forEach((m, i) => {
      const fromAgent = m.role === 'agent';
      const domain = fromAgent ? 'azur-telecom.example' : c.email.split('@')[1];
      const msgId = `<${(hash32(`${c.id}/${m.at}/${i}`) >>> 0).toString(36)}.${m.at.toString(36)}@${domain}>`;
      const from = fromAgent ? mailbox(m.author, agentEmail(m.author)) : mailbox(c.name, c.email);
      const to = fromAgent ? mailbox(c.name, c.email) : mailbox(`Azur Télécom ${conv.team}`, teamAddress(conv.team));
      const prefix = i === 0 ? '' : conv.lang === 'fr' && rng.chance(0.5) ? 'RE: ' : 'Re: ';
      let body = m.text;
      if (i > 0 && rng.chance(0.6)) {
        const prev = conv.messages[i - 1];
        body += quoteTail(conv.lang, prev.at, prev.role === 'agent' ? prev.author : c.name, prev.text);
      }
      const qp = !ASCII.test(body.replace(/\n/g, '')) && rng.chance(0.55);
      const headers = [
        `From ${fromAgent ? agentEmail(m.author) : c.email} ${mboxDate(m.at)}`,
        `From: ${from}`,
        `To: ${to}`,
        `Subject: ${encodeWord(prefix + subject)}`,
        `Date: ${rfc5322(m.at)}`,
        `Message-ID: ${msgId}`,
      ];
      if (ids.length > 0) headers.push(`In-Reply-To: ${ids[ids.length - 1]}`, `References: ${ids.join(' ')}`);
      headers.push(
        `X-Customer-Id: ${c.id}`,
        `X-Segment: ${c.segment}`,
        `X-Customer-Value: ${c.value}`,
        `X-Team: ${encodeWord(conv.team)}`,
        'MIME-Version: 1.0',
        `Content-Language: ${conv.lang === 'fr' ? 'fr-FR' : 'en-GB'}`,
        'Content-Type: text/plain; charset=utf-8',
        `Content-Transfer-Encoding: ${qp ? 'quoted-printable' : '8bit'}`,
      );
      ids.push(msgId);
      out.push(`${headers.join('\n')}\n\n${mboxEscape(qp ? quotedPrintable(body) : body)}\n`);
    });
  }
  return out.join('\n');
}
