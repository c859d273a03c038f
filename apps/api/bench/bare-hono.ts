// A second reference for the API benchmark: Hono with no middleware on Bun.serve, returning the
// same JSON as GET /health. The gap to bare Bun.serve is Hono's own cost. The gap to the app is
// the cost of the app's middleware (request id, request log, body reading, error handling).
import { Hono } from 'hono'

const app = new Hono().get('/health', (c) => c.json({ status: 'ok' }))
const server = Bun.serve({
  hostname: '127.0.0.1',
  port: Number(process.env.PORT ?? 0),
  fetch: app.fetch,
})
console.log(JSON.stringify({ msg: 'listening', url: server.url.href }))
