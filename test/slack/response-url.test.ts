import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { respondVia, ResponseUrlError } from '../../adapters/slack/response-url.js';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

async function listen(handler: (req: IncomingMessage, body: string, res: ServerResponse) => void): Promise<string> {
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => handler(req, body, res));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/actions/T1/1/abc`;
}

describe('replies through a response_url', () => {
  it('posts the message as JSON, a bare string as {text}', async () => {
    const seen: Array<{ type: string | undefined; body: unknown }> = [];
    const url = await listen((req, body, res) => {
      seen.push({ type: req.headers['content-type'], body: JSON.parse(body) });
      res.end('ok');
    });
    await respondVia(url)({ text: 'Saved ✅', replace_original: true });
    await respondVia(url)('plain');
    expect(seen).toEqual([
      { type: 'application/json', body: { text: 'Saved ✅', replace_original: true } },
      { type: 'application/json', body: { text: 'plain' } },
    ]);
  });

  it('fails with the status and what Slack said when the url is refused (an expired one answers 404)', async () => {
    const url = await listen((_req, _body, res) => {
      res.statusCode = 404;
      res.end('expired_url');
    });
    const failure = await respondVia(url)('late').catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(ResponseUrlError);
    expect(failure).toMatchObject({ status: 404, message: 'response_url answered 404: expired_url' });
  });

  it('gives up on a url that never answers within its bound', async () => {
    const url = await listen(() => undefined);
    await expect(respondVia(url, 200)('hello?')).rejects.toThrow('response_url did not answer within 200 ms');
  });
});
