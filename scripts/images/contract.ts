// The runtime contract that every image follows (nix/contract.json) and the pinned Bun release
// (nix/bun.json), read from the repository with their types.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export interface HealthcheckContract {
  command: string[]
  interval: string
  timeout: string
  startPeriod: string
  retries: number
}

export interface RuntimeContract {
  port: number
  user: { name: string; uid: number; gid: number }
  workdir: string
  volume: string
  env: Record<string, string>
  stopSignal: string
  entrypoint: string[]
  healthcheck: HealthcheckContract
  labels: Record<string, string>
  /** OCI label name to the build argument that sets its value. */
  buildArgLabels: Record<string, string>
}

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

function readJson(relativePath: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../${relativePath}`, import.meta.url), 'utf8'))
}

export function loadContract(): RuntimeContract {
  return readJson('nix/contract.json') as RuntimeContract
}

export function loadBunVersion(): string {
  const { version } = readJson('nix/bun.json') as { version: unknown }
  if (typeof version !== 'string') {
    throw new Error(`nix/bun.json: "version" must be a string, found ${JSON.stringify(version)}`)
  }
  return version
}
