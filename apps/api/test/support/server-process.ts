import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'

export type Runtime = 'bun' | 'node'

const distDir = fileURLToPath(new URL('../../dist/', import.meta.url))
const nodeDistDir = fileURLToPath(new URL('../../dist-node/', import.meta.url))

/** The command that runs the bundled API on each runtime, as the images and README do. */
export const serverCommand: Record<Runtime, string[]> = {
  bun: ['bun', `${distDir}server.js`],
  node: ['node', '--disable-warning=ExperimentalWarning', `${nodeDistDir}node.js`],
}

export interface ServerProcess {
  child: ChildProcess
  port: number
  /** Parsed JSON lines from standard output so far. */
  logs: Record<string, unknown>[]
  /** Resolves with the exit code and signal once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/**
 * Starts the API on 127.0.0.1 with PORT=0 (a free port) and resolves once its start-up line
 * reports where it listens. Rejects if it exits or stays silent for 10 s.
 */
export async function startServer(
  runtime: Runtime,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const [command, ...args] = serverCommand[runtime]
  if (!command) throw new Error(`No command for ${runtime}`)
  const child = spawn(command, args, {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = once(child, 'exit').then(([code, signal]) => ({ code, signal })) as Promise<{
    code: number | null
    signal: NodeJS.Signals | null
  }>

  const logs: Record<string, unknown>[] = []
  let stderr = ''
  let pending = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })

  const listening = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${runtime} server did not start in 10 s`)),
      10_000,
    )
    child.stdout?.on('data', (chunk: Buffer) => {
      pending += chunk.toString()
      const lines = pending.split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) {
        const entry = JSON.parse(line) as Record<string, unknown>
        logs.push(entry)
        if (entry.msg === 'listening') {
          clearTimeout(timer)
          resolve(String(entry.url))
        }
      }
    })
    void exited.then(({ code }) => {
      clearTimeout(timer)
      reject(new Error(`${runtime} server exited with ${code} before listening: ${stderr}`))
    })
  })

  const url = new URL(await listening)
  const port = Number(url.port)
  return { child, port, logs, exited }
}

/** Sends SIGTERM unless the process has already exited, and waits for the exit. */
export async function stopServer(server: ServerProcess) {
  if (server.child.exitCode === null && server.child.signalCode === null) {
    server.child.kill('SIGTERM')
  }
  return server.exited
}
