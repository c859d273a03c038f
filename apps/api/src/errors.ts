import type { ErrorBody, ErrorCode, ValidationIssue } from '@repo/shared'
import type { Context, ErrorHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppEnv } from './env.ts'
import { describeError, type Logger } from './logger.ts'

/** An error with a status and a code for the client. Route code throws it; `onError` renders it. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ValidationIssue[],
    options?: ErrorOptions,
  ) {
    super(message, options)
    this.name = 'ApiError'
  }
}

/** Maps the statuses that Hono's own middleware throws to the API's error codes. */
const codeForStatus: Partial<Record<number, ErrorCode>> = {
  400: 'bad_request',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  503: 'service_unavailable',
}

export function errorResponse(
  c: Context<AppEnv>,
  error: ApiError,
  headers?: Record<string, string>,
) {
  const body: ErrorBody = {
    error: {
      code: error.code,
      message: error.message,
      requestId: c.get('requestId'),
      ...(error.issues ? { issues: error.issues } : {}),
    },
  }
  return c.json(body, error.status, headers)
}

function fromHttpException(exception: HTTPException): ApiError {
  const status = exception.status as ContentfulStatusCode
  const malformedJson = status === 400 && /malformed json/i.test(exception.message)
  const code = malformedJson ? 'malformed_json' : (codeForStatus[status] ?? 'bad_request')
  return new ApiError(status, code, exception.message || 'Bad request')
}

/**
 * Creates the single error path: every thrown value becomes one JSON error body. A 5xx is logged
 * with its stack and request id, and the client gets only a generic message.
 */
export function createErrorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return (thrown, c) => {
    const requestId = c.get('requestId')
    if (thrown instanceof ApiError) {
      if (thrown.status >= 500) {
        logger.error(thrown.message, { requestId, ...describeError(thrown.cause ?? thrown) })
      }
      return errorResponse(c, thrown)
    }
    if (thrown instanceof HTTPException && thrown.status < 500) {
      return errorResponse(c, fromHttpException(thrown))
    }

    logger.error('unhandled error', { requestId, ...describeError(thrown) })
    return errorResponse(c, new ApiError(500, 'internal_error', 'Internal server error'))
  }
}
