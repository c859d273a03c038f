import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { CreateNote, ListNotesQuery, Note, NoteList, UpdateNote } from '@repo/shared'
import { v7 as uuidv7 } from 'uuid'
import type { OpenDatabase, SqlDatabase } from './database.ts'
import { migrate } from './migrations.ts'

export interface NoteStore {
  create(input: CreateNote): Note
  get(id: string): Note | undefined
  list(query: ListNotesQuery): NoteList
  /** Returns the updated note, or undefined when no note has that id. */
  update(id: string, patch: UpdateNote): Note | undefined
  /** Returns false when no note has that id. */
  delete(id: string): boolean
  /** Throws unless the database responds to a query. */
  ping(): void
  close(): void
  /** The opened database: its absolute file path, or `:memory:`. */
  readonly location: string
  /** SQLite's journal mode after opening: `wal` for a file, `memory` for `:memory:`. */
  readonly journalMode: string
}

const MEMORY = ':memory:'

function toNote(row: Record<string, unknown>): Note {
  return {
    id: String(row.id),
    title: String(row.title),
    body: String(row.body),
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
  }
}

function configure(db: SqlDatabase, inMemory: boolean): string {
  // WAL lets /ready and reads run beside a write; synchronous=FULL makes a committed write
  // durable before the 2xx goes out, not only across a process restart but a power loss too.
  const mode = inMemory ? 'memory' : 'wal'
  const row = db.prepare(`PRAGMA journal_mode = ${mode.toUpperCase()}`).get()
  const journalMode = String(row?.journal_mode ?? '')
  if (journalMode !== mode) {
    throw new Error(`SQLite kept journal_mode=${journalMode} when set to ${mode}`)
  }
  db.exec('PRAGMA synchronous = FULL')
  db.exec('PRAGMA busy_timeout = 5000')
  return journalMode
}

/** Opens the database at `path` (creating its folder), migrates it and returns the note store. */
export function openNoteStore(open: OpenDatabase, path: string): NoteStore {
  const inMemory = path === MEMORY
  const location = inMemory ? MEMORY : resolve(path)
  if (!inMemory) mkdirSync(dirname(location), { recursive: true })

  const db = open(location)
  let journalMode: string
  try {
    journalMode = configure(db, inMemory)
    migrate(db)
  } catch (error) {
    db.close()
    throw error
  }

  const insert = db.prepare(
    'INSERT INTO notes (id, title, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?) RETURNING *',
  )
  const selectOne = db.prepare('SELECT * FROM notes WHERE id = ?')
  const selectFirstPage = db.prepare('SELECT * FROM notes ORDER BY id LIMIT ?')
  const selectPageAfter = db.prepare('SELECT * FROM notes WHERE id > ? ORDER BY id LIMIT ?')
  const updateOne = db.prepare(
    `UPDATE notes SET title = coalesce(?, title), body = coalesce(?, body), updated_at = ?
     WHERE id = ? RETURNING *`,
  )
  const deleteOne = db.prepare('DELETE FROM notes WHERE id = ?')
  const selectOneValue = db.prepare('SELECT 1 AS ok')

  return {
    location,
    journalMode,
    create(input) {
      const now = new Date().toISOString()
      const row = insert.get(uuidv7(), input.title, input.body, now, now)
      if (!row) throw new Error('INSERT … RETURNING returned no row')
      return toNote(row)
    },
    get(id) {
      const row = selectOne.get(id)
      return row ? toNote(row) : undefined
    },
    list({ limit, after }) {
      // One row more than the page shows whether another page follows.
      const rows = after ? selectPageAfter.all(after, limit + 1) : selectFirstPage.all(limit + 1)
      const items = rows.slice(0, limit).map(toNote)
      const last = items.at(-1)
      return { items, nextCursor: rows.length > limit && last ? last.id : null }
    },
    update(id, patch) {
      const now = new Date().toISOString()
      const row = updateOne.get(patch.title ?? null, patch.body ?? null, now, id)
      return row ? toNote(row) : undefined
    },
    delete(id) {
      return Number(deleteOne.run(id).changes) > 0
    },
    ping() {
      if (selectOneValue.get()?.ok !== 1) throw new Error('SQLite did not return SELECT 1')
    },
    close() {
      db.close()
    },
  }
}
