// Entry point on Node.js 22: @hono/node-server and node:sqlite.
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { start } from './runtime/start.ts'
import type { RunningServer } from './runtime/types.ts'
import { loadNodeSqlite, openNodeDatabase } from './store/node-sqlite.ts'

function runningServer(server: Server, url: string): RunningServer {
  return {
    url,
    stop: () =>
      new Promise((closed) => {
        // close() stops accepting and closes the connections idle right now. A connection whose
        // request is still in flight turns idle when its response ends, so keep closing idle
        // connections until the server reports that none are left.
        const sweep = setInterval(() => server.closeIdleConnections(), 50)
        server.close(() => {
          clearInterval(sweep)
          closed()
        })
      }),
    forceStop: () => server.closeAllConnections(),
  }
}

try {
  loadNodeSqlite()
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}

await start({
  name: 'node',
  version: process.versions.node,
  openDatabase: openNodeDatabase,
  serve: ({ fetch, port, hostname }) =>
    new Promise((resolve, reject) => {
      // Without createServer options, @hono/node-server makes a plain node:http server.
      const server = serve({ fetch, port, hostname }, (info: AddressInfo) => {
        server.off('error', reject)
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address
        resolve(runningServer(server, `http://${host}:${info.port}/`))
      }) as Server
      server.once('error', reject)
    }),
})
