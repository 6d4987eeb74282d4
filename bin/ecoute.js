#!/usr/bin/env node
// Entry point for `npx ecoute`: registers the TypeScript loader, then hands over to src/main.ts.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
