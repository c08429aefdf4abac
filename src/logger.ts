/** The pino root logger; createLogger(name) gives a named child. Secrets are redacted. Logs go to stderr. */
import pino, { type Logger } from 'pino';

export type { Logger };

let root: Logger = pino(
  {
    level: 'info',
    redact: {
      paths: ['token', 'botToken', 'appToken', 'signingSecret', 'publicKey', 'clientSecret', 'stateSecret', 'secretKey', '*.token', '*.botToken', '*.clientSecret', '*.stateSecret', '*.secretKey', 'headers.authorization'],
      censor: '[redacted]',
    },
  },
  pino.destination(2),
);

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
