// Measures the API on loopback with wrk: requests per second of GET /health and GET /notes/:id on
// Bun and on Node, beside Hono with no middleware and a bare Bun.serve as the ceiling. It also
// measures the time from process start to the first 200 on Bun. Run `bun run bench` after
// `. scripts/tools.sh`, which puts the pinned Bun and Node 22 on PATH. Exits 1 when a target is
// missed, and writes out/bench/api.json.
import { type Subprocess, spawn, spawnSync } from 'bun'
import { mkdirSync, writeFileSync } from 'node:fs'

const DURATION = process.env.BENCH_DURATION ?? '10s'
const CONNECTIONS = process.env.BENCH_CONNECTIONS ?? '50'
const STARTS = Number(process.env.BENCH_STARTS ?? 20)
const CEILING_SHARE_TARGET = 0.75
const STARTUP_MEDIAN_TARGET_MS = 50

const root = new URL('../../../', import.meta.url).pathname
const quietEnv = { ...process.env, HOST: '127.0.0.1', DATABASE_PATH: ':memory:', LOG_LEVEL: 'warn' }

const commands = {
  'app on Bun': ['bun', `${root}apps/api/dist/server.js`],
  'app on Node': [
    'node',
    '--disable-warning=ExperimentalWarning',
    `${root}apps/api/dist-node/node.js`,
  ],
  'Hono alone on Bun': ['bun', `${root}apps/api/bench/bare-hono.ts`],
  'bare Bun.serve': ['bun', `${root}apps/api/bench/bare-server.ts`],
} as const
type Target = keyof typeof commands

function run(command: string[]): string {
  const result = spawnSync(command, { cwd: root, stderr: 'inherit' })
  if (result.exitCode !== 0) throw new Error(`${command.join(' ')} exited ${result.exitCode}`)
  return result.stdout.toString()
}

async function waitFor200(url: string, deadline: number): Promise<void> {
  while (performance.now() < deadline) {
    try {
      if ((await fetch(url)).status === 200) return
    } catch {
      // Not listening yet.
    }
    await Bun.sleep(1)
  }
  throw new Error(`${url} did not return 200 in time`)
}

async function startTarget(target: Target, port: number): Promise<Subprocess> {
  const child = spawn([...commands[target]], {
    env: { ...quietEnv, PORT: String(port) },
    stdout: 'ignore',
    stderr: 'inherit',
  })
  await waitFor200(`http://127.0.0.1:${port}/health`, performance.now() + 10_000)
  return child
}

async function stopTarget(child: Subprocess): Promise<void> {
  child.kill('SIGTERM')
  await child.exited
}

function wrk(url: string): number {
  const output = run(['wrk', '-t', '1', '-c', CONNECTIONS, '-d', DURATION, '--latency', url])
  const match = /Requests\/sec:\s+([\d.]+)/.exec(output)
  if (!match?.[1]) throw new Error(`wrk printed no Requests/sec:\n${output}`)
  return Number(match[1])
}

async function throughput(target: Target, port: number) {
  const child = await startTarget(target, port)
  try {
    const health = wrk(`http://127.0.0.1:${port}/health`)
    if (target === 'bare Bun.serve' || target === 'Hono alone on Bun') return { health, note: null }

    const created = await fetch(`http://127.0.0.1:${port}/notes`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'benchmark', body: 'x'.repeat(200) }),
    })
    const { id } = (await created.json()) as { id: string }
    return { health, note: wrk(`http://127.0.0.1:${port}/notes/${id}`) }
  } finally {
    await stopTarget(child)
  }
}

async function startupTimes(port: number): Promise<number[]> {
  const times: number[] = []
  for (let index = 0; index < STARTS; index += 1) {
    const started = performance.now()
    const child = spawn([...commands['app on Bun']], {
      env: { ...quietEnv, PORT: String(port) },
      stdout: 'ignore',
      stderr: 'inherit',
    })
    await waitFor200(`http://127.0.0.1:${port}/health`, started + 10_000)
    times.push(performance.now() - started)
    await stopTarget(child)
  }
  return times
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

run(['bun', 'run', '--cwd', 'apps/api', 'build'])
run(['bun', 'run', '--cwd', 'apps/api', 'build:node'])

const port = Number(process.env.BENCH_PORT ?? 3390)
const results: Record<string, { health: number; note: number | null }> = {}
for (const target of Object.keys(commands) as Target[]) {
  console.error(`wrk -c ${CONNECTIONS} -d ${DURATION} against ${target}`)
  results[target] = await throughput(target, port)
}
console.error(`${STARTS} starts of the app on Bun`)
const starts = await startupTimes(port)

const ceiling = results['bare Bun.serve']?.health ?? Number.NaN
const bunHealth = results['app on Bun']?.health ?? Number.NaN
const share = bunHealth / ceiling
const honoShare = (results['Hono alone on Bun']?.health ?? Number.NaN) / ceiling
const startupMedian = median(starts)

const versions = {
  bun: run(['bun', '--version']).trim(),
  node: run(['node', '--version']).trim(),
  // wrk prints its version and exits 1 when asked for it.
  wrk: spawnSync(['wrk', '--version']).stdout.toString().split('\n')[0]?.trim(),
}
const rows = Object.entries(results).map(
  ([target, { health, note }]) =>
    `| ${target} | ${Math.round(health)} | ${note === null ? 'n/a' : Math.round(note)} |`,
)
console.log(
  [
    `| server | GET /health req/s | GET /notes/:id req/s |`,
    `| --- | ---: | ---: |`,
    ...rows,
    '',
    `/health on Bun is ${(share * 100).toFixed(1)}% of the bare Bun.serve ceiling (target >= ${CEILING_SHARE_TARGET * 100}%).`,
    `Hono alone (no middleware) is ${(honoShare * 100).toFixed(1)}% of the same ceiling.`,
    `Start to first 200 on Bun: median ${startupMedian.toFixed(1)} ms over ${STARTS} starts (target <= ${STARTUP_MEDIAN_TARGET_MS} ms).`,
    `wrk -t 1 -c ${CONNECTIONS} -d ${DURATION}; ${versions.wrk}; Bun ${versions.bun}; Node ${versions.node}.`,
  ].join('\n'),
)

const record = {
  measuredAt: new Date().toISOString(),
  versions,
  duration: DURATION,
  connections: Number(CONNECTIONS),
  results,
  startupMs: starts,
  startupMedianMs: startupMedian,
  ceilingShare: share,
  honoCeilingShare: honoShare,
}
mkdirSync(`${root}out/bench`, { recursive: true })
writeFileSync(`${root}out/bench/api.json`, `${JSON.stringify(record, null, 2)}\n`)

const missed = [
  share < CEILING_SHARE_TARGET &&
    `/health on Bun reached ${(share * 100).toFixed(1)}% of the ceiling`,
  startupMedian > STARTUP_MEDIAN_TARGET_MS && `start-up median was ${startupMedian.toFixed(1)} ms`,
].filter(Boolean)
if (missed.length > 0) {
  console.error(`Target missed: ${missed.join('; ')}`)
  process.exit(1)
}
