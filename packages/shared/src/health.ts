import { z } from 'zod'

/** Body of `GET /health` and of a successful `GET /ready`. */
export const healthSchema = z.object({ status: z.literal('ok') })
export type Health = z.infer<typeof healthSchema>
