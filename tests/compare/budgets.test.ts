// The budget mode exits 1 naming the image and both figures when an image is over its budget,
// and 0 when every measured image is within. The budget file is validated before any build.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { checkBudgets as checkResults, readBudgets } from '../../scripts/compare/budgets.ts'
import type { ComparisonResults } from '../../scripts/compare/results.ts'
import { megabytes } from '../../scripts/compare/format.ts'
import { repoRoot } from '../../scripts/images/contract.ts'
import { podman, podmanOk } from '../../scripts/images/podman.ts'
import { hasTool } from '../support/tools.ts'
import { runBunScript, type ScriptResult } from './run.ts'

const imageRepository = `localhost/notes-api-budget-test-${process.pid}`
const directory = mkdtempSync(join(tmpdir(), 'notes-api-budget-test-'))

function writeBudgets(name: string, content: unknown): string {
  const path = join(directory, name)
  writeFileSync(path, JSON.stringify(content))
  return path
}

function checkBudgets(budgets: string): Promise<ScriptResult> {
  return runBunScript('scripts/compare/index.ts', [
    '--variants',
    'scratch',
    '--sizes-only',
    '--check-budgets',
    '--budgets',
    budgets,
    '--image-repository',
    imageRepository,
    '--out',
    join(directory, 'out'),
  ])
}

afterAll(() => rmSync(directory, { recursive: true, force: true }))

describe('budget file', () => {
  test('rejects a missing maximum', () => {
    const path = writeBudgets('missing.json', { images: { scratch: { maxCompressedMB: 45 } } })
    expect(() => readBudgets(path)).toThrow('images.scratch.maxUncompressedMB')
  })

  test('rejects a file without images', () => {
    const path = writeBudgets('empty.json', {})
    expect(() => readBudgets(path)).toThrow('expected an "images" object')
  })

  test('committed budgets parse', () => {
    const budgets = readBudgets(join(repoRoot, 'scripts/compare/budgets.json'))
    expect(Object.keys(budgets)).toContain('scratch')
  })
})

describe('budget check', () => {
  const budgets = { scratch: { maxUncompressedMB: 100, maxCompressedMB: 40 } }

  function resultsWith(variant: ComparisonResults['variants'][number]): ComparisonResults {
    return { variants: [variant] } as ComparisonResults
  }

  test('fails a budgeted image that was not built', () => {
    const results = resultsWith({
      name: 'scratch',
      description: 'test image',
      status: 'unavailable',
      reason: 'podman build failed',
    })
    expect(checkResults(results, budgets).failures).toEqual([
      'scratch has a size budget but was not built: podman build failed',
    ])
  })

  test('leaves an unselected image unchecked', () => {
    const results = resultsWith({
      name: 'scratch',
      description: 'test image',
      status: 'not selected',
      reason: 'not in --variants',
    })
    const check = checkResults(results, budgets)
    expect(check.failures).toEqual([])
    expect(check.unchecked).toEqual(['scratch: not measured (not selected)'])
  })
})

describe.skipIf(!hasTool('podman') || !hasTool('skopeo'))('budget mode', () => {
  let over: ScriptResult

  beforeAll(async () => {
    const budgets = { images: { scratch: { maxUncompressedMB: 1000, maxCompressedMB: 1 } } }
    over = await checkBudgets(writeBudgets('over.json', budgets))
  })

  afterAll(() => {
    podman(['rmi', '--force', `${imageRepository}:scratch`])
  })

  test('exits 1 naming the image and both figures', () => {
    expect(over.status, over.stderr).toBe(1)
    const [inspected] = JSON.parse(podmanOk(['image', 'inspect', `${imageRepository}:scratch`]))
    const uncompressed = megabytes(inspected.Size)
    expect(over.stderr).toMatch(
      new RegExp(
        `scratch is over its size budget: uncompressed ${uncompressed} \\(budget 1000 MB, ` +
          `within\\), compressed [\\d.]+ MB \\(budget 1 MB, over\\)`,
      ),
    )
  })

  test('exits 0 within the committed budgets', async () => {
    const within = await checkBudgets(join(repoRoot, 'scripts/compare/budgets.json'))
    expect(within.stderr).not.toContain('over its size budget')
    expect(within.status, within.stderr).toBe(0)
    expect(within.stderr).toContain('budget not checked: floor: not measured (not selected)')
  })
})
