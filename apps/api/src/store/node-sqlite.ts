import type { OpenDatabase } from './database.ts'

type NodeSqlite = typeof import('node:sqlite')

/**
 * Loads node:sqlite at run time rather than with a static import, so that a Node.js without it
 * (older than 22.13) gets this message instead of a module link error.
 */
export function loadNodeSqlite(): NodeSqlite {
  const sqlite = process.getBuiltinModule?.('node:sqlite') as NodeSqlite | undefined
  if (!sqlite) {
    throw new Error(`Node.js ${process.version} has no node:sqlite; use Node.js 22.13 or later`)
  }
  return sqlite
}

export const openNodeDatabase: OpenDatabase = (path) => {
  const db = new (loadNodeSqlite().DatabaseSync)(path)
  return {
    exec: (sql) => db.exec(sql),
    prepare: (sql) => {
      const statement = db.prepare(sql)
      return {
        run: (...params) => statement.run(...params),
        // StatementSync.get() steps once and then resets the statement, and node:sqlite drops an
        // error that the reset raises. In autocommit mode that is where COMMIT fails (a full
        // disk, a deferred constraint), so get() returned a RETURNING row that was never stored.
        // all() steps to the end and throws it; every get() of the store reads at most one row.
        get: (...params) => statement.all(...params)[0],
        all: (...params) => statement.all(...params),
      }
    },
    close: () => db.close(),
  }
}
