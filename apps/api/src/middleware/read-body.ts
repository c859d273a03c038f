import type { MiddlewareHandler } from 'hono'
import { ApiError } from '../errors.ts'

const tooLarge = (maxSize: number) =>
  new ApiError(413, 'payload_too_large', `Request body is over ${maxSize} bytes`)

const clientClosed = () =>
  new ApiError(400, 'bad_request', 'The client closed the connection before the body was complete')

/** Resolves with `work`, or rejects once the client disconnects, whichever comes first. */
function unlessAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(clientClosed())
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(clientClosed())
    signal.addEventListener('abort', onAbort, { once: true })
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

async function readStream(body: ReadableStream<Uint8Array>, maxSize: number, signal: AbortSignal) {
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await unlessAborted(reader.read(), signal)
    if (done) break
    size += value.byteLength
    if (size > maxSize) {
      void reader.cancel()
      throw tooLarge(maxSize)
    }
    chunks.push(value)
  }
  const buffer = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    buffer.set(chunk, offset)
    offset += chunk.byteLength
  }
  return buffer.buffer
}

/**
 * Reads the whole request body before any handler runs, and hands it on as a new request that
 * `c.req.json()` and the validators read from memory. A body over `maxSize` bytes gets 413: by its Content-Length before reading, or
 * while a chunked body streams in. A client that disconnects mid-body gets no handler run.
 *
 * Bun 1.3.14 never settles a body read once `request.body` has been touched and the client then
 * disconnects, and it hands over a truncated body as complete when the client disconnects before
 * the read. Racing every read against the request's abort signal, and checking the signal after
 * the read, keeps such requests from hanging shutdown or reaching a handler.
 */
export function readBody(maxSize: number): MiddlewareHandler {
  return async function readBody(c, next) {
    const request = c.req.raw
    const contentLength = c.req.header('Content-Length')
    let body: Promise<ArrayBuffer>
    if (contentLength !== undefined && c.req.header('Transfer-Encoding') === undefined) {
      if (Number(contentLength) > maxSize) throw tooLarge(maxSize)
      body = unlessAborted(request.arrayBuffer(), request.signal)
    } else if (request.body) {
      // Chunked, or HTTP/2 without Content-Length: the size is known only while reading.
      body = readStream(request.body, maxSize, request.signal)
    } else {
      return next()
    }
    const buffer = await body
    if (request.signal.aborted) throw clientClosed()

    c.req.raw = new Request(request, { body: buffer })
    await next()
  }
}
