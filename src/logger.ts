/**
 * The pino root logger; createLogger(name) gives a named child. Logs go to stderr.
 *
 * Secrets are kept out in two ways, because neither is enough alone:
 * - by key: fields named like a secret (tokens, signing secrets, passwords, authorization and
 *   signature headers) are censored wherever they sit in the objects logged, SDK errors included
 *   (an HTTP client's error holds its request config with the Authorization header);
 * - by value: the configured secrets (`redactSecretValues`, from main.ts) and their obvious
 *   encodings are replaced in every finished line, which also catches a token inside a string,
 *   such as a raw request header block or a message an SDK formatted itself.
 */
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

const CENSOR = '[redacted]';

/** Field names whose values are secrets, wherever they appear. */
const SECRET_KEYS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'clientSecret',
  'stateSecret',
  'secretKey',
  'metricsToken',
  'secret',
  'password',
  'authorization',
  'Authorization',
  'cookie',
  'set-cookie',
  'x-slack-signature',
  'x-signature-ed25519',
  'publicKey',
];

/** How deep a secret field is looked for: err.original.config.headers.Authorization sits under four levels. */
const MAX_NESTING = 4;

function redactPaths(): string[] {
  return SECRET_KEYS.flatMap((key) => {
    const field = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
    const paths = [field];
    for (let nesting = 1; nesting <= MAX_NESTING; nesting++) {
      paths.push(`${Array(nesting).fill('*').join('.')}${field.startsWith('[') ? '' : '.'}${field}`);
    }
    return paths;
  });
}

/** Every form a secret takes on its way into a log line, longest first so none is left half-replaced. */
function encodings(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const base64 = bytes.toString('base64');
  return [
    secret,
    JSON.stringify(secret).slice(1, -1),
    encodeURIComponent(secret),
    base64,
    base64.replace(/=+$/, ''),
    bytes.toString('base64url'),
    bytes.toString('hex'),
  ];
}

/** Shorter values are left alone: replacing them would mangle ordinary words in every line. */
const MIN_SECRET_LENGTH = 6;

let secretForms: string[] = [];

/** Values that must never appear in a log line in any form (the configured tokens, secrets and passwords). */
export function redactSecretValues(secrets: Iterable<string>): void {
  const forms = new Set(secretForms);
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    for (const form of encodings(secret)) forms.add(form);
  }
  secretForms = [...forms].sort((a, b) => b.length - a.length);
}

/** Text with every registered secret replaced; for what is written around the logger (start-up failures). */
export function withoutSecrets(text: string): string {
  let out = text;
  for (const form of secretForms) out = out.replaceAll(form, CENSOR);
  return out;
}

/** A logger with Yakjeong's redaction writing to `destination` (stderr by default; tests pass a buffer). */
export function buildLogger(destination: DestinationStream = pino.destination(2), level = 'info'): Logger {
  return pino(
    {
      level,
      redact: { paths: redactPaths(), censor: CENSOR },
      hooks: { streamWrite: withoutSecrets },
    },
    destination,
  );
}

let root: Logger = buildLogger();

export function configureLogger(level: string): void {
  root.level = level;
}

export function createLogger(name: string): Logger {
  return root.child({ name });
}

/** Tests swap in a silent or capturing logger. */
export function setRootLogger(logger: Logger): void {
  root = logger;
}
