/**
 * The one shape of a chat adapter (console, Slack, Discord), so the composition root starts,
 * registers and stops each the same way and never needs to know which it has.
 */
import type { Platform } from '../../src/core/domain/types.js';
import type { Notifier } from '../../src/core/ports.js';

export interface ChatAdapter {
  /** Whose polls `notifier` posts for: the scheduler routes each poll's work by its platform. */
  readonly platform: Platform;
  /** Deadline announcements and reminders, which nobody's click asked for. */
  readonly notifier: Notifier;
  /** Connects or mounts its routes; resolves once it takes events (before the shared HTTP server listens). */
  start(): Promise<void>;
  /** Takes no new events and writes what is pending (poll message edits). */
  stop(): Promise<void>;
  /**
   * Resolves when the adapter has nothing more to do, as the console at the end of piped input.
   * Absent for adapters that serve until stopped.
   */
  readonly done?: Promise<void>;
}
