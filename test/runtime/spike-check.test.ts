import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/core/config.ts';
import { ConfigError } from '../../src/core/errors.ts';
import { checkSpikes, startConfiguredSpikeChecks, startSpikeChecks } from '../../src/runtime/act/spike-check.ts';
import { testRule } from '../../src/runtime/act/test-rule.ts';
import type { Store } from '../../src/store/store.ts';
import { dialectSuite } from '../store/dialects.ts';
import { analysis, conversation } from '../store/fixtures.ts';

const HOUR = 3_600_000;
const NOW = new Date('2026-03-10T12:00:00Z');

/** One billing complaint a day for the week before, then `today` of them in the last 24 hours. */
async function seed(store: Store, today: number): Promise<void> {
  const source = await store.ensureSource('w', 'csv', 'csv');
  const times = [
    ...Array.from({ length: 7 }, (_, d) => NOW.getTime() - (d + 1.5) * 24 * HOUR),
    ...Array.from({ length: today }, (_, i) => NOW.getTime() - (i + 1) * HOUR),
  ];
  const batch = times.map((t, i) => conversation(i, {
    startedAt: new Date(t),
    messages: [{ role: 'customer', at: new Date(t), text: `Facture fausse n°${i}`, language: 'fr' }],
    surveys: [],
  }));
  const { newMessageIds } = await store.writeConversations('w', source, batch);
  await store.saveAnalyses('w', 'v1', newMessageIds.map((messageId) => ({ messageId, analysis: analysis({ theme: 'billing' }) })));
}

const SPIKE = { kind: 'theme', label: 'billing', factor: 3, minCount: 5, window: '24h', baselineWindows: 7 };

dialectSuite('spike rules on a schedule', ({ open, target }) => {
  it('alerts once per spike and window, and its other conditions choose what is counted', async () => {
    let now = NOW;
    const store = await open(target(), () => now);
    await seed(store, 6);
    const rule = await store.addRule('w', { name: 'Pic facturation', conditions: { spike: SPIKE }, actions: [{ type: 'webhook', url: 'https://hooks.example/x', format: 'teams' }] });
    await store.addRule('w', { name: 'Pic facturation en chat', conditions: { spike: SPIKE, channel: 'chat' } });
    await store.addRule('w', { name: 'Churn', conditions: { churn: true } });
    const version = await store.dataVersion('w');

    expect(await checkSpikes(store, 'w', { clock: () => now })).toEqual({ rules: 2, spikes: 1, alerts: 1, skipped: 0 });
    const [alert] = await store.listAlerts('w');
    expect(alert).toMatchObject({ kind: 'spike', ruleId: rule.id, messageId: null, customerId: null, dedupeKey: `${rule.id}:spike:theme:billing` });
    expect(alert.message.split('\n').slice(0, 2)).toEqual([
      'Pic : Facturation — Pic facturation',
      'Facturation : 6 messages sur les dernières 24h, 6 fois la normale (1 par 24h en moyenne avant).',
    ]);
    const deliveries = await store.listDeliveries('w');
    expect(deliveries.map((d) => [d.format, d.idempotencyKey])).toEqual([['teams', `${rule.id}:1:spike@2026-03-10T00:00:00.000Z:0`]]);
    expect(await store.dataVersion('w')).toBe(version);

    // The next checks of the same spike add nothing.
    now = new Date(NOW.getTime() + 15 * 60_000);
    expect(await checkSpikes(store, 'w', { clock: () => now })).toEqual({ rules: 2, spikes: 1, alerts: 0, skipped: 1 });
    expect(await store.listAlerts('w')).toHaveLength(1);
    expect(await store.listDeliveries('w')).toHaveLength(1);
  });

  it('finds nothing below minCount or the factor, and rules test shows the windows where it would have fired', async () => {
    const store = await open(target(), () => NOW);
    await seed(store, 4);
    await store.addRule('w', { name: 'Pic', conditions: { spike: SPIKE } });
    expect(await checkSpikes(store, 'w', { clock: () => NOW })).toEqual({ rules: 1, spikes: 0, alerts: 0, skipped: 0 });
    const tested = await testRule(store, 'w', { name: 'Pic bas', conditions: { spike: { ...SPIKE, minCount: 3 } } }, { clock: () => NOW, since: new Date(NOW.getTime() - 3 * 24 * HOUR) });
    expect(tested).toMatchObject({ kind: 'spike', scanned: 3, matched: 1, alerts: 1 });
    expect(tested.spikes).toEqual([{ windowStart: new Date(NOW.getTime() - 24 * HOUR), windowEnd: NOW, count: 4, baseline: 1, ratio: 4 }]);
    expect(await store.listAlerts('w')).toEqual([]);
  });

  it('runs on a schedule until stopped', async () => {
    const store = await open(target(), () => NOW);
    await seed(store, 6);
    await store.addRule('w', { name: 'Pic', conditions: { spike: SPIKE } });
    const checks: number[] = [];
    const errors: unknown[] = [];
    let stop: () => Promise<void> = async () => undefined;
    await new Promise<void>((resolve) => {
      stop = startSpikeChecks(store, 'w', {
        intervalMs: 10, clock: () => NOW, onError: (e) => errors.push(e),
        onCheck: (c) => { checks.push(c.alerts); if (checks.length === 3) resolve(); },
      });
    });
    await stop();
    const seen = checks.length;
    await new Promise((r) => setTimeout(r, 50));
    expect(checks.length).toBe(seen);
    expect(checks.slice(0, 3)).toEqual([1, 0, 0]);
    expect(errors).toEqual([]);
  });
});

describe('spike check configuration', () => {
  it('reads ECOUTE_SPIKE_CHECK and ECOUTE_PUBLIC_URL, naming the variable when wrong', () => {
    expect(parseConfig({})).toMatchObject({ spikeCheck: '15m', publicUrl: undefined });
    expect(parseConfig({ ECOUTE_SPIKE_CHECK: '1h', ECOUTE_PUBLIC_URL: 'https://ecoute.example.com/' })).toMatchObject({ spikeCheck: '1h', publicUrl: 'https://ecoute.example.com' });
    expect(() => parseConfig({ ECOUTE_SPIKE_CHECK: 'often' })).toThrow(ConfigError);
    expect(() => parseConfig({ ECOUTE_SPIKE_CHECK: '10s' })).toThrow(/ECOUTE_SPIKE_CHECK "10s" must be "off" or a duration of at least 1m/);
    expect(() => parseConfig({ ECOUTE_PUBLIC_URL: 'ecoute.example.com' })).toThrow(/ECOUTE_PUBLIC_URL must be an http\(s\) address/);
  });

  it('starts nothing when off', () => {
    const config = parseConfig({ ECOUTE_SPIKE_CHECK: 'off' });
    expect(startConfiguredSpikeChecks({} as Store, config, () => NOW, { write: () => true })).toBeNull();
  });
});
