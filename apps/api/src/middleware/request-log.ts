import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env.ts'
import type { Logger } from '../logger.ts'

/** Logs one line per request once its response is ready, errors included. */
export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async function requestLog(c, next) {
    const started = performance.now()
    await next()
    logger.info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 1000) / 1000,
      requestId: c.get('requestId'),
    })
  }
}
