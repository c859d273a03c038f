// Entry point on Bun: Bun.serve and bun:sqlite.
import { start } from './runtime/start.ts'
import { openBunDatabase } from './store/bun-sqlite.ts'

await start({
  name: 'bun',
  version: Bun.version,
  openDatabase: openBunDatabase,
  serve: async ({ fetch, port, hostname }) => {
    // Bun's own body cap stays above BODY_LIMIT (at most 100 MiB), so the app's 413 applies first.
    const server = Bun.serve({ fetch, port, hostname, maxRequestBodySize: 128 * 1024 * 1024 })
    return {
      url: server.url.href,
      stop: () => server.stop(),
      forceStop: () => void server.stop(true),
    }
  },
})
