/**
 * Baseline of the Discord figures, fixed once and never tuned (issue #11): a node:http server that
 * verifies the Ed25519 signature with node:crypto and answers {"type":6} (deferred update), on
 * PORT with /healthz like ours, from the same environment variables.
 */
import { createPublicKey, verify } from 'node:crypto';
import { createServer } from 'node:http';

/** DER prefix that makes the raw 32-byte key an SPKI structure node:crypto accepts. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, Buffer.from(process.env.DISCORD_PUBLIC_KEY ?? '', 'hex')]), format: 'der', type: 'spki' });

createServer(async (req, res) => {
  if (req.method === 'GET' && req.url === '/healthz') return void res.writeHead(200).end('{"ok":true}');
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const timestamp = req.headers['x-signature-timestamp'];
  const signature = req.headers['x-signature-ed25519'];
  const signed = typeof timestamp === 'string' && typeof signature === 'string' && /^[0-9a-f]{128}$/i.test(signature);
  const ok = signed && verify(null, Buffer.concat([Buffer.from(timestamp), ...chunks]), key, Buffer.from(signature, 'hex'));
  res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' }).end(ok ? '{"type":6}' : '{"error":"invalid request signature"}');
}).listen(Number(process.env.PORT));
