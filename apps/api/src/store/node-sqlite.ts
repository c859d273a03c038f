import { DatabaseSync } from 'node:sqlite'
import type { OpenDatabase } from './database.ts'

export const openNodeDatabase: OpenDatabase = (path) => {
  const db = new DatabaseSync(path)
  return {
    exec: (sql) => db.exec(sql),
    prepare: (sql) => {
      const statement = db.prepare(sql)
      return {
        run: (...params) => statement.run(...params),
        get: (...params) => statement.get(...params),
        all: (...params) => statement.all(...params),
      }
    },
    close: () => db.close(),
  }
}
