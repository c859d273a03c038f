import { z } from 'zod'

/** Maximum title length, in characters. */
export const TITLE_MAX_LENGTH = 200
/** Maximum body length, in characters. */
export const BODY_MAX_LENGTH = 100_000
/** Page size of `GET /notes` when the request gives none. */
export const DEFAULT_PAGE_SIZE = 20
/** Largest page size that `GET /notes` serves. */
export const MAX_PAGE_SIZE = 100

/**
 * Text that SQLite stores and returns unchanged on both runtimes: node:sqlite cuts a string at
 * its first NUL, and bun:sqlite mangles an unpaired UTF-16 surrogate together with the next
 * character, so both are rejected instead.
 */
const storableText = z
  .string()
  .refine((text) => !text.includes('\u0000'), 'Must not contain NUL characters')
  .refine((text) => text.isWellFormed(), 'Must be well-formed Unicode (no unpaired surrogates)')

const title = storableText.trim().min(1).max(TITLE_MAX_LENGTH)
const body = storableText.max(BODY_MAX_LENGTH)

/** Ids are matched in the lowercase form that the API returns, so any case finds the note. */
const noteId = z.uuid({ version: 'v7' }).transform((id) => id.toLowerCase())

/** Rejects unknown fields without echoing their names, which are submitted data too. */
const noUnknownFields = (allowed: string) => ({
  error: (issue: { code?: string }) =>
    issue.code === 'unrecognized_keys'
      ? `Unknown field; the allowed fields are ${allowed}`
      : undefined,
})

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
export const createNoteSchema = z.strictObject(
  { title, body: body.default('') },
  noUnknownFields('title and body'),
)
export type CreateNote = z.infer<typeof createNoteSchema>

/** Body of `PATCH /notes/:id`: any subset of the fields, but at least one. */
export const updateNoteSchema = z
  .strictObject(
    { title: title.optional(), body: body.optional() },
    noUnknownFields('title and body'),
  )
  .refine((update) => update.title !== undefined || update.body !== undefined, {
    message: 'Provide at least one of title or body',
  })
export type UpdateNote = z.infer<typeof updateNoteSchema>

/** Path parameters of `/notes/:id`. */
export const noteIdParamSchema = z.object({ id: noteId })

/** Query of `GET /notes`: keyset pagination in id order, which is creation order for UUIDv7. */
export const listNotesQuerySchema = z.object({
  limit: z
    .string()
    .regex(/^[0-9]+$/, 'Must be a whole number')
    .transform(Number)
    .pipe(z.number().min(1).max(MAX_PAGE_SIZE))
    .default(DEFAULT_PAGE_SIZE),
  after: noteId.optional(),
})
export type ListNotesQuery = z.infer<typeof listNotesQuerySchema>

/** Body of `GET /notes`. `nextCursor` is the `after` value of the next page, or null at the end. */
export const noteListSchema = z.object({
  items: z.array(noteSchema),
  nextCursor: z.uuid().nullable(),
})
export type NoteList = z.infer<typeof noteListSchema>
