// Completes `npm run build`: tsc compiles the TypeScript under src/ to dist/, but the worker
// bootstrap is plain JavaScript that tsc does not copy. Plain Node, no dependency.
import { copyFileSync, mkdirSync } from 'node:fs';

mkdirSync('dist/runtime', { recursive: true });
copyFileSync('src/runtime/worker-bootstrap.mjs', 'dist/runtime/worker-bootstrap.mjs');
