/**
 * The layering the README promises, checked on the source text: no import cycle anywhere in src/
 * (type-only imports included: a cycle of types is still a knot to untie before moving a file),
 * the pure layers (core, ingest, analyze, insights, act, learn) never import the store, the
 * server, the CLI or the runtime shell, never touch the file system and never fetch; the store and
 * ingest do not lean on the analysis engine; migrations are frozen (they import no live app code).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'src');
const PURE = ['core', 'ingest', 'analyze', 'insights', 'act', 'learn'];
const SHELL = ['store', 'server', 'cli', 'runtime'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every `import … from` / `export … from` specifier of a file, with static `import()` calls. */
function specifiers(text: string): string[] {
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]);
}

/** The specifiers of imports that load code when the file runs (`import type` excluded). */
function valueSpecifiers(text: string): string[] {
  return [...text.matchAll(/(?:^|\n)\s*import\s+(?!type\s)[^;]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

const all = files(SRC);
const imports = new Map(all.map((f) => [f, specifiers(readFileSync(f, 'utf8'))]));
const local = (f: string): string[] => imports.get(f)!.filter((s) => s.startsWith('.')).map((s) => resolve(dirname(f), s));

describe('architecture', () => {
  it('has no import cycle in src/', () => {
    const state = new Map<string, 1 | 2>();
    const stack: string[] = [];
    const cycles: string[][] = [];
    const visit = (f: string): void => {
      state.set(f, 1);
      stack.push(f);
      for (const d of local(f)) {
        if (!imports.has(d)) continue;
        if (state.get(d) === 1) cycles.push(stack.slice(stack.indexOf(d)).map((x) => relative(SRC, x)));
        else if (!state.has(d)) visit(d);
      }
      stack.pop();
      state.set(f, 2);
    };
    for (const f of all) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });

  it('keeps the pure layers off the store, server, CLI, runtime, file system and network', () => {
    const offences: string[] = [];
    for (const f of all) {
      const layer = relative(SRC, f).split(/[\\/]/)[0];
      if (!PURE.includes(layer)) continue;
      for (const s of imports.get(f)!) {
        const target = s.startsWith('.') ? relative(SRC, resolve(dirname(f), s)).split(/[\\/]/)[0] : s;
        if (SHELL.includes(target) || /^node:fs/.test(target) || target === 'fs' || target === 'fs/promises') offences.push(`${relative(SRC, f)} imports ${s}`);
      }
      if (/\bfetch\(/.test(readFileSync(f, 'utf8'))) offences.push(`${relative(SRC, f)} calls fetch`);
    }
    expect(offences).toEqual([]);
  });

  it('keeps the store and ingest off the analysis engine, and migrations off all live app code', () => {
    const offences: string[] = [];
    for (const f of all) {
      const path = relative(SRC, f).split(/[\\/]/);
      for (const s of imports.get(f)!.filter((x) => x.startsWith('.'))) {
        const target = relative(SRC, resolve(dirname(f), s)).split(/[\\/]/)[0];
        if ((path[0] === 'store' || path[0] === 'ingest') && target === 'analyze') offences.push(`${path.join('/')} imports ${s}`);
      }
      // A migration may name the schema's types (erased when it runs), never run live code.
      if (path[1] === 'migrations' && path[2] !== 'index.ts') {
        for (const s of valueSpecifiers(readFileSync(f, 'utf8'))) if (s !== 'kysely') offences.push(`${path.join('/')} imports ${s}`);
      }
    }
    expect(offences).toEqual([]);
  });

  it('reads this repository (the checks above are not vacuous)', () => {
    expect(all.length).toBeGreaterThan(100);
    expect(local(join(SRC, 'analyze', 'analyze.ts')).some((d) => d.endsWith('compiled.ts'))).toBe(true);
  });
});
