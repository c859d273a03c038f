import { healthSchema } from '@repo/shared'
import { describe, expect, it } from 'vitest'
import { makeTestApp } from './support/app.ts'

describe('GET /health', () => {
  it('returns 200 ok as JSON', async () => {
    const { app } = makeTestApp()
    const response = await app.request('/health')
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/)
    expect(healthSchema.parse(await response.json())).toEqual({ status: 'ok' })
  })

  it('answers HEAD without a body', async () => {
    const { app } = makeTestApp()
    const response = await app.request('/health', { method: 'HEAD' })
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('')
  })
})

describe('GET /ready', () => {
  it('returns 200 when the store answers', async () => {
    const { app } = makeTestApp()
    const response = await app.request('/ready')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok' })
  })

  it('returns 503 when the store fails', async () => {
    const { app, logs } = makeTestApp({
      overrides: {
        ping: () => {
          throw new Error('disk I/O error')
        },
      },
    })
    const response = await app.request('/ready')
    expect(response.status).toBe(503)
    const body = await response.json()
    expect(body.error.code).toBe('service_unavailable')
    expect(body.error.message).not.toContain('disk I/O')
    expect(logs.some((line) => line.level === 'error')).toBe(true)
  })

  it('returns 503 once the store is closed', async () => {
    const { app, store } = makeTestApp()
    store.close()
    const response = await app.request('/ready')
    expect(response.status).toBe(503)
  })
})
