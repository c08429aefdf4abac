/** Bolt and the Socket Mode client log through our pino logger, so there is one log stream. */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/logger.js';

function joined(parts: unknown[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : p instanceof Error ? p.message : JSON.stringify(p))).join(' ');
}

export function boltLogger(logger: Logger): BoltLogger {
  let log = logger;
  return {
    debug: (...msg: unknown[]) => log.debug(joined(msg)),
    info: (...msg: unknown[]) => log.info(joined(msg)),
    warn: (...msg: unknown[]) => log.warn(joined(msg)),
    error: (...msg: unknown[]) => log.error(joined(msg)),
    // The level is ours (LOG_LEVEL); Bolt only reads it.
    setLevel: () => undefined,
    getLevel: () => {
      const level = log.level;
      if (level === 'trace' || level === 'debug') return LogLevel.DEBUG;
      if (level === 'info') return LogLevel.INFO;
      if (level === 'warn') return LogLevel.WARN;
      return LogLevel.ERROR;
    },
    setName: (name: string) => {
      log = logger.child({ component: name });
    },
  };
}
