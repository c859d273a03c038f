import type { MiddlewareHandler } from 'hono'
import { ApiError } from '../errors.ts'

const jsonMediaType = /^application\/([\w.-]+\+)?json$/i
const charsetParameter = /;\s*charset\s*=\s*"?([^";\s]+)"?/i

const utf8 = new TextDecoder('utf-8', { fatal: true })

const unsupported = (message: string) => new ApiError(415, 'unsupported_media_type', message)

/**
 * Rejects a body that is not plain UTF-8 JSON before validation runs. Another media type gets 415,
 * because validation would see an empty object and report every field as missing. So do another
 * charset (JSON is UTF-8, RFC 8259) and a Content-Encoding such as gzip, which the API does not
 * decode. A body whose bytes are not valid UTF-8 gets 400.
 */
export function requireJson(): MiddlewareHandler {
  return async function requireJson(c, next) {
    const contentType = c.req.header('Content-Type') ?? ''
    const mediaType = contentType.split(';')[0]?.trim() ?? ''
    if (!jsonMediaType.test(mediaType)) {
      throw unsupported('Content-Type must be application/json')
    }

    const charset = charsetParameter.exec(contentType)?.[1]?.toLowerCase()
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      throw unsupported('The JSON body must be UTF-8; remove the charset parameter or set utf-8')
    }

    const encoding = c.req.header('Content-Encoding')?.trim().toLowerCase()
    if (encoding !== undefined && encoding !== '' && encoding !== 'identity') {
      throw unsupported('Content-Encoding is not supported; send the body uncompressed')
    }

    // Request.json() would turn invalid bytes into U+FFFD and store text that was never sent.
    try {
      utf8.decode(await c.req.arrayBuffer())
    } catch {
      throw new ApiError(400, 'malformed_json', 'The request body is not valid UTF-8')
    }
    await next()
  }
}
