import packageJson from '../../package.json' with { type: 'json' }
import { createApp } from '../app.ts'
import { ConfigError, parseConfig, type Config } from '../config.ts'
import { createLogger, describeError, type Logger } from '../logger.ts'
import { openNoteStore, type NoteStore } from '../store/notes-store.ts'
import type { RunningServer, Runtime } from './types.ts'

function readConfig(env: Record<string, string | undefined>): Config {
  try {
    return parseConfig(env)
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    process.stderr.write(`${error.message}\n`)
    process.exit(1)
  }
}

function openStore(runtime: Runtime, config: Config, logger: Logger): NoteStore {
  try {
    return openNoteStore(runtime.openDatabase, config.DATABASE_PATH)
  } catch (error) {
    const message = `Failed to open the database at DATABASE_PATH=${config.DATABASE_PATH}`
    logger.error(message, describeError(error))
    process.exit(1)
  }
}

/**
 * Stops on SIGTERM or SIGINT: the server stops accepting, in-flight requests finish, idle
 * keep-alive connections close, then the database closes and the process exits 0. Past
 * SHUTDOWN_TIMEOUT_MS, or on a second signal, the remaining connections are cut and the exit
 * code is 1.
 */
function stopOnSignals(server: RunningServer, store: NoteStore, config: Config, logger: Logger) {
  let cutShort: ((reason: string) => void) | undefined

  const shutdown = async (signal: NodeJS.Signals) => {
    if (cutShort) {
      cutShort(`second ${signal}`)
      return
    }
    logger.info('shutting down', { signal })

    let timer: ReturnType<typeof setTimeout> | undefined
    const stoppedEarly = new Promise<string>((resolve) => {
      cutShort = resolve
      timer = setTimeout(() => resolve('timed out'), config.SHUTDOWN_TIMEOUT_MS)
    })
    const outcome = await Promise.race([server.stop().then(() => 'drained'), stoppedEarly])
    clearTimeout(timer)

    let exitCode = 0
    if (outcome !== 'drained') {
      logger.warn('shutdown cut short; closing open connections', {
        reason: outcome,
        timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
      })
      server.forceStop()
      exitCode = 1
    }

    store.close()
    logger.info('stopped', { exitCode })
    process.exit(exitCode)
  }
  process.on('SIGTERM', shutdown)
  process.on('SIGINT', shutdown)
}

/** Reads the configuration, opens the store, serves the app and stops cleanly on a signal. */
export async function start(runtime: Runtime): Promise<void> {
  const config = readConfig(process.env)
  const logger = createLogger({ level: config.LOG_LEVEL })
  const store = openStore(runtime, config, logger)
  const app = createApp({ store, logger, bodyLimit: config.BODY_LIMIT })

  let server: RunningServer
  try {
    server = await runtime.serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST })
  } catch (error) {
    logger.error(
      `Failed to listen on HOST=${config.HOST} PORT=${config.PORT}`,
      describeError(error),
    )
    store.close()
    process.exit(1)
  }

  stopOnSignals(server, store, config, logger)
  logger.info('listening', {
    url: server.url,
    runtime: runtime.name,
    runtimeVersion: runtime.version,
    appVersion: packageJson.version,
    database: store.location,
    journalMode: store.journalMode,
  })
}
