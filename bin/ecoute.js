#!/usr/bin/env node
// Entry point for `npx ecoute`. In a clone (development dependencies installed) it runs the
// TypeScript sources through tsx, so an edit is live at once; in an installed package, where tsx (a
// development dependency) is absent, it runs the compiled JavaScript in dist/ (`npm run build`).
let tsx = null;
try {
  tsx = await import('tsx/esm/api');
} catch (err) {
  if (err?.code !== 'ERR_MODULE_NOT_FOUND') throw err;
}
let main;
if (tsx) {
  tsx.register();
  ({ main } = await import('../src/main.ts'));
} else {
  ({ main } = await import('../dist/main.js'));
}
process.exitCode = await main(process.argv.slice(2));
