// Podman helpers for the container tests: every call uses scripts/containers.conf and every wait is
// bounded. The helpers that scripts/compare uses too live in scripts/images/podman.ts.
import { setTimeout as sleep } from 'node:timers/promises'
import { podman, type CommandResult } from '../../scripts/images/podman.ts'
import { runCommand } from '../../scripts/compare/command.ts'

export {
  podman,
  podmanOk,
  removeContainer,
  startContainer,
  waitForHealth,
  type CommandResult,
  type ContainerOptions,
} from '../../scripts/images/podman.ts'

/** Starts podman in the background, so that a test can act while the command runs. */
export function podmanAsync(args: string[]): Promise<CommandResult> {
  return runCommand('podman', args)
}

/** Polls the container's log until it contains `text`, for at most `timeoutMs`. */
export async function waitForLog(id: string, text: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const { stdout, stderr } = podman(['logs', id])
    if (stdout.includes(text) || stderr.includes(text)) return
    await sleep(50)
  }
  throw new Error(`Container ${id} logged no "${text}" within ${timeoutMs} ms`)
}

/**
 * Runs `bun -e SCRIPT` inside the container as its default user. Scripts use `import`: Bun 1.3.14
 * exits 0 on an uncaught error in a `-e` script that uses `require` without `import`.
 */
export function execBun(id: string, script: string, env: Record<string, string> = {}) {
  const envArgs = Object.entries(env).flatMap(([name, value]) => ['--env', `${name}=${value}`])
  return podman(['exec', ...envArgs, id, 'bun', '-e', script])
}
