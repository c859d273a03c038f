import type { OpenDatabase } from '../store/database.ts'

export interface ServeOptions {
  fetch: (request: Request) => Response | Promise<Response>
  port: number
  hostname: string
}

export interface RunningServer {
  /** Where the server listens, with the port it was given (useful with PORT=0). */
  url: string
  /** Stops accepting, lets in-flight requests finish and closes idle keep-alive connections. */
  stop(): Promise<void>
  /** Closes every connection at once, in-flight requests included. */
  forceStop(): void
}

/** What an entry point provides: the HTTP server and SQLite driver of its runtime. */
export interface Runtime {
  name: 'bun' | 'node'
  version: string
  openDatabase: OpenDatabase
  serve(options: ServeOptions): Promise<RunningServer>
}
