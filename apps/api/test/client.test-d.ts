import type { createNoteSchema, Note, NoteList, updateNoteSchema } from '@repo/shared'
import type { InferResponseType } from 'hono/client'
import type { z } from 'zod'
import { describe, expectTypeOf, it } from 'vitest'
import type { TestApp } from './support/app.ts'

type Client = TestApp['client']

describe('typed client', () => {
  it('infers the shared Note for a 200 of GET /notes/:id', () => {
    type Ok = InferResponseType<Client['notes'][':id']['$get'], 200>
    expectTypeOf<Ok>().toEqualTypeOf<Note>()
  })

  it('infers the shared Note for a 201 of POST /notes', () => {
    type Created = InferResponseType<Client['notes']['$post'], 201>
    expectTypeOf<Created>().toEqualTypeOf<Note>()
  })

  it('infers the shared NoteList for GET /notes', () => {
    type Page = InferResponseType<Client['notes']['$get'], 200>
    expectTypeOf<Page>().toEqualTypeOf<NoteList>()
  })

  it('takes the shared create shape as the POST body', () => {
    type Body = Parameters<Client['notes']['$post']>[0]['json']
    expectTypeOf<Body>().toEqualTypeOf<z.input<typeof createNoteSchema>>()
  })

  it('has no route that the API does not serve', () => {
    expectTypeOf<Client['notes']>().not.toHaveProperty('$put')
  })

  it('takes the shared update shape as the PATCH body', () => {
    type Body = Parameters<Client['notes'][':id']['$patch']>[0]['json']
    expectTypeOf<Body>().toEqualTypeOf<z.input<typeof updateNoteSchema>>()
  })
})
