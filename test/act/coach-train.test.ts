/**
 * The trainer on a small made-up corpus (written for this test, nothing copied from the data
 * folder): same bytes on every run, a model the runtime accepts, and one that learned something.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coachBatch, predictReply } from '../../src/act/coach/coach.ts';
import { checkCoachModel } from '../../src/runtime/analysis/load-coach-model.ts';
import { fitCoach, trainCoach, type LabelledReply } from '../../scripts/train/coach.ts';

const TEMPLATE_EN = 'Dear customer, thank you for your message. We are sorry for any inconvenience. Your request has been passed to the relevant team. Kind regards, Customer Service';
const TEMPLATE_FR = 'Madame, Monsieur, merci pour votre message. Nous sommes désolés pour la gêne occasionnée. Votre demande a été transmise au service concerné. Cordialement, Le Service Client';
const ITEMS = ['kettle', 'toaster', 'blender', 'heater', 'printer', 'router', 'scooter', 'camera'];
const OBJETS = ['bouilloire', 'imprimante', 'trottinette', 'machine à laver', 'tablette', 'box', 'cafetière', 'télévision'];

/** 32 made-up replies: per language, 4 tailored (all 2s), 4 canned (template). */
function fixture(): LabelledReply[] {
  const rows: LabelledReply[] = [];
  const add = (lang: string, i: number, customer: string, reply: string, good: boolean) => rows.push({
    id: `${lang}-${i}-${good ? 'g' : 't'}`, message_id: `${lang}-m${i}`, lang, customer, reply,
    emotional_reaction: good ? 2 : 1, interpretation: good ? 2 : 0, exploration: good ? 2 : 0, ownership: good ? 2 : 1,
    personalization: good ? 2 : 0, canned: !good, overall: good ? 5 : 2,
  });
  ITEMS.forEach((item, i) => {
    const n = 4100 + i * 37;
    const customer = `My ${item} from order ${n} stopped working after two days and I'm really frustrated, I need it for work.`;
    add('en', i, customer, `I'm sorry, a ${item} failing after two days is so frustrating when you need it for work. I've sent a replacement for order ${n}, arriving Thursday before noon, and I'll email you the tracking today. Is the old ${item} still boxed?`, true);
    add('en', i, customer, TEMPLATE_EN, false);
  });
  OBJETS.forEach((objet, i) => {
    const n = 7300 + i * 41;
    const customer = `Ma ${objet} (commande ${n}) est tombée en panne au bout d'une semaine, je suis vraiment déçue.`;
    add('fr', i, customer, `Je comprends votre déception : une ${objet} en panne après une semaine, ce n'est pas acceptable. J'ai lancé l'échange de la commande ${n}, un coursier passe jeudi avant 12h, et je vous rappelle demain. Avez-vous encore l'emballage ?`, true);
    add('fr', i, customer, TEMPLATE_FR, false);
  });
  return rows;
}

function writeFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ecoute-coach-train-'));
  mkdirSync(join(dir, 'ecoute-corpus'));
  writeFileSync(join(dir, 'ecoute-corpus', 'replies.jsonl'), fixture().map((r) => JSON.stringify(r)).join('\n') + '\n');
  return dir;
}

const OPTS = { epochs: 20, lr: 0.1, l2: 1e-4, minDf: 2, balanced: true, cannedThreshold: 0.5, duplicateJaccard: 0.6, shingle: { size: 3, hashes: 64, seed: 1997 }, seed: 2020 };

describe('trainCoach', () => {
  it('writes the same bytes on every run, whatever the line order', () => {
    const dir = writeFixture();
    const a = JSON.stringify(trainCoach(dir, OPTS));
    const b = JSON.stringify(trainCoach(dir, OPTS));
    expect(b).toBe(a);
    const shuffled = mkdtempSync(join(tmpdir(), 'ecoute-coach-train-'));
    writeFileSync(join(shuffled, 'replies.jsonl'), fixture().reverse().map((r) => JSON.stringify(r)).join('\n'));
    expect(JSON.stringify(trainCoach(shuffled, OPTS))).toBe(a);
    // A different seed gives different weights: the seed is really used.
    expect(JSON.stringify(trainCoach(dir, { ...OPTS, seed: 7 }))).not.toBe(a);
  });

  it('gives a model the runtime accepts, that learned the fixture', () => {
    const model = checkCoachModel(JSON.parse(JSON.stringify(trainCoach(writeFixture(), OPTS))));
    expect(model.version).toMatch(/^ecoute-coach-1\.0\+[0-9a-f]{8}$/);
    expect(model.canned.templates.length).toBe(2);
    // Overall rises with every dimension in the fixture: the fitted map must say so.
    expect(model.score.intercept + model.score.weights.ownership * 2).toBeGreaterThan(model.score.intercept);
    const customer = 'My lamp from order 9911 broke after two days and I am really frustrated, it was a gift.';
    const good = predictReply(customer, "I'm sorry, a lamp breaking after two days is so frustrating, especially as a gift. I've sent a new lamp for order 9911, arriving Friday before noon. Is the old lamp still boxed?", model);
    const bad = predictReply(customer, TEMPLATE_EN, model);
    expect(bad.canned).toBe(true);
    expect(good.canned).toBe(false);
    expect(good.score).toBeGreaterThan(bad.score);
    expect(good.dimensions.ownership).toBe(2);
  });

  it('rejects a corpus without customer text and an empty one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecoute-coach-train-'));
    writeFileSync(join(dir, 'replies.jsonl'), JSON.stringify({ id: 'x', reply: 'hi' }) + '\n');
    expect(() => trainCoach(dir, OPTS)).toThrow(/line 1: needs "customer" and "reply"/);
    expect(() => fitCoach([], OPTS)).toThrow(/no training replies/);
    expect(() => trainCoach(join(dir, 'nowhere'), OPTS)).toThrow(/No replies\.jsonl/);
  });

  it('canned batch detection works with a freshly trained model', () => {
    const model = trainCoach(writeFixture(), OPTS);
    const reply = 'Hello, we got your note and a colleague will look at it shortly. Have a nice day!';
    const results = coachBatch([{ id: 1, customer: 'Lost parcel 5512', reply }, { id: 2, customer: 'Wrong invoice 7781', reply }], model);
    expect(results.every((r) => r.canned)).toBe(true);
  });
});
