/** A value that both bun:sqlite and node:sqlite bind to a `?` placeholder. */
export type SqlValue = string | number | bigint | null

export interface SqlStatement {
  run(...params: SqlValue[]): { changes: number | bigint }
  /** Returns the first row, or undefined when there is none. */
  get(...params: SqlValue[]): Record<string, unknown> | undefined
  all(...params: SqlValue[]): Record<string, unknown>[]
}

/**
 * The part of a synchronous SQLite driver that the store uses, so that one store serves Bun
 * (bun:sqlite) and Node 22 (node:sqlite).
 */
export interface SqlDatabase {
  exec(sql: string): void
  prepare(sql: string): SqlStatement
  close(): void
}

/** Opens (and creates) the database file at a path, or an in-memory database for `:memory:`. */
export type OpenDatabase = (path: string) => SqlDatabase
