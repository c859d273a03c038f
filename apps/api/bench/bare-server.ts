// The throughput ceiling for the API benchmark: Bun.serve alone, returning the same JSON as
// GET /health, with no framework, middleware or logging.
const server = Bun.serve({
  hostname: '127.0.0.1',
  port: Number(process.env.PORT ?? 0),
  fetch: () => Response.json({ status: 'ok' }),
})
console.log(JSON.stringify({ msg: 'listening', url: server.url.href }))
