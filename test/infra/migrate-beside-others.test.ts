/**
 * Two processes migrating one new SQLite file at once: the one whose transaction read the schema
 * before the other committed is refused its write at once ("database is locked", whatever
 * busy_timeout says). migrateBesideOthers reads again instead of failing the start.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateBesideOthers } from '../../src/infra/db/sqlite/open-database.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Two connections to one new WAL file, as two processes would hold them. */
function twoConnections(): { mine: Database.Database; theirs: Database.Database } {
  const dir = mkdtempSync(join(tmpdir(), 'yakjeong-migrate-'));
  dirs.push(dir);
  const path = join(dir, 'race.db');
  const mine = new Database(path);
  mine.pragma('busy_timeout = 5000');
  mine.pragma('journal_mode = WAL');
  mine.exec('CREATE TABLE applied (name TEXT)');
  const theirs = new Database(path);
  theirs.pragma('busy_timeout = 5000');
  return { mine, theirs };
}

describe('migrateBesideOthers', () => {
  it('reads again when another connection committed after its transaction read, and then applies', () => {
    const { mine, theirs } = twoConnections();
    let runs = 0;
    const refusals: string[] = [];
    migrateBesideOthers(() => {
      runs++;
      mine.exec('BEGIN');
      try {
        // What applies is read first, as drizzle's migrator does inside its transaction.
        mine.prepare('SELECT count(*) FROM applied').get();
        if (runs === 1) theirs.exec("INSERT INTO applied VALUES ('theirs')");
        mine.exec("INSERT INTO applied VALUES ('mine')");
        mine.exec('COMMIT');
      } catch (err) {
        refusals.push((err as { code?: string }).code ?? '');
        mine.exec('ROLLBACK');
        throw err;
      }
    });
    expect(refusals).toEqual(['SQLITE_BUSY_SNAPSHOT']);
    expect(runs).toBe(2);
    expect(mine.prepare('SELECT name FROM applied ORDER BY rowid').pluck().all()).toEqual(['theirs', 'mine']);
    mine.close();
    theirs.close();
  });

  it('lets any other failure through at once', () => {
    const { mine, theirs } = twoConnections();
    let runs = 0;
    expect(() =>
      migrateBesideOthers(() => {
        runs++;
        mine.exec('INSERT INTO missing VALUES (1)');
      }),
    ).toThrow(/no such table/);
    expect(runs).toBe(1);
    mine.close();
    theirs.close();
  });
});
