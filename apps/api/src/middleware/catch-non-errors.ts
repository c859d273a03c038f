import type { MiddlewareHandler } from 'hono'
import { safeString } from '../logger.ts'

/** Wraps a thrown value that is not an Error, which Hono would not hand to `onError`. */
export class NonErrorThrown extends Error {
  constructor(thrown: unknown) {
    super(`A non-Error value was thrown: ${safeString(thrown)}`)
    this.name = 'NonErrorThrown'
  }
}

/**
 * Hono's compose passes only `Error` instances to `onError` and rethrows anything else, which
 * would reach the server adapter as an unhandled rejection. This turns such values into Errors.
 */
export function catchNonErrors(): MiddlewareHandler {
  return async function catchNonErrors(_c, next) {
    try {
      await next()
    } catch (thrown) {
      throw thrown instanceof Error ? thrown : new NonErrorThrown(thrown)
    }
  }
}
