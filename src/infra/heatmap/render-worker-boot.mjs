// Worker threads do not inherit the parent's TypeScript loader in every runner (vitest, a
// compiled start), so each worker registers tsx itself before loading the real entry.
import { register } from 'tsx/esm/api';

register();
await import('./render-worker.ts');
