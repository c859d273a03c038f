import { zValidator } from '@hono/zod-validator'
import type { ValidationTargets } from 'hono'
import type { ZodType } from 'zod'
import { ApiError } from '../errors.ts'

/**
 * Validates one part of the request with a zod schema. A failure throws 422 for a JSON body and
 * 400 for the query or path, listing each issue's path and message but never the input value.
 */
export function validate<Target extends keyof ValidationTargets, Schema extends ZodType>(
  target: Target,
  schema: Schema,
) {
  return zValidator(target, schema, (result) => {
    if (result.success) return
    const issues = result.error.issues.map((issue) => ({
      path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
      message: issue.message,
    }))
    const status = target === 'json' ? 422 : 400
    throw new ApiError(status, 'validation_failed', `Invalid request ${target}`, issues)
  })
}
