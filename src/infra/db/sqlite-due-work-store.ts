/** Kept while other branches import the SQLite store from here; new code uses ./sqlite/ or openStore. */
export * from './sqlite/sqlite-due-work-store.js';
