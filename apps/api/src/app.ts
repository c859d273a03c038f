import { Hono } from 'hono'
import { requestId } from 'hono/request-id'
import type { AppEnv } from './env.ts'
import { createErrorHandler } from './errors.ts'
import type { Logger } from './logger.ts'
import { catchNonErrors } from './middleware/catch-non-errors.ts'
import { createNotFoundHandler } from './middleware/method-not-allowed.ts'
import { readBody } from './middleware/read-body.ts'
import { requestLog } from './middleware/request-log.ts'
import { healthRoutes } from './routes/health.ts'
import { notesRoutes } from './routes/notes.ts'
import type { NoteStore } from './store/notes-store.ts'

export interface AppOptions {
  store: NoteStore
  logger: Logger
  /** Largest request body in bytes; a larger one gets 413. */
  bodyLimit: number
}

/** Builds the runtime-agnostic app. Both entry points and the tests call this one factory. */
export function createApp({ store, logger, bodyLimit }: AppOptions) {
  const app = new Hono<AppEnv>()
  app.use(requestId())
  app.use(requestLog(logger))
  app.use(catchNonErrors())
  app.use(readBody(bodyLimit))
  app.notFound(createNotFoundHandler(app))
  app.onError(createErrorHandler(logger))

  return app.route('/', healthRoutes(store)).route('/notes', notesRoutes(store))
}

/** The type of every route, for `hc<AppType>()` from `hono/client`. */
export type AppType = ReturnType<typeof createApp>
