import { Database } from 'bun:sqlite'
import type { OpenDatabase, SqlValue } from './database.ts'

export const openBunDatabase: OpenDatabase = (path) => {
  const db = new Database(path, { create: true, strict: true })
  return {
    exec: (sql) => {
      db.run(sql)
    },
    prepare: (sql) => {
      const statement = db.prepare<Record<string, unknown>, SqlValue[]>(sql)
      return {
        run: (...params) => statement.run(...params),
        get: (...params) => statement.get(...params) ?? undefined,
        all: (...params) => statement.all(...params),
      }
    },
    close: () => db.close(),
  }
}
