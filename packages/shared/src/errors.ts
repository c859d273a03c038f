import { z } from 'zod'

/** Machine-readable error codes. Every error response of the API carries one of them. */
export const errorCodes = [
  'bad_request',
  'malformed_json',
  'validation_failed',
  'not_found',
  'method_not_allowed',
  'payload_too_large',
  'unsupported_media_type',
  'service_unavailable',
  'internal_error',
] as const
export type ErrorCode = (typeof errorCodes)[number]

/** One schema violation: where it is in the input and what is wrong. The value is never echoed. */
export const validationIssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
})
export type ValidationIssue = z.infer<typeof validationIssueSchema>

/** The one error body shape of the API. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    requestId: z.string(),
    issues: z.array(validationIssueSchema).optional(),
  }),
})
export type ErrorBody = z.infer<typeof errorBodySchema>
