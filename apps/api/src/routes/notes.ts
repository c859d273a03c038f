import {
  createNoteSchema,
  listNotesQuerySchema,
  noteIdParamSchema,
  updateNoteSchema,
} from '@repo/shared'
import { Hono } from 'hono'
import type { AppEnv } from '../env.ts'
import { ApiError } from '../errors.ts'
import { requireJson } from '../middleware/require-json.ts'
import { validate } from '../middleware/validate.ts'
import type { NoteStore } from '../store/notes-store.ts'

const noteNotFound = (id: string) => new ApiError(404, 'not_found', `No note with id ${id}`)

/** CRUD over notes, mounted at /notes. */
export function notesRoutes(store: NoteStore) {
  return new Hono<AppEnv>()
    .get('/', validate('query', listNotesQuerySchema), (c) => {
      return c.json(store.list(c.req.valid('query')), 200)
    })
    .post('/', requireJson(), validate('json', createNoteSchema), (c) => {
      const note = store.create(c.req.valid('json'))
      return c.json(note, 201, { Location: `/notes/${note.id}` })
    })
    .get('/:id', validate('param', noteIdParamSchema), (c) => {
      const { id } = c.req.valid('param')
      const note = store.get(id)
      if (!note) throw noteNotFound(id)
      return c.json(note, 200)
    })
    .patch(
      '/:id',
      validate('param', noteIdParamSchema),
      requireJson(),
      validate('json', updateNoteSchema),
      (c) => {
        const { id } = c.req.valid('param')
        const note = store.update(id, c.req.valid('json'))
        if (!note) throw noteNotFound(id)
        return c.json(note, 200)
      },
    )
    .delete('/:id', validate('param', noteIdParamSchema), (c) => {
      const { id } = c.req.valid('param')
      if (!store.delete(id)) throw noteNotFound(id)
      return c.body(null, 204)
    })
}
