// Podman helpers shared by the container tests and scripts/compare: every call uses
// scripts/containers.conf, every wait is bounded, and containers are removed by id.
import { spawnSync } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'
import { podmanEnv } from './scratch.ts'

export interface CommandResult {
  status: number | null
  stdout: string
  stderr: string
}

export function podman(args: string[]): CommandResult {
  const result = spawnSync('podman', args, { env: podmanEnv(), encoding: 'utf8', timeout: 60_000 })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** Runs podman and throws with its stderr unless it exits 0; returns the trimmed stdout. */
export function podmanOk(args: string[]): string {
  const result = podman(args)
  if (result.status !== 0) {
    throw new Error(`podman ${args.join(' ')} failed (${result.status}): ${result.stderr}`)
  }
  return result.stdout.trim()
}

export interface ContainerOptions {
  image: string
  hostPort: number
  readOnly?: boolean
  /** A named volume to mount at the contract's volume path. */
  volume?: string
  volumePath: string
  containerPort: number
}

/** Starts a detached container published on 127.0.0.1 only and returns its id. */
export function startContainer(options: ContainerOptions): string {
  const args = ['run', '--detach', '--publish']
  args.push(`127.0.0.1:${options.hostPort}:${options.containerPort}`)
  if (options.readOnly) args.push('--read-only')
  if (options.volume) args.push('--volume', `${options.volume}:${options.volumePath}`)
  return podmanOk([...args, options.image])
}

/** Removes the container and its anonymous volumes, which the image's VOLUME creates. */
export function removeContainer(id: string): void {
  podman(['rm', '--force', '--volumes', '--time', '0', id])
}

/** Polls GET /health every `intervalMs` until it returns 200, for at most `timeoutMs`. */
export async function waitForHealth(
  port: number,
  timeoutMs = 15_000,
  intervalMs = 100,
): Promise<Response> {
  const deadline = Date.now() + timeoutMs
  let lastError: unknown
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health`, {
        signal: AbortSignal.timeout(1_000),
      })
      if (response.status === 200) return response
      lastError = new Error(`GET /health returned ${response.status}`)
    } catch (error) {
      lastError = error
    }
    await sleep(intervalMs)
  }
  throw new Error(`GET /health on 127.0.0.1:${port} timed out after ${timeoutMs} ms: ${lastError}`)
}
