/**
 * Baseline of the Slack figures, fixed once and never tuned (issue #11): a Bolt app that
 * acknowledges every button and does nothing else, on the same receiver (Bolt's HTTPReceiver at
 * /slack/events) and port setup as ours (one server on PORT that also answers /healthz), with
 * the same environment variables.
 */
import { App } from '@slack/bolt';

const app = new App({
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  token: process.env.SLACK_BOT_TOKEN,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
  customRoutes: [{ path: '/healthz', method: ['GET'], handler: (_req, res) => res.writeHead(200).end('{"ok":true}') }],
});
app.action(/.*/, async ({ ack }) => ack());
await app.start(Number(process.env.PORT));
