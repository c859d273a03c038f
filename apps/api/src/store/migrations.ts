import type { SqlDatabase } from './database.ts'

/**
 * Schema changes in order. The database's `PRAGMA user_version` is the number of them applied;
 * append new steps, never edit a released one.
 */
const migrations: string[] = [
  `CREATE TABLE notes (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     body TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   ) STRICT`,
]

/**
 * Applies the migrations the database lacks, in one transaction, and returns the schema version.
 * It always writes `user_version`, so a database that is read-only for this process fails here,
 * at start, rather than on its first write request.
 */
export function migrate(db: SqlDatabase): number {
  db.exec('BEGIN IMMEDIATE')
  try {
    const row = db.prepare('PRAGMA user_version').get()
    const current = Number(row?.user_version ?? 0)
    if (current > migrations.length) {
      throw new Error(
        `Database schema version ${current} is newer than this build supports (${migrations.length})`,
      )
    }
    for (const sql of migrations.slice(current)) db.exec(sql)
    db.exec(`PRAGMA user_version = ${migrations.length}`)
    db.exec('COMMIT')
  } catch (error) {
    db.exec('ROLLBACK')
    throw error
  }
  return migrations.length
}
