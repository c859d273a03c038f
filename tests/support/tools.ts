import { spawnSync } from 'node:child_process'

/**
 * Reports whether `command` is on PATH. Suites that need a tool call this once: a missing tool
 * skips the suite on a developer's machine but throws under CI=true, so that CI never passes by
 * skipping.
 */
export function hasTool(command: string): boolean {
  const found = spawnSync('sh', ['-c', `command -v "$1"`, 'sh', command]).status === 0
  if (!found && process.env.CI === 'true') {
    throw new Error(`${command} is not on PATH, and CI=true requires it; .ci/run installs it`)
  }
  if (!found) console.warn(`Skipping the suites that need ${command}: it is not on PATH`)
  return found
}
