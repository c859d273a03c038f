export const logLevels = ['debug', 'info', 'warn', 'error', 'silent'] as const
export type LogLevel = (typeof logLevels)[number]
export type LogFields = Record<string, unknown>

export interface Logger {
  debug(message: string, fields?: LogFields): void
  info(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
  error(message: string, fields?: LogFields): void
}

export interface LoggerOptions {
  level: LogLevel
  /** Receives each JSON line without its newline. Defaults to standard output. */
  print?: (line: string) => void
}

const printToStdout = (line: string) => {
  process.stdout.write(`${line}\n`)
}

/** Creates a logger that writes one JSON object per line: time, level, msg, then the fields. */
export function createLogger({ level, print = printToStdout }: LoggerOptions): Logger {
  const threshold = logLevels.indexOf(level)
  const write = (entryLevel: Exclude<LogLevel, 'silent'>) => {
    if (logLevels.indexOf(entryLevel) < threshold) return () => {}
    return (message: string, fields: LogFields = {}) => {
      const entry = { time: new Date().toISOString(), level: entryLevel, msg: message, ...fields }
      print(JSON.stringify(entry))
    }
  }
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') }
}

/** Converts any value to a string, including objects whose toString throws or is missing. */
export function safeString(value: unknown): string {
  try {
    return String(value)
  } catch {
    return Object.prototype.toString.call(value)
  }
}

/** Turns a caught value into loggable fields, keeping the stack of an Error. */
export function describeError(error: unknown): LogFields {
  if (error instanceof Error) {
    return { error: { name: error.name, message: error.message, stack: error.stack } }
  }
  return { error: { thrown: safeString(error) } }
}
