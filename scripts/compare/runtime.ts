// Measurements of a running container: time from `podman run` to the first 200 from /health,
// memory from `podman stats`, and requests per second from wrk, all on 127.0.0.1.
import { setTimeout as sleep } from 'node:timers/promises'
import { loadContract } from '../images/contract.ts'
import { removeContainer, startContainer, waitForHealth } from '../images/podman.ts'
import { describeFailure, isOnPath, runChecked, runCommand } from './command.ts'
import { progress } from './progress.ts'

export interface RuntimeSettings {
  /** Host port on 127.0.0.1 that the container's port is published on. */
  port: number
  /** Number of container starts; the start-up time is their median. */
  starts: number
  /** Seconds of wrk load against /health. */
  loadSeconds: number
  /** Open connections that wrk keeps. */
  connections: number
  /** Seconds between the first 200 and the idle memory reading. */
  idleSeconds: number
}

export interface RuntimeFigures {
  startupMs: { median: number; samples: number[] }
  idleMemoryBytes: number
  /** Null, like `requestsPerSecond`, when wrk is not on PATH, and `throughputSkipped` is set. */
  loadedMemoryBytes: number | null
  requestsPerSecond: number | null
  throughputSkipped?: string
}

const contract = loadContract()
const healthTimeoutMs = 30_000

function start(image: string, port: number): string {
  return startContainer({
    image,
    hostPort: port,
    containerPort: contract.port,
    volumePath: contract.volume,
    readOnly: true,
  })
}

/** Starts the image `starts` times and returns each time from `podman run` to the first 200. */
async function measureStartups(image: string, settings: RuntimeSettings): Promise<number[]> {
  const samples: number[] = []
  for (let attempt = 1; attempt <= settings.starts; attempt++) {
    const started = performance.now()
    const id = start(image, settings.port)
    try {
      // Poll every 10 ms so that the interval adds little to the measured time.
      await waitForHealth(settings.port, healthTimeoutMs, 10)
      samples.push(performance.now() - started)
    } finally {
      removeContainer(id)
    }
    progress(`  start ${attempt}/${settings.starts}: ${samples.at(-1)?.toFixed(0)} ms`)
  }
  return samples
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  if (sorted.length === 0) throw new Error('median of no values')
  if (sorted.length % 2 === 1) return sorted[middle] as number
  return ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

/** Reads the container's memory use in bytes from podman's stats (cgroup memory.usage). */
export async function memoryUsage(id: string): Promise<number> {
  const output = await runChecked('podman', [
    'stats',
    '--no-stream',
    '--format',
    '{{json .ContainerStats}}',
    id,
  ])
  const stats = JSON.parse(output) as { MemUsage: number }
  return stats.MemUsage
}

/** Runs wrk against /health and returns its Requests/sec figure. */
async function requestsPerSecond(settings: RuntimeSettings): Promise<number> {
  const args = [
    '--threads',
    '2',
    '--connections',
    String(settings.connections),
    '--duration',
    `${settings.loadSeconds}s`,
    `http://127.0.0.1:${settings.port}/health`,
  ]
  const result = await runCommand('wrk', args, { timeoutMs: (settings.loadSeconds + 30) * 1000 })
  if (result.status !== 0) throw new Error(describeFailure('wrk', args, result))
  const match = /Requests\/sec:\s+([\d.]+)/.exec(result.stdout)
  if (!match?.[1]) throw new Error(`wrk printed no Requests/sec line:\n${result.stdout}`)
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(result.stdout)
  if (errors) throw new Error(`wrk received ${errors[1]} responses other than 2xx or 3xx`)
  return Number(match[1])
}

export async function measureRuntime(
  image: string,
  settings: RuntimeSettings,
): Promise<RuntimeFigures> {
  const samples = await measureStartups(image, settings)
  const id = start(image, settings.port)
  try {
    await waitForHealth(settings.port, healthTimeoutMs)
    await sleep(settings.idleSeconds * 1000)
    const idleMemoryBytes = await memoryUsage(id)
    const startupMs = { median: median(samples), samples }
    if (!isOnPath('wrk')) {
      const throughputSkipped = 'wrk is not on PATH'
      return {
        startupMs,
        idleMemoryBytes,
        loadedMemoryBytes: null,
        requestsPerSecond: null,
        throughputSkipped,
      }
    }
    progress(`  wrk: ${settings.loadSeconds} s, ${settings.connections} connections`)
    const requests = await requestsPerSecond(settings)
    const loadedMemoryBytes = await memoryUsage(id)
    return { startupMs, idleMemoryBytes, loadedMemoryBytes, requestsPerSecond: requests }
  } finally {
    removeContainer(id)
  }
}
