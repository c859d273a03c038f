import { hc } from 'hono/client'
import { createApp, type AppType } from '../../src/app.ts'
import { createLogger } from '../../src/logger.ts'
import { openNoteStore, type NoteStore } from '../../src/store/notes-store.ts'
import { openNodeDatabase } from '../../src/store/node-sqlite.ts'

export interface TestApp {
  app: AppType
  client: ReturnType<typeof hc<AppType>>
  store: NoteStore
  /** Every log line the app wrote, parsed. */
  logs: Record<string, unknown>[]
}

/**
 * Builds the app with the production factory over an in-memory node:sqlite store (vitest runs on
 * Node 22). `overrides` replaces store methods, to make the store fail.
 */
export function makeTestApp(
  options: { bodyLimit?: number; overrides?: Partial<NoteStore> } = {},
): TestApp {
  const logs: Record<string, unknown>[] = []
  const logger = createLogger({ level: 'debug', print: (line) => logs.push(JSON.parse(line)) })
  const store = Object.assign(openNoteStore(openNodeDatabase, ':memory:'), options.overrides)
  const app = createApp({ store, logger, bodyLimit: options.bodyLimit ?? 1024 * 1024 })
  const client = hc<AppType>('http://localhost', {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => app.request(input, init),
  })
  return { app, client, store, logs }
}

export function postJson(app: AppType, path: string, body: unknown, headers = {}) {
  return app.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}
