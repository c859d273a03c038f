// The machine a comparison ran on: operating system, CPU, kernel and tool versions.
import { readFileSync } from 'node:fs'
import { availableParallelism, release } from 'node:os'
import { runCommand } from './command.ts'

export interface HostDescription {
  os: string
  architecture: string
  cpus: number
  kernel: string
  podman: string
  skopeo: string
  bun: string
}

function osName(): string {
  try {
    const osRelease = readFileSync('/etc/os-release', 'utf8')
    return /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(osRelease)?.[1] ?? process.platform
  } catch {
    return process.platform
  }
}

async function toolVersion(command: string): Promise<string> {
  const result = await runCommand(command, ['--version'], { timeoutMs: 10_000 }).catch(() => null)
  if (!result || result.status !== 0) return 'not found'
  return /\d+\.\d+\.\d+/.exec(result.stdout)?.[0] ?? result.stdout.trim()
}

export async function describeHost(): Promise<HostDescription> {
  return {
    os: osName(),
    architecture: process.arch,
    cpus: availableParallelism(),
    kernel: release(),
    podman: await toolVersion('podman'),
    skopeo: await toolVersion('skopeo'),
    bun: process.versions.bun ?? 'not run by Bun',
  }
}
