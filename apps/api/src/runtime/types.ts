import type { OpenDatabase } from '../store/database.ts'

export interface ServeOptions {
  fetch: (request: Request) => Response | Promise<Response>
  port: number
  hostname: string
}

export interface RunningServer {
  /** The listening address, with the port the OS assigned when PORT=0. */
  url: string
  /** Stops accepting, lets in-flight requests finish and closes idle keep-alive connections. */
  stop(): Promise<void>
  /** Closes every connection at once, in-flight requests included. */
  forceStop(): void
}

/** The HTTP server and SQLite driver of one runtime, supplied by its entry point. */
export interface Runtime {
  name: 'bun' | 'node'
  version: string
  openDatabase: OpenDatabase
  serve(options: ServeOptions): Promise<RunningServer>
}
