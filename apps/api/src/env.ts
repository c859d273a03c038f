import type { RequestIdVariables } from 'hono/request-id'

/** Hono's environment type for this app: what middleware puts on the context. */
export interface AppEnv {
  Variables: RequestIdVariables
}
