/**
 * Replies through an interaction's response_url: the JSON POST Bolt's respond() makes, sent with
 * node:http over kept-alive connections. Bolt's goes through fetch, whose web streams cost a
 * button click about a fifth of the bot's CPU under load (slack-clicks profile, issue #11).
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { RespondArguments } from '@slack/bolt';

/** A reply through a response_url: ours below, or Bolt's own where no url came with the request. */
export type Respond = (message: string | RespondArguments) => Promise<unknown>;

/** One post's bound: the same as one Web API attempt's. Not retried: a post that timed out may have landed. */
export const RESPONSE_URL_BOUND_MS = 15_000;

/** What a response_url answered when it was not 2xx (an expired url answers 404, a used-up one 403…). */
export class ResponseUrlError extends Error {
  constructor(
    readonly status: number,
    answer: string,
  ) {
    super(`response_url answered ${status}: ${answer.slice(0, 200)}`);
    this.name = 'ResponseUrlError';
  }
}

export function respondVia(url: string, boundMs = RESPONSE_URL_BOUND_MS): Respond {
  return async (message: string | RespondArguments) => {
    await postJson(url, JSON.stringify(typeof message === 'string' ? { text: message } : message), boundMs);
  };
}

function postJson(url: string, body: string, boundMs: number): Promise<void> {
  const target = new URL(url);
  const send = target.protocol === 'http:' ? httpRequest : httpsRequest;
  return new Promise<void>((resolve, reject) => {
    const req = send(
      target,
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }, timeout: boundMs },
      (res) => {
        const status = res.statusCode ?? 0;
        let answer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (answer.length < 200) answer += chunk;
        });
        res.on('end', () => (status >= 200 && status < 300 ? resolve() : reject(new ResponseUrlError(status, answer))));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`response_url did not answer within ${boundMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
