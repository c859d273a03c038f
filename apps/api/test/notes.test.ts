import { errorBodySchema, MAX_PAGE_SIZE, noteListSchema, noteSchema } from '@repo/shared'
import { describe, expect, it } from 'vitest'
import { makeTestApp, postJson } from './support/app.ts'

const uuidV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const isoUtc = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

describe('POST /notes', () => {
  it('creates a note with a UUIDv7 id and UTC timestamps', async () => {
    const { app } = makeTestApp()
    const response = await postJson(app, '/notes', { title: 'First', body: 'Hello' })
    expect(response.status).toBe(201)
    const note = noteSchema.parse(await response.json())
    expect(response.headers.get('Location')).toBe(`/notes/${note.id}`)
    expect(note.id).toMatch(uuidV7)
    expect(note.createdAt).toMatch(isoUtc)
    expect(note.updatedAt).toBe(note.createdAt)
    expect(note).toMatchObject({ title: 'First', body: 'Hello' })
  })

  it('defaults the body to an empty string and trims the title', async () => {
    const { app } = makeTestApp()
    const response = await postJson(app, '/notes', { title: '  Padded  ' })
    expect(response.status).toBe(201)
    expect(await response.json()).toMatchObject({ title: 'Padded', body: '' })
  })

  it('accepts a JSON media type with parameters', async () => {
    const { app } = makeTestApp()
    const response = await postJson(
      app,
      '/notes',
      { title: 'x' },
      { 'Content-Type': 'application/json; charset=utf-8' },
    )
    expect(response.status).toBe(201)
  })
})

describe('GET /notes/:id', () => {
  it('returns a stored note', async () => {
    const { app, client } = makeTestApp()
    const created = await (await postJson(app, '/notes', { title: 'Read me' })).json()
    const response = await client.notes[':id'].$get({ param: { id: created.id } })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual(created)
  })

  it('finds a note by its id in upper case', async () => {
    const { app } = makeTestApp()
    const created = await (await postJson(app, '/notes', { title: 'Any case' })).json()
    const response = await app.request(`/notes/${created.id.toUpperCase()}`)
    expect(response.status).toBe(200)
    expect((await response.json()).id).toBe(created.id)
  })

  it('returns 404 for an unknown id', async () => {
    const { client } = makeTestApp()
    const id = '01900000-0000-7000-8000-000000000000'
    const response = await client.notes[':id'].$get({ param: { id } })
    expect(response.status).toBe(404)
    const body = errorBodySchema.parse(await response.json())
    expect(body.error.code).toBe('not_found')
  })
})

describe('GET /notes', () => {
  it('pages through every note in creation order', async () => {
    const { app, client } = makeTestApp()
    const titles = Array.from({ length: 7 }, (_, index) => `note ${index}`)
    for (const title of titles) await postJson(app, '/notes', { title })

    const seen: string[] = []
    let after: string | undefined
    let pages = 0
    do {
      const response = await client.notes.$get({
        query: { limit: '3', ...(after ? { after } : {}) },
      })
      expect(response.status).toBe(200)
      const page = noteListSchema.parse(await response.json())
      expect(page.items.length).toBeLessThanOrEqual(3)
      seen.push(...page.items.map((note) => note.title))
      after = page.nextCursor ?? undefined
      pages += 1
    } while (after && pages < 10)

    expect(seen).toEqual(titles)
    expect(pages).toBe(3)
  })

  it('continues after a cursor given in upper case', async () => {
    const { app } = makeTestApp()
    for (const title of ['one', 'two']) await postJson(app, '/notes', { title })
    const first = noteListSchema.parse(await (await app.request('/notes?limit=1')).json())
    const cursor = first.nextCursor?.toUpperCase() ?? ''
    const second = noteListSchema.parse(await (await app.request(`/notes?after=${cursor}`)).json())
    expect(second.items.map((note) => note.title)).toEqual(['two'])
  })

  it('returns an empty page and no cursor when there are no notes', async () => {
    const { client } = makeTestApp()
    const response = await client.notes.$get({ query: {} })
    expect(await response.json()).toEqual({ items: [], nextCursor: null })
  })

  it('rejects a page size over the maximum', async () => {
    const { app } = makeTestApp()
    const response = await app.request(`/notes?limit=${MAX_PAGE_SIZE + 1}`)
    expect(response.status).toBe(400)
    const body = await response.json()
    expect(body.error.code).toBe('validation_failed')
    expect(body.error.issues[0].path).toEqual(['limit'])
  })

  it('accepts the maximum page size', async () => {
    const { app } = makeTestApp()
    const response = await app.request(`/notes?limit=${MAX_PAGE_SIZE}`)
    expect(response.status).toBe(200)
  })
})

describe('PATCH /notes/:id', () => {
  it('changes only the given fields and moves updatedAt', async () => {
    const { app, client } = makeTestApp()
    const created = await (await postJson(app, '/notes', { title: 'Old', body: 'Keep' })).json()
    await new Promise((resolve) => setTimeout(resolve, 5))
    const response = await client.notes[':id'].$patch({
      param: { id: created.id },
      json: { title: 'New' },
    })
    expect(response.status).toBe(200)
    const updated = noteSchema.parse(await response.json())
    expect(updated).toMatchObject({ id: created.id, title: 'New', body: 'Keep' })
    expect(updated.createdAt).toBe(created.createdAt)
    expect(updated.updatedAt > created.updatedAt).toBe(true)
  })

  it('rejects an empty patch with 422', async () => {
    const { app } = makeTestApp()
    const created = await (await postJson(app, '/notes', { title: 'x' })).json()
    const response = await app.request(`/notes/${created.id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    })
    expect(response.status).toBe(422)
    const body = await response.json()
    expect(body.error.issues[0].message).toBe('Provide at least one of title or body')
  })

  it('returns 404 for an unknown id', async () => {
    const { client } = makeTestApp()
    const response = await client.notes[':id'].$patch({
      param: { id: '01900000-0000-7000-8000-000000000000' },
      json: { body: 'x' },
    })
    expect(response.status).toBe(404)
  })
})

describe('DELETE /notes/:id', () => {
  it('deletes a note, then returns 404 for it', async () => {
    const { app, client } = makeTestApp()
    const created = await (await postJson(app, '/notes', { title: 'Gone soon' })).json()
    const first = await client.notes[':id'].$delete({ param: { id: created.id } })
    expect(first.status).toBe(204)
    expect(await first.text()).toBe('')
    const second = await client.notes[':id'].$delete({ param: { id: created.id } })
    expect(second.status).toBe(404)
    const read = await app.request(`/notes/${created.id}`)
    expect(read.status).toBe(404)
  })
})
