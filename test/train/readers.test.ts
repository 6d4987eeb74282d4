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

/**
 * A data folder holding just the files buildExamples() reads, with the given XED pair rows. The lines
 * are made up, and none falls in the held-out or validation slice (scripts/data/split.ts).
 */
function dataFolder(pairs: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'ecoute-data-'));
  const put = (path: string, text: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  put('xed/pairs-en-fr.txt', pairs.join('\n') + '\n');
  put('xed/en-annotated.tsv', 'This modem drives me mad .\t1\n');
  put('xed/fr-projections.tsv', 'Ce modem me rend dingue.\t1\nLe technicien passe jeudi.\t2\n');
  put('xed/neu_en.txt', '9\tThe form is on page two.\n');
  put('goemotions/emotions.txt', 'anger\nneutral\n');
  put('goemotions/train.tsv', 'Third outage this week, furious\t0\tid1\n');
  put('banking77/train.csv', 'text,category\nHas my new card been posted yet?,card_arrival\n');
  process.env.ECOUTE_DATA_DIR = dir;
  return dir;
}

const EN_PAIR = 'en/2001/1/1.xml.gz\tfr/2001/1/2.xml.gz\t10\t12\tThe router keeps blinking red.\tLe routeur clignote encore en rouge.';
const DA_PAIR = 'da/2001/1/3.xml.gz\tfr/2001/1/4.xml.gz\t20\t21\tRegningen er forkert igen.\tLa facture est encore fausse.';

describe('XED subtitle pairs', () => {
  it('name the language of the source line from its subtitle path: Danish lines are not English', () => {
    dataFolder([EN_PAIR, DA_PAIR]);
    expect(readXedPairs()).toEqual([
      { sourceLang: 'en', source: 'The router keeps blinking red.', fr: 'Le routeur clignote encore en rouge.' },
      { sourceLang: 'da', source: 'Regningen er forkert igen.', fr: 'La facture est encore fausse.' },
    ]);
  });

  it('project sentiment onto French lines from English sources only', () => {
    dataFolder([EN_PAIR, DA_PAIR]);
    const projected = buildExamples().filter((e) => e.source.startsWith('pairs-fr:'));
    expect(projected.map((e) => e.source)).toEqual(['pairs-fr:The router keeps blinking red.']);
  });
});

describe('French XED sentiment', () => {
  it('is smoothed towards neutral: an emotional French line also counts, at half weight, as neutral', () => {
    dataFolder([]);
    const fr = buildExamples().filter((e) => e.lang === 'fr' && e.text === 'Ce modem me rend dingue.');
    expect(fr.map((e) => [e.sent, e.weight, e.emo === null])).toEqual([[0, 1, false], [1, 0.5, true]]);
    // Anticipation alone gives no sentiment, so nothing to smooth.
    expect(buildExamples().filter((e) => e.text === 'Le technicien passe jeudi.')).toHaveLength(1);
  });
});
