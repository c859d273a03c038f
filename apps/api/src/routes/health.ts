import type { Health } from '@repo/shared'
import { Hono } from 'hono'
import type { AppEnv } from '../env.ts'
import { ApiError } from '../errors.ts'
import type { NoteStore } from '../store/notes-store.ts'

/** Liveness (`/health`: the process responds) and readiness (`/ready`: the store responds too). */
export function healthRoutes(store: NoteStore) {
  const ok: Health = { status: 'ok' }
  return new Hono<AppEnv>()
    .get('/health', (c) => c.json(ok, 200))
    .get('/ready', (c) => {
      try {
        store.ping()
      } catch (error) {
        throw new ApiError(503, 'service_unavailable', 'The database did not respond', undefined, {
          cause: error,
        })
      }
      return c.json(ok, 200)
    })
}
