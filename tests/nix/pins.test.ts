import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { hasTool } from '../support/tools.ts'
import { repoRoot, run } from './nix-cli.ts'

const pinFile = 'nix/bun.json'
const pinned = (JSON.parse(readFileSync(join(repoRoot, pinFile), 'utf8')) as { version: string })
  .version
const containerfiles = ['Containerfile.oven', 'Containerfile.alpine', 'Containerfile.nix']

function readRepoFile(relativePath: string): string {
  return readFileSync(join(repoRoot, relativePath), 'utf8')
}

/** Asserts that `actual` is the pinned version; a failure names the file, field and both values. */
function expectPinned(file: string, field: string, actual: string | undefined): void {
  expect(actual, `${file} (${field}): expected ${pinned} from ${pinFile}, actual ${actual}`).toBe(
    pinned,
  )
}

describe('bun pin agreement', () => {
  const manifest = JSON.parse(readRepoFile('package.json')) as {
    packageManager: string
    devDependencies: Record<string, string>
  }

  test('packageManager names the pinned bun', () => {
    expectPinned('package.json', 'packageManager', manifest.packageManager.replace(/^bun@/, ''))
  })

  test('@types/bun matches the pinned bun', () => {
    const typesVersion = manifest.devDependencies['@types/bun']
    expectPinned('package.json', 'devDependencies @types/bun', typesVersion)
  })

  test.skipIf(!hasTool('bun'))('bun on PATH is the pinned bun', () => {
    const result = run('bun', ['--version'])
    expect(result.status).toBe(0)
    expectPinned('PATH', 'bun --version', result.stdout.trim())
  })

  test.each(containerfiles)('%s defaults BUN_VERSION to the pin', (file) => {
    expect(existsSync(join(repoRoot, file)), `${file} is missing`).toBe(true)
    const defaults = [...readRepoFile(file).matchAll(/^ARG BUN_VERSION=(\S+)$/gm)].map(
      (match) => match[1],
    )
    expect(defaults, `${file}: expected one "ARG BUN_VERSION=${pinned}" line`).toHaveLength(1)
    expectPinned(file, 'ARG BUN_VERSION', defaults[0])
  })
})
