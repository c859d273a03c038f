import { z } from 'zod'

/** Longest title, in characters, that a note accepts. */
export const TITLE_MAX_LENGTH = 200
/** Longest body, in characters, that a note accepts. */
export const BODY_MAX_LENGTH = 100_000
/** Page size of `GET /notes` when the request gives none. */
export const DEFAULT_PAGE_SIZE = 20
/** Largest page size that `GET /notes` serves. */
export const MAX_PAGE_SIZE = 100

const title = z.string().trim().min(1).max(TITLE_MAX_LENGTH)
const body = z.string().max(BODY_MAX_LENGTH)

/** A stored note. Ids are UUIDv7, timestamps are UTC ISO 8601 strings. */
export const noteSchema = z.object({
  id: z.uuid({ version: 'v7' }),
  title: z.string(),
  body: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
})
export type Note = z.infer<typeof noteSchema>

/** Body of `POST /notes`. Unknown keys are rejected rather than dropped silently. */
export const createNoteSchema = z.strictObject({
  title,
  body: body.default(''),
})
export type CreateNote = z.infer<typeof createNoteSchema>

/** Body of `PATCH /notes/:id`: any subset of the fields, but at least one. */
export const updateNoteSchema = z
  .strictObject({ title: title.optional(), body: body.optional() })
  .refine((update) => update.title !== undefined || update.body !== undefined, {
    message: 'Provide at least one of title or body',
  })
export type UpdateNote = z.infer<typeof updateNoteSchema>

/** Path parameters of `/notes/:id`. */
export const noteIdParamSchema = z.object({ id: z.uuid({ version: 'v7' }) })

/** Query of `GET /notes`: keyset pagination in id order, which is creation order for UUIDv7. */
export const listNotesQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  after: z.uuid({ version: 'v7' }).optional(),
})
export type ListNotesQuery = z.infer<typeof listNotesQuerySchema>

/** Body of `GET /notes`. `nextCursor` is the `after` value of the next page, or null at the end. */
export const noteListSchema = z.object({
  items: z.array(noteSchema),
  nextCursor: z.uuid().nullable(),
})
export type NoteList = z.infer<typeof noteListSchema>
