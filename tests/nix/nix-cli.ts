// Runs the Nix 2.8 command line tools that CI installs (nix-instantiate), on files of this
// repository, with no nixpkgs and no network.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

/** Directories that hold no committed Nix files: installed packages and tool caches. */
const skippedDirectories = new Set(['.git', 'node_modules', '.tools', 'dist', 'out', 'data'])

export interface CommandResult {
  status: number | null
  stdout: string
  stderr: string
}

export function run(command: string, args: string[]): CommandResult {
  const result = spawnSync(command, args, { cwd: repoRoot, encoding: 'utf8' })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** Evaluates a Nix expression strictly and returns its value decoded from JSON. */
export function evaluateJson(expression: string): unknown {
  const result = run('nix-instantiate', ['--eval', '--strict', '--json', '--expr', expression])
  if (result.status !== 0) {
    throw new Error(`nix-instantiate --eval failed for ${expression}:\n${result.stderr}`)
  }
  return JSON.parse(result.stdout)
}

/** Returns a Nix path literal for a file of this repository. */
export function nixPath(relativePath: string): string {
  return join(repoRoot, relativePath)
}

/**
 * Lists every Nix file under the repository root, relative to it, sorted. Containerfile.nix is a
 * Containerfile whose name ends in .nix, not Nix code.
 */
export function listNixFiles(directory: string = repoRoot): string[] {
  const files: string[] = []
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name)
    if (entry.isDirectory() && !skippedDirectories.has(entry.name)) {
      files.push(...listNixFiles(path))
    } else if (
      entry.isFile() &&
      entry.name.endsWith('.nix') &&
      !entry.name.startsWith('Containerfile')
    ) {
      files.push(relative(repoRoot, path))
    }
  }
  return files.sort()
}
