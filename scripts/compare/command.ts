// Runs the external tools (podman, skopeo, nix, wrk, tar, git) with a time limit and captured
// output, so that one hanging tool cannot stall the comparison.
import { spawn, spawnSync } from 'node:child_process'
import { podmanEnv } from '../images/scratch.ts'

export interface CommandOutput {
  /** Exit code, or null when the process was killed by a signal (the time limit included). */
  status: number | null
  stdout: string
  stderr: string
  timedOut: boolean
}

export interface CommandOptions {
  cwd?: string
  /** Kills the process with SIGKILL after this many milliseconds. */
  timeoutMs?: number
  env?: NodeJS.ProcessEnv
}

/** Runs a command to completion; podman and skopeo read the repository's containers.conf. */
export function runCommand(
  command: string,
  args: string[],
  options: CommandOptions = {},
): Promise<CommandOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? podmanEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    let timedOut = false
    const timer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true
          child.kill('SIGKILL')
        }, options.timeoutMs)
      : undefined
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (status) => {
      clearTimeout(timer)
      resolve({ status, stdout, stderr, timedOut })
    })
  })
}

/** Runs a command and throws with its last lines of stderr unless it exits 0. */
export async function runChecked(
  command: string,
  args: string[],
  options: CommandOptions = {},
): Promise<string> {
  const result = await runCommand(command, args, options)
  if (result.status !== 0) throw new Error(describeFailure(command, args, result))
  return result.stdout
}

/** Summarises a failed command: its arguments, exit code or time-out, and its error line. */
export function describeFailure(command: string, args: string[], result: CommandOutput): string {
  const outcome = result.timedOut ? 'timed out' : `failed with exit code ${result.status}`
  return `${command} ${args.join(' ')} ${outcome}: ${errorLine(result.stderr || result.stdout)}`
}

/**
 * Returns the line of a command's output that names the error: the last line that starts with
 * `error:` or `Error:`, as nix and podman print them, or else the last non-empty line.
 */
export function errorLine(output: string): string {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
  return lines.findLast((line) => /^error:/i.test(line)) ?? lines.at(-1) ?? '(no output)'
}

/** Reports whether `command` is on PATH. */
export function isOnPath(command: string): boolean {
  return spawnSync('sh', ['-c', 'command -v "$1"', 'sh', command]).status === 0
}
