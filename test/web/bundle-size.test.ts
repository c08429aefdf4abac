/** The page ships small: its script and styles together at most 60 KB gzipped, built fresh from the sources. */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BUNDLE_FILES, buildBundle, bundleIsStale } from '../../adapters/web/bundle.js';

describe('the web grid bundle', () => {
  it('is at most 60 KB of script and styles gzipped, and up to date after a build', async () => {
    await buildBundle();
    expect(bundleIsStale()).toBe(false);
    const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;
    const total = gz(BUNDLE_FILES.js) + gz(BUNDLE_FILES.css);
    expect(total).toBeLessThanOrEqual(60 * 1024);
    // The script reads no clock of its own: "now" comes from the server.
    expect(readFileSync(BUNDLE_FILES.js, 'utf8')).not.toMatch(/Date\.now|new Date\(\)/);
  });
});
