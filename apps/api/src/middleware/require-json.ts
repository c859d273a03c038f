import type { MiddlewareHandler } from 'hono'
import { ApiError } from '../errors.ts'

const jsonMediaType = /^application\/([\w.-]+\+)?json$/i

/**
 * Rejects a request whose Content-Type is not JSON with 415 before validation, which would
 * otherwise see an empty object and report every field as missing.
 */
export function requireJson(): MiddlewareHandler {
  return async function requireJson(c, next) {
    const mediaType = c.req.header('Content-Type')?.split(';')[0]?.trim() ?? ''
    if (!jsonMediaType.test(mediaType)) {
      throw new ApiError(415, 'unsupported_media_type', 'Content-Type must be application/json')
    }
    await next()
  }
}
