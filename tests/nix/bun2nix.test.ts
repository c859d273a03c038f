import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { hasTool } from '../support/tools.ts'
import { repoRoot, run } from './nix-cli.ts'

type LockPackage = [string, ...unknown[]]

/** Reads bun.lock, Bun's JSON text lockfile with trailing commas. */
function readBunLock(): { lockfileVersion: number; packages: Record<string, LockPackage> } {
  const text = readFileSync(join(repoRoot, 'bun.lock'), 'utf8')
  return JSON.parse(text.replace(/,(\s*[}\]])/g, '$1'))
}

const lock = readBunLock()
const outputDirectory = mkdtempSync(join(tmpdir(), 'bun2nix-'))

afterAll(() => {
  rmSync(outputDirectory, { recursive: true, force: true })
})

describe.skipIf(!hasTool('bun'))('bun2nix over bun.lock', () => {
  // The generated file names the registry's host, so it is written outside the repository.
  const output = join(outputDirectory, 'bun.nix')
  const result = run('bun', ['node_modules/bun2nix/index.ts', '-l', 'bun.lock', '-o', output])

  test('lockfile is version 1', () => {
    expect(lock.lockfileVersion).toBe(1)
  })

  test('cli succeeds', () => {
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
  })

  test('output lists every npm package with its hash', () => {
    const expression = readFileSync(output, 'utf8')
    const npmPackages = Object.values(lock.packages).filter(
      (entry) => !entry[0].includes('@workspace:'),
    )
    expect(npmPackages.length).toBeGreaterThan(0)
    for (const entry of npmPackages) {
      const [ident] = entry
      const hash = entry.find((field) => typeof field === 'string' && field.startsWith('sha512-'))
      expect(expression, `${ident} missing from the bun2nix output`).toContain(
        `"${ident}" = fetchurl`,
      )
      expect(expression, `${ident}: hash ${String(hash)} missing`).toContain(`hash = "${hash}"`)
    }
  })

  test('output copies every workspace package', () => {
    const workspaces = Object.values(lock.packages).filter((entry) =>
      entry[0].includes('@workspace:'),
    )
    expect(workspaces.length).toBeGreaterThan(0)
    const expression = readFileSync(output, 'utf8')
    for (const [ident] of workspaces) {
      const [name, path] = ident.split('@workspace:')
      expect(expression).toContain(`"${name}" = copyPathToStore ./${path}`)
    }
  })
})
