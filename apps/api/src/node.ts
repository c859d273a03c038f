// Entry point on Node.js 22: @hono/node-server and node:sqlite.
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { start } from './runtime/start.ts'
import { openNodeDatabase } from './store/node-sqlite.ts'

await start({
  name: 'node',
  version: process.versions.node,
  openDatabase: openNodeDatabase,
  serve: ({ fetch, port, hostname }) =>
    new Promise((resolve, reject) => {
      const server = serve({ fetch, port, hostname }, (info: AddressInfo) => {
        server.off('error', reject)
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address
        resolve({
          url: `http://${host}:${info.port}/`,
          // close() stops accepting and, since Node 19, also closes idle keep-alive connections.
          stop: () => new Promise((closed) => server.close(() => closed())),
          forceStop: () => {
            if ('closeAllConnections' in server) server.closeAllConnections()
          },
        })
      })
      server.once('error', reject)
    }),
})
