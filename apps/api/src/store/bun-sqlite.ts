import { Database, type Statement } from 'bun:sqlite'
import type { OpenDatabase, SqlValue } from './database.ts'

export const openBunDatabase: OpenDatabase = (path) => {
  const db = new Database(path, { create: true, strict: true })
  const statements: Statement[] = []
  return {
    exec: (sql) => {
      db.run(sql)
    },
    prepare: (sql) => {
      const statement = db.prepare<Record<string, unknown>, SqlValue[]>(sql)
      statements.push(statement)
      return {
        run: (...params) => statement.run(...params),
        get: (...params) => statement.get(...params) ?? undefined,
        all: (...params) => statement.all(...params),
      }
    },
    close: () => {
      // SQLite defers closing while any statement is unfinalized, and with it the final WAL
      // checkpoint, which left notes.sqlite-wal behind after every clean stop.
      for (const statement of statements) statement.finalize()
      db.close()
    },
  }
}
