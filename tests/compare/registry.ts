// A real OCI registry (Debian's docker-registry) on 127.0.0.1 for the push tests, with its
// storage in a temporary directory; stopped by its process id.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

export interface LoopbackRegistry {
  /** host:port, e.g. 127.0.0.1:5010. */
  address: string
  stop(): Promise<void>
}

export async function startRegistry(port: number): Promise<LoopbackRegistry> {
  const directory = mkdtempSync(join(tmpdir(), 'notes-api-registry-'))
  const address = `127.0.0.1:${port}`
  const config = join(directory, 'config.yml')
  writeFileSync(
    config,
    [
      'version: 0.1',
      'log:',
      '  level: warn',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${join(directory, 'storage')}`,
      'http:',
      `  addr: ${address}`,
      '',
    ].join('\n'),
  )
  const child: ChildProcess = spawn('docker-registry', ['serve', config], { stdio: 'ignore' })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))

  async function stop(): Promise<void> {
    if (child.exitCode === null && child.pid !== undefined) process.kill(child.pid, 'SIGTERM')
    await Promise.race([exited, sleep(5_000)])
    rmSync(directory, { recursive: true, force: true })
  }

  const deadline = Date.now() + 15_000
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://${address}/v2/`, { signal: AbortSignal.timeout(1_000) })
      if (response.status === 200) return { address, stop }
    } catch {
      // Not listening yet.
    }
    if (child.exitCode !== null) break
    await sleep(100)
  }
  await stop()
  throw new Error(`docker-registry on ${address} did not answer GET /v2/ within 15 s`)
}
