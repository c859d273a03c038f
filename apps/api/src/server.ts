// Entry point on Bun: Bun.serve and bun:sqlite. No top-level await: the build compiles this file
// to Bun's bytecode, which needs the CommonJS output format.
import { start } from './runtime/start.ts'
import { openBunDatabase } from './store/bun-sqlite.ts'

void start({
  name: 'bun',
  version: Bun.version,
  openDatabase: openBunDatabase,
  serve: async ({ fetch, port, hostname }) => {
    // Bun's own cap would reject an oversized body with a bare 413 before the app runs. The app's
    // readBody middleware enforces BODY_LIMIT and returns the JSON error instead.
    const server = Bun.serve({ fetch, port, hostname, maxRequestBodySize: Number.MAX_SAFE_INTEGER })
    return {
      url: server.url.href,
      stop: () => server.stop(),
      forceStop: () => void server.stop(true),
    }
  },
})
