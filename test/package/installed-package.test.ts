/**
 * The package as a user installs it: `npm run build` compiles dist/, `npm pack` makes the tarball,
 * which is unpacked into a fresh node_modules beside the production dependencies but without tsx
 * (a development dependency). There `import { analyze, loadModel } from 'ecoute'` and the `ecoute`
 * command must work from the compiled JavaScript alone.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ecoute-pkg-'));
const modules = join(dir, 'node_modules');
const pkg = join(modules, 'ecoute');
// Asynchronous, so that the test worker keeps answering vitest while the build runs (a minute or more).
const run = promisify(execFile);

beforeAll(async () => {
  await run('npm', ['run', 'build'], { cwd: ROOT, timeout: 300_000 });
  const { stdout: out } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT, timeout: 120_000 });
  const tarball = join(dir, (JSON.parse(out) as { filename: string }[])[0].filename);
  mkdirSync(pkg, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', pkg, '--strip-components=1']);
  // The production dependencies (and theirs, hoisted) as an installer would lay them out; no tsx.
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (name === 'tsx' || name === '.bin' || name.startsWith('.')) continue;
    symlinkSync(join(ROOT, 'node_modules', name), join(modules, name));
  }
}, 420_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('installed package (dist/, no tsx)', () => {
  it('ships compiled JavaScript with types and no TypeScript loader', () => {
    expect(existsSync(join(pkg, 'dist', 'index.js'))).toBe(true);
    expect(existsSync(join(pkg, 'dist', 'index.d.ts'))).toBe(true);
    expect(existsSync(join(pkg, 'models', 'analyzer.json'))).toBe(true);
    expect(existsSync(join(modules, 'tsx'))).toBe(false);
  });

  it("answers `import { analyze, loadModel } from 'ecoute'`", async () => {
    const script = [
      "import { analyze, loadModel, THEMES } from 'ecoute';",
      'const model = await loadModel();',
      "const a = analyze('Mon colis n’est jamais arrivé et personne ne répond.', { model });",
      'console.log(JSON.stringify({ language: a.language, themes: a.themes.map((t) => t.label), known: a.themes.every((t) => THEMES.includes(t.label)) }));',
    ].join('\n');
    const out = JSON.parse((await run(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, timeout: 60_000 })).stdout);
    expect(out.language).toBe('fr');
    expect(out.themes.length).toBeGreaterThan(0);
    expect(out.known).toBe(true);
  });

  it('runs the `ecoute` command from dist/', () => {
    const out = execFileSync(process.execPath, [join(pkg, 'bin', 'ecoute.js'), 'analyze'], {
      cwd: dir, input: '{"id": "a1", "text": "Still no refund after three weeks, this is unacceptable."}\n', timeout: 60_000,
    }).toString();
    const line = JSON.parse(out.trim());
    expect(line).toMatchObject({ id: 'a1', language: 'en', sentiment: { label: 'negative' } });
  });
});
