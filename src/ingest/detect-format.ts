import { InputError } from '../core/errors.ts';
import { archiveKind, detectEncoding, createDecoder, looksBinary } from './encoding.ts';

/** File formats `ecoute ingest` reads. */
export const FILE_FORMATS = ['csv', 'tsv', 'json', 'jsonl', 'vtt', 'srt', 'turns', 'eml', 'mbox'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

export const SUPPORTED_FORMATS_TEXT =
  'CSV/TSV (.csv, .tsv), JSON (.json), JSON Lines (.jsonl, .ndjson), WebVTT (.vtt), SubRip (.srt), ' +
  '"Speaker: text" transcripts (.txt), e-mail (.eml, .mbox)';

const BY_EXTENSION: Record<string, FileFormat> = {
  csv: 'csv', tsv: 'tsv', tab: 'tsv', json: 'json', jsonl: 'jsonl', ndjson: 'jsonl', vtt: 'vtt', srt: 'srt',
  eml: 'eml', mbox: 'mbox', mbx: 'mbox',
};

/** Guesses the format from the first bytes (used for .txt and unknown extensions, and to catch mislabelled files). */
export function sniffFormat(head: Uint8Array): FileFormat | null {
  const dec = createDecoder(detectEncoding(head));
  // The whole head at once (write + end): the line decoder hands back a line only once it ends.
  const text = (dec.write(head) + dec.end()).replace(/^\ufeff/, '');
  const start = text.trimStart();
  if (/^WEBVTT/.test(start)) return 'vtt';
  if (/^From \S+/.test(text)) return 'mbox';
  const lines = start.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (/^(\d+)\r?\n(\d{1,2}:)?\d{2}:\d{2},\d{3}\s+-->/.test(start.replace(/^(#.*\r?\n)+/, ''))) return 'srt';
  if (lines.slice(0, 5).some((l) => /^(Message-ID|Received|Return-Path|MIME-Version|Delivered-To|X-[\w-]+)\s*:/i.test(l)) &&
      lines.slice(0, 30).some((l) => /^(From|Subject|Date)\s*:/i.test(l))) return 'eml';
  if (start.startsWith('[')) return 'json';
  if (start.startsWith('{')) {
    const first = lines[0]?.trim() ?? '';
    try {
      JSON.parse(first);
      return 'jsonl';
    } catch {
      return 'json';
    }
  }
  const body = lines.filter((l) => !l.startsWith('#'));
  const speakerLines = body.filter((l) => /^[\p{L}[][\p{L} .'’()[\]-]{0,39}:\s+\S/u.test(l)).length;
  if (body.length > 0 && speakerLines / body.length >= 0.5) return 'turns';
  if (body.length > 0) {
    const header = body[0];
    if (header.includes('\t')) return 'tsv';
    if (header.includes(';') || header.includes(',')) return 'csv';
  }
  return null;
}

/**
 * Chooses the format of a file from its extension, then its content. Throws InputError naming the
 * file and the supported formats for empty, binary or unrecognisable files.
 */
export function detectFormat(fileName: string, head: Uint8Array): FileFormat {
  if (head.length === 0) {
    throw new InputError(`${fileName} is empty: there is nothing to import. Check that the export finished, then import the file again.`, { file: fileName });
  }
  // Checked before the extension: a zip bomb renamed .csv is refused from its first bytes, never inflated.
  const archive = archiveKind(head);
  if (archive) {
    throw new InputError(
      `${fileName} is ${archive}: Écoute does not read archives or compressed files (nothing was decompressed). Extract it yourself and import the files inside. Supported formats: ${SUPPORTED_FORMATS_TEXT}. Save spreadsheets as CSV.`,
      { file: fileName },
    );
  }
  if (looksBinary(head)) {
    throw new InputError(
      `${fileName} looks like a binary file (spreadsheet, archive or image?), not text. Supported formats: ${SUPPORTED_FORMATS_TEXT}. Save spreadsheets as CSV first.`,
      { file: fileName },
    );
  }
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const byExt = BY_EXTENSION[ext];
  if (byExt) return byExt;
  const sniffed = sniffFormat(head);
  if (sniffed) return sniffed;
  throw new InputError(
    `${fileName}: unrecognised format${ext ? ` (".${ext}")` : ''}. Supported formats: ${SUPPORTED_FORMATS_TEXT}. Rename the file with the right extension or convert it.`,
    { file: fileName },
  );
}
