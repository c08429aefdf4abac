/** Kept while other branches import the SQLite opener from here; new code uses ./sqlite/ or openStore. */
export * from './sqlite/open-database.js';
