import { execFileSync } from 'node:child_process'

/** Vitest global setup: bundles the API once for every suite that starts it (Bun, Node, images). */
export default function buildApi(): void {
  for (const script of ['build', 'build:node']) {
    execFileSync('bun', ['run', '--cwd', 'apps/api', script], { stdio: 'inherit' })
  }
}
