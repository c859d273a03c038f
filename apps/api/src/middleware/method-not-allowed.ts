import type { Hono, NotFoundHandler } from 'hono'
import { PatternRouter } from 'hono/router/pattern-router'
import type { AppEnv } from '../env.ts'
import { ApiError, errorResponse } from '../errors.ts'

/**
 * Creates the handler for requests that no route took. A path that some route serves with other
 * methods gets 405 with `Allow` (or 204 with `Allow` for OPTIONS); any other path gets 404.
 * The routes are read on the first call, after the app has registered them all.
 */
export function createNotFoundHandler(app: Hono<AppEnv>): NotFoundHandler<AppEnv> {
  let router: PatternRouter<string> | undefined

  const allowedMethods = (path: string): string[] => {
    if (!router) {
      router = new PatternRouter<string>()
      for (const route of app.routes) {
        // Middleware registered with `use` has method ALL; it serves no method of its own.
        if (route.method !== 'ALL') router.add('ALL', route.path, route.method)
      }
    }
    const methods = new Set(router.match('GET', path)[0].map(([method]) => method))
    if (methods.has('GET')) methods.add('HEAD')
    if (methods.size > 0) methods.add('OPTIONS')
    return [...methods].sort()
  }

  return (c) => {
    const allowed = allowedMethods(c.req.path)
    if (allowed.length === 0) {
      return errorResponse(c, new ApiError(404, 'not_found', `No route for ${c.req.path}`))
    }
    const allow = allowed.join(', ')
    if (c.req.method === 'OPTIONS') return c.body(null, 204, { Allow: allow })
    const message = `${c.req.method} is not allowed on ${c.req.path}; allowed: ${allow}`
    return errorResponse(c, new ApiError(405, 'method_not_allowed', message), { Allow: allow })
  }
}
