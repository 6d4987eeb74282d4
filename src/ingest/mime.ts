import iconv from 'iconv-lite';

/**
 * Minimal MIME reader (RFC 5322 headers, RFC 2045 transfer encodings, RFC 2046 multipart,
 * RFC 2047 encoded words). Input is a "binary" string (one char per byte, latin1), so each part can
 * be decoded with its own charset.
 */
export interface MimeMessage {
  headers: Map<string, string>;
  /** Plain-text body (text/plain preferred, else text/html stripped of tags), decoded to Unicode. */
  text: string;
}

function splitHeaderBody(raw: string): { head: string; body: string } {
  const m = /\r?\n\r?\n/.exec(raw);
  if (!m) return { head: raw, body: '' };
  return { head: raw.slice(0, m.index), body: raw.slice(m.index + m[0].length) };
}

/** Parses unfolded headers; names are lowercased; the first occurrence wins. */
export function parseHeaders(head: string): Map<string, string> {
  const headers = new Map<string, string>();
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  for (const line of unfolded.split(/\r?\n/)) {
    const k = line.indexOf(':');
    if (k <= 0) continue;
    const name = line.slice(0, k).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(k + 1).trim());
  }
  return headers;
}

function decodeBytes(binary: string, charset: string | undefined): string {
  const cs = (charset ?? 'utf-8').toLowerCase().replace(/^"|"$/g, '');
  const bytes = Buffer.from(binary, 'latin1');
  if (cs === 'us-ascii' || cs === 'ascii') return bytes.toString('utf8');
  if (!iconv.encodingExists(cs)) return bytes.toString('utf8');
  // Mislabelled "iso-8859-1" mail is usually Windows-1252 (curly quotes, €): decode as the superset.
  return iconv.decode(bytes, cs === 'iso-8859-1' || cs === 'latin1' ? 'win1252' : cs);
}

/** Decodes RFC 2047 encoded words (=?charset?B|Q?...?=) in a header value. */
export function decodeHeaderValue(v: string): string {
  return v
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, cs: string, enc: string, data: string) => {
      const binary = enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('latin1')
        : decodeQuotedPrintable(data.replace(/_/g, ' '));
      return decodeBytes(binary, cs.replace(/\*.*$/, ''));
    });
}

/** Quoted-printable (RFC 2045 §6.7) to a binary string. */
export function decodeQuotedPrintable(s: string): string {
  return s.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function param(value: string | undefined, name: string): string | undefined {
  if (!value) return undefined;
  const m = new RegExp(`${name}\\s*=\\s*("([^"]*)"|[^;\\s]+)`, 'i').exec(value);
  return m ? (m[2] ?? m[1]) : undefined;
}

/** Strips HTML to text: drops style/script, turns block ends into newlines, decodes common entities. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(style|script)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h\d)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(+n))
    .replace(/&amp;/g, '&');
}

interface Part {
  type: string;
  text: string;
}

function readPart(raw: string, depth: number): Part[] {
  const { head, body } = splitHeaderBody(raw);
  const headers = parseHeaders(head);
  const ctype = headers.get('content-type') ?? 'text/plain';
  const type = ctype.split(';')[0].trim().toLowerCase();
  if (type.startsWith('multipart/') && depth < 5) {
    const boundary = param(ctype, 'boundary');
    if (!boundary) return [];
    const pieces = body.split(new RegExp(`\\r?\\n?--${boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:--)?[ \\t]*\\r?\\n?`));
    return pieces.slice(1).filter((p) => p.trim()).flatMap((p) => readPart(p, depth + 1));
  }
  if (!type.startsWith('text/')) return [];
  if (/attachment/i.test(headers.get('content-disposition') ?? '')) return [];
  const cte = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const binary = cte === 'base64'
    ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('latin1')
    : cte === 'quoted-printable' ? decodeQuotedPrintable(body) : body;
  const text = decodeBytes(binary, param(ctype, 'charset'));
  // Some senders omit Content-Type on HTML bodies; RFC 2045 would read them as text/plain.
  const sniffedHtml = !headers.has('content-type') && /^\s*<(!doctype|html|body|div|p)\b/i.test(text);
  return [{ type: sniffedHtml ? 'text/html' : type, text }];
}

/**
 * Raw 8-bit header bytes: RFC 6532 allows UTF-8 there, older mailers send Windows-1252. UTF-8 when
 * the bytes are valid UTF-8, else Windows-1252 (so "Résiliation" never becomes "RÃ©siliation").
 */
function decodeRawHeader(v: string): string {
  if (!/[\x80-\xff]/.test(v)) return v;
  const bytes = Buffer.from(v, 'latin1');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'win1252');
  }
}

/** Parses one RFC 5322 message given as a binary (latin1) string. */
export function parseMime(raw: string): MimeMessage {
  const { head } = splitHeaderBody(raw);
  const headers = parseHeaders(head);
  for (const [k, v] of headers) headers.set(k, decodeHeaderValue(decodeRawHeader(v)));
  const parts = readPart(raw, 0);
  const plain = parts.find((p) => p.type === 'text/plain');
  const html = parts.find((p) => p.type === 'text/html');
  const text = plain ? plain.text : html ? htmlToText(html.text) : '';
  return { headers, text: text.replace(/\r\n?/g, '\n') };
}

/**
 * Removes quoted replies and signatures: lines starting with ">", everything after an attribution
 * line ("Le ... a écrit :", "On ... wrote:"), an Outlook "-----Original Message-----"/"De :" block,
 * or a "-- " signature separator.
 */
export function stripQuotedReply(text: string): string {
  const out: string[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const joined = line + ' ' + (lines[i + 1] ?? '');
    if (/^\s*>/.test(line)) continue;
    if (/^-- ?$/.test(line)) break;
    if (/^\s*-{2,}\s*(Original Message|Message d'origine|Forwarded message|Message transféré)/i.test(line)) break;
    if (/^\s*(De|From)\s*:.+/.test(line) && /^\s*(Envoyé|Sent|Date)\s*:/.test(lines[i + 1] ?? '')) break;
    if (/^\s*Le\s.+a\s+écrit\s*:\s*$/.test(line) || /^\s*On\s.+wrote:\s*$/.test(line)) break;
    if (/^\s*Le\s.+$/.test(line) && /a\s+écrit\s*:\s*$/.test(joined) && !/a\s+écrit/.test(line)) break;
    out.push(line);
  }
  return out.join('\n').trim();
}
