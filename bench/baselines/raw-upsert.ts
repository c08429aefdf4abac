/**
 * Baseline of the answer-path figure, fixed once and never tuned (issue #11): one prepared
 * better-sqlite3 upsert of one answer row in a transaction, on the same database file as the
 * engine's clicks. It writes a table of its own, shaped like an answer row and holding as many
 * rows, so it stays the same floor whatever shape the store gives answers.
 */
import type Database from 'better-sqlite3';

export interface RawUpsert {
  /** Adds a row without timing anything (seeding). */
  seed(rows: Iterable<{ pollId: number; userId: string; states: string }>): void;
  upsert(pollId: number, userId: string, states: string, at: number): void;
}

export function rawUpsert(sqlite: Database.Database): RawUpsert {
  sqlite.exec(`CREATE TABLE IF NOT EXISTS bench_answers (
    poll_id INTEGER NOT NULL, user_id TEXT NOT NULL, states TEXT NOT NULL, answered_at INTEGER NOT NULL,
    PRIMARY KEY (poll_id, user_id))`);
  const statement = sqlite.prepare(
    `INSERT INTO bench_answers (poll_id, user_id, states, answered_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (poll_id, user_id) DO UPDATE SET states = excluded.states, answered_at = excluded.answered_at`,
  );
  const write = sqlite.transaction((pollId: number, userId: string, states: string, at: number) => {
    statement.run(pollId, userId, states, at);
  });
  return {
    seed: sqlite.transaction((rows: Iterable<{ pollId: number; userId: string; states: string }>) => {
      for (const r of rows) statement.run(r.pollId, r.userId, r.states, 0);
    }),
    upsert: (pollId, userId, states, at) => write(pollId, userId, states, at),
  };
}
