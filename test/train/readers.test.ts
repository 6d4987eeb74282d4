import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readXedPairs } from '../../scripts/data/readers.ts';
import { buildExamples } from '../../scripts/train/examples.ts';

const saved = process.env.ECOUTE_DATA_DIR;
afterEach(() => {
  if (saved === undefined) delete process.env.ECOUTE_DATA_DIR; else process.env.ECOUTE_DATA_DIR = saved;
});

/** A data folder holding just the files buildExamples() reads, with the given XED pair rows. */
function dataFolder(pairs: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'ecoute-data-'));
  const put = (path: string, text: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  put('xed/pairs-en-fr.txt', pairs.join('\n') + '\n');
  put('xed/en-annotated.tsv', 'I hate this .\t1\n');
  put('xed/fr-projections.tsv', 'Je déteste ça.\t1\nOn verra demain.\t2\n');
  put('xed/neu_en.txt', '9\tOne moment please.\n');
  put('goemotions/emotions.txt', 'anger\nneutral\n');
  put('goemotions/train.tsv', 'So angry right now\t0\tid1\n');
  put('banking77/train.csv', 'text,category\nWhere is my card?,card_arrival\n');
  process.env.ECOUTE_DATA_DIR = dir;
  return dir;
}

const EN_PAIR = 'en/1965/59017/1.xml.gz\tfr/1965/59017/2.xml.gz\t732\t699\tWhat happened to you?\tQu\'est-ce qui t\'es arrivé ?';
const DA_PAIR = 'da/1954/46672/3.xml.gz\tfr/1954/46672/4.xml.gz\t13\t14\tDe mener en kiste at ligge i!\tTous morts, plutôt !';

describe('XED subtitle pairs', () => {
  it('name the language of the source line from its subtitle path: Danish lines are not English', () => {
    dataFolder([EN_PAIR, DA_PAIR]);
    expect(readXedPairs()).toEqual([
      { sourceLang: 'en', source: 'What happened to you?', fr: "Qu'est-ce qui t'es arrivé ?" },
      { sourceLang: 'da', source: 'De mener en kiste at ligge i!', fr: 'Tous morts, plutôt !' },
    ]);
  });

  it('project sentiment onto French lines from English sources only', () => {
    dataFolder([EN_PAIR, DA_PAIR]);
    const projected = buildExamples().filter((e) => e.source.startsWith('pairs-fr:'));
    expect(projected.map((e) => e.source)).toEqual(['pairs-fr:What happened to you?']);
  });
});

describe('French XED sentiment', () => {
  it('is smoothed towards neutral: an emotional French line also counts, at half weight, as neutral', () => {
    dataFolder([]);
    const fr = buildExamples().filter((e) => e.lang === 'fr' && e.text === 'Je déteste ça.');
    expect(fr.map((e) => [e.sent, e.weight, e.emo === null])).toEqual([[0, 1, false], [1, 0.5, true]]);
    // Anticipation alone gives no sentiment, so nothing to smooth.
    expect(buildExamples().filter((e) => e.text === 'On verra demain.')).toHaveLength(1);
  });
});
