import { errorBodySchema } from '@repo/shared'
import { describe, expect, it } from 'vitest'
import type { NoteStore } from '../src/store/notes-store.ts'
import { makeTestApp, postJson } from './support/app.ts'

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status)
  expect(response.headers.get('Content-Type')).toMatch(/^application\/json/)
  const body = errorBodySchema.parse(await response.json())
  expect(body.error.code).toBe(code)
  expect(body.error.requestId).toBe(response.headers.get('X-Request-Id'))
  return body.error
}

describe('malformed JSON', () => {
  it('returns 400 malformed_json', async () => {
    const { app } = makeTestApp()
    await expectError(await postJson(app, '/notes', '{"title": '), 400, 'malformed_json')
  })

  it('returns 400 for bytes that are not UTF-8', async () => {
    const { app } = makeTestApp()
    const bytes = new Uint8Array([...new TextEncoder().encode('{"title":"a'), 0xff, 0x22, 0x7d])
    const response = await app.request('/notes', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: bytes,
    })
    const error = await expectError(response, 400, 'malformed_json')
    expect(error.message).toBe('The request body is not valid UTF-8')
  })

  it('returns 400 for an empty JSON body', async () => {
    const { app } = makeTestApp()
    await expectError(await postJson(app, '/notes', ''), 400, 'malformed_json')
  })
})

describe('wrong content type', () => {
  it.each([
    ['no Content-Type', {}],
    ['text/plain', { 'Content-Type': 'text/plain' }],
    ['form data', { 'Content-Type': 'application/x-www-form-urlencoded' }],
  ])('returns 415 for %s without running the handler', async (_name, headers) => {
    let creates = 0
    const { app, store } = makeTestApp()
    const create = store.create.bind(store)
    store.create = (input) => {
      creates += 1
      return create(input)
    }
    const response = await app.request('/notes', {
      method: 'POST',
      headers,
      body: JSON.stringify({ title: 'x' }),
    })
    const error = await expectError(response, 415, 'unsupported_media_type')
    expect(error.issues).toBeUndefined()
    expect(creates).toBe(0)
  })

  it.each([
    ['a charset other than UTF-8', { 'Content-Type': 'application/json; charset=latin1' }],
    ['a gzip Content-Encoding', { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }],
  ])('returns 415 for %s', async (_name, headers) => {
    const { app } = makeTestApp()
    const response = await app.request('/notes', {
      method: 'POST',
      headers,
      body: JSON.stringify({ title: 'x' }),
    })
    await expectError(response, 415, 'unsupported_media_type')
  })

  it('accepts an explicit UTF-8 charset', async () => {
    const { app } = makeTestApp()
    const headers = { 'Content-Type': 'application/json; charset="UTF-8"' }
    const response = await postJson(app, '/notes', { title: 'café' }, headers)
    expect(response.status).toBe(201)
    expect((await response.json()).title).toBe('café')
  })

  it('returns 415 on PATCH too', async () => {
    const { app } = makeTestApp()
    const created = await (await postJson(app, '/notes', { title: 'x' })).json()
    const response = await app.request(`/notes/${created.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ title: 'y' }),
    })
    await expectError(response, 415, 'unsupported_media_type')
  })
})

describe('schema violations', () => {
  it('returns 422 with each issue as JSON, without the submitted values', async () => {
    const { app } = makeTestApp()
    const secret = 'do-not-echo-this-value'
    const response = await postJson(app, '/notes', { title: 42, body: [secret], extra: secret })
    const error = await expectError(response, 422, 'validation_failed')
    const paths = error.issues?.map((issue) => issue.path)
    expect(paths).toContainEqual(['title'])
    expect(paths).toContainEqual(['body'])
    expect(error.issues?.every((issue) => typeof issue.message === 'string')).toBe(true)
    expect(JSON.stringify(error)).not.toContain(secret)
  })

  it('does not echo unknown field names', async () => {
    const { app } = makeTestApp()
    const response = await postJson(app, '/notes', { title: 'x', 'password=hunter2': 1 })
    const error = await expectError(response, 422, 'validation_failed')
    expect(error.issues?.[0]?.message).toBe('Unknown field; the allowed fields are title and body')
    expect(JSON.stringify(error)).not.toContain('hunter2')
  })

  it.each([
    ['a NUL character', 'a\u0000b', 'Must not contain NUL characters'],
    ['an unpaired surrogate', 'a\ud800b', 'Must be well-formed Unicode (no unpaired surrogates)'],
  ])('rejects text with %s', async (_name, text, message) => {
    const { app } = makeTestApp()
    for (const body of [{ title: text }, { title: 'ok', body: text }]) {
      const error = await expectError(await postJson(app, '/notes', body), 422, 'validation_failed')
      expect(error.issues?.[0]?.message).toBe(message)
    }
  })

  it.each(['0x10', '1e1', ' 5', '5.0', ''])('rejects the page size %j', async (limit) => {
    const { app } = makeTestApp()
    const response = await app.request(`/notes?limit=${encodeURIComponent(limit)}`)
    await expectError(response, 400, 'validation_failed')
  })

  it('rejects a title over the maximum length', async () => {
    const { app } = makeTestApp()
    const response = await postJson(app, '/notes', { title: 'x'.repeat(201) })
    const error = await expectError(response, 422, 'validation_failed')
    expect(error.issues?.[0]?.path).toEqual(['title'])
  })

  it('rejects a JSON array body', async () => {
    const { app } = makeTestApp()
    await expectError(await postJson(app, '/notes', []), 422, 'validation_failed')
  })

  it('returns 400 for an id that is not a UUIDv7', async () => {
    const { app } = makeTestApp()
    const error = await expectError(await app.request('/notes/42'), 400, 'validation_failed')
    expect(error.issues?.[0]?.path).toEqual(['id'])
  })
})

describe('unknown routes', () => {
  it('returns 404 for an unknown path', async () => {
    const { app } = makeTestApp()
    await expectError(await app.request('/nope'), 404, 'not_found')
  })

  it('returns 405 with Allow for a known path and another method', async () => {
    const { app } = makeTestApp()
    const response = await app.request('/notes', { method: 'PUT' })
    await expectError(response, 405, 'method_not_allowed')
    expect(response.headers.get('Allow')).toBe('GET, HEAD, OPTIONS, POST')
  })

  it('returns 405 on a parameterised path', async () => {
    const { app } = makeTestApp()
    const response = await app.request('/notes/01900000-0000-7000-8000-000000000000', {
      method: 'POST',
    })
    await expectError(response, 405, 'method_not_allowed')
    expect(response.headers.get('Allow')).toBe('DELETE, GET, HEAD, OPTIONS, PATCH')
  })

  it('answers OPTIONS with 204 and Allow', async () => {
    const { app } = makeTestApp()
    const response = await app.request('/health', { method: 'OPTIONS' })
    expect(response.status).toBe(204)
    expect(response.headers.get('Allow')).toBe('GET, HEAD, OPTIONS')
  })
})

describe('body size limit', () => {
  it('returns 413 for a body over the limit', async () => {
    const { app } = makeTestApp({ bodyLimit: 1024 })
    const response = await postJson(app, '/notes', { title: 'x', body: 'y'.repeat(2000) })
    await expectError(response, 413, 'payload_too_large')
  })

  it('returns 413 for a chunked body over the limit', async () => {
    const { app } = makeTestApp({ bodyLimit: 1024 })
    const chunk = new TextEncoder().encode('y'.repeat(600))
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(chunk)
        controller.enqueue(chunk)
        controller.close()
      },
    })
    const response = await app.request('/notes', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      body,
      duplex: 'half',
    } as RequestInit)
    await expectError(response, 413, 'payload_too_large')
  })

  it('accepts a body just under the limit', async () => {
    const { app } = makeTestApp({ bodyLimit: 1024 })
    const response = await postJson(app, '/notes', { title: 'x', body: 'y'.repeat(900) })
    expect(response.status).toBe(201)
  })
})

describe('unexpected failures', () => {
  const failures: [string, unknown][] = [
    ['an Error', new Error('SQLITE_CORRUPT: secret table detail')],
    ['a string', 'raw string failure'],
    ['an object without toString', Object.create(null)],
    ['undefined', undefined],
  ]

  it.each(failures)('returns a generic 500 when the store throws %s', async (_name, thrown) => {
    const overrides: Partial<NoteStore> = {
      list: () => {
        throw thrown
      },
    }
    const { app, logs } = makeTestApp({ overrides })
    const response = await app.request('/notes', { headers: { 'X-Request-Id': 'trace-500' } })
    const error = await expectError(response, 500, 'internal_error')
    expect(error.message).toBe('Internal server error')
    expect(JSON.stringify(error)).not.toContain('SQLITE_CORRUPT')
    expect(JSON.stringify(error)).not.toContain(' at ')

    const logged = logs.filter((line) => line.level === 'error')
    expect(logged).toHaveLength(1)
    expect(logged[0]?.requestId).toBe('trace-500')
  })

  it('logs the stack of a thrown Error', async () => {
    const overrides: Partial<NoteStore> = {
      list: () => {
        throw new Error('boom')
      },
    }
    const { app, logs } = makeTestApp({ overrides })
    await app.request('/notes')
    const logged = logs.find((line) => line.level === 'error') as { error?: { stack?: string } }
    expect(logged.error?.stack).toContain('boom')
  })
})

describe('request ids', () => {
  it('keeps a sane incoming X-Request-Id', async () => {
    const { app } = makeTestApp()
    const response = await app.request('/health', { headers: { 'X-Request-Id': 'abc-123_x=' } })
    expect(response.headers.get('X-Request-Id')).toBe('abc-123_x=')
  })

  it.each([
    ['spaces and symbols', 'not ok; <script>'],
    ['an over-long value', 'a'.repeat(256)],
  ])('replaces an incoming id with %s', async (_name, incoming) => {
    const { app } = makeTestApp()
    const response = await app.request('/health', { headers: { 'X-Request-Id': incoming } })
    const id = response.headers.get('X-Request-Id')
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('puts an id on error responses too', async () => {
    const { app } = makeTestApp()
    const response = await app.request('/nope', { headers: { 'X-Request-Id': 'err-1' } })
    expect(response.headers.get('X-Request-Id')).toBe('err-1')
    expect((await response.json()).error.requestId).toBe('err-1')
  })
})

describe('request log', () => {
  it('writes one JSON line per request with the required fields', async () => {
    const { app, logs } = makeTestApp()
    await app.request('/health', { headers: { 'X-Request-Id': 'log-1' } })
    const requests = logs.filter((line) => line.msg === 'request')
    expect(requests).toHaveLength(1)
    expect(requests[0]).toMatchObject({
      level: 'info',
      method: 'GET',
      path: '/health',
      status: 200,
      requestId: 'log-1',
    })
    expect(typeof requests[0]?.durationMs).toBe('number')
  })

  it('logs the status of an error response', async () => {
    const { app, logs } = makeTestApp()
    await app.request('/notes', { method: 'PUT' })
    expect(logs.find((line) => line.msg === 'request')?.status).toBe(405)
  })
})
