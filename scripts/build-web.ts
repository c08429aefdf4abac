/** Bundles the web grid's script and styles (npm's `prepare` runs this on install; start rebuilds when stale). */
import { buildBundle } from '../adapters/web/bundle.js';

await buildBundle();
