import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { OpenDatabase, SqlDatabase } from '../src/store/database.ts'
import { openNodeDatabase } from '../src/store/node-sqlite.ts'
import { openNoteStore } from '../src/store/notes-store.ts'

let folder: string
let path: string

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'notes-store-'))
  path = join(folder, 'notes.sqlite')
})

afterEach(() => {
  rmSync(folder, { recursive: true, force: true })
})

function userVersion(): number {
  const db = new DatabaseSync(path)
  const row = db.prepare('PRAGMA user_version').get()
  db.close()
  return Number(row?.user_version)
}

describe('openNoteStore', () => {
  it('creates the schema in WAL mode and keeps notes across reopening', () => {
    const first = openNoteStore(openNodeDatabase, path)
    expect(first.journalMode).toBe('wal')
    const note = first.create({ title: 'kept', body: '' })
    first.close()
    expect(userVersion()).toBe(1)

    const second = openNoteStore(openNodeDatabase, path)
    expect(second.get(note.id)).toEqual(note)
    second.close()
  })

  it('leaves no WAL file after a clean close', () => {
    const store = openNoteStore(openNodeDatabase, path)
    store.create({ title: 'checkpointed', body: '' })
    store.close()
    expect(existsSync(`${path}-wal`)).toBe(false)
  })

  it('rejects a database it cannot write', () => {
    openNoteStore(openNodeDatabase, path).close()
    const openReadOnly: OpenDatabase = (location) => {
      const db = new DatabaseSync(location, { readOnly: true })
      return {
        exec: (sql) => db.exec(sql),
        prepare: (sql) => db.prepare(sql),
        close: () => db.close(),
      }
    }
    expect(() => openNoteStore(openReadOnly, path)).toThrow(/readonly/)
  })

  it('throws when the commit of a write fails', () => {
    let db: SqlDatabase | undefined
    const open: OpenDatabase = (location) => {
      db = openNodeDatabase(location)
      return db
    }
    const store = openNoteStore(open, path)
    const note = store.create({ title: 'before', body: '' })
    // A deferred foreign key fails at COMMIT, after the statement has returned its row, as a
    // full disk does when the WAL cannot grow.
    db?.exec('PRAGMA foreign_keys = ON')
    db?.exec(`CREATE TABLE parents (id TEXT PRIMARY KEY);
      CREATE TABLE children (parent TEXT REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED);
      CREATE TRIGGER notes_insert AFTER INSERT ON notes BEGIN INSERT INTO children VALUES ('x'); END;
      CREATE TRIGGER notes_update AFTER UPDATE ON notes BEGIN INSERT INTO children VALUES ('x'); END;`)

    expect(() => store.create({ title: 'lost', body: '' })).toThrow('FOREIGN KEY constraint failed')
    expect(() => store.update(note.id, { title: 'lost' })).toThrow('FOREIGN KEY constraint failed')
    expect(store.list({ limit: 10 }).items.map((item) => item.title)).toEqual(['before'])
    store.close()
  })

  it('rejects a schema newer than this build', () => {
    const db = new DatabaseSync(path)
    db.exec('PRAGMA user_version = 99')
    db.close()
    expect(() => openNoteStore(openNodeDatabase, path)).toThrow(
      'Database schema version 99 is newer than this build supports (1)',
    )
  })
})
