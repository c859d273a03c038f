// Size budgets: a maximum uncompressed and compressed size per image, in decimal megabytes, read
// from a JSON file such as scripts/compare/budgets.json.
import { readFileSync } from 'node:fs'
import { megabytes } from './format.ts'
import type { ComparisonResults } from './results.ts'

export interface Budget {
  maxUncompressedMB: number
  maxCompressedMB: number
}

export interface BudgetCheck {
  /**
   * One line per image over a budget, with both sizes and both maximums, and one per budgeted
   * image that was selected but could not be built.
   */
  failures: string[]
  /** Measured images that have no budget, and budgeted images that were not selected. */
  unchecked: string[]
}

export function readBudgets(path: string): Record<string, Budget> {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as { images?: unknown }
  if (typeof parsed.images !== 'object' || parsed.images === null) {
    throw new Error(`${path}: expected an "images" object mapping image names to budgets`)
  }
  const budgets = parsed.images as Record<string, Partial<Budget>>
  for (const [name, budget] of Object.entries(budgets)) {
    for (const field of ['maxUncompressedMB', 'maxCompressedMB'] as const) {
      if (typeof budget[field] !== 'number' || !(budget[field] > 0)) {
        throw new Error(`${path}: images.${name}.${field} must be a positive number`)
      }
    }
  }
  return budgets as Record<string, Budget>
}

/** Describes one size against its budget, e.g. `compressed 40.5 MB (budget 45 MB, over)`. */
function figure(label: string, bytes: number, maxMB: number): string {
  const verdict = bytes > maxMB * 1e6 ? 'over' : 'within'
  return `${label} ${megabytes(bytes)} (budget ${maxMB} MB, ${verdict})`
}

export function checkBudgets(
  results: ComparisonResults,
  budgets: Record<string, Budget>,
): BudgetCheck {
  const failures: string[] = []
  const unchecked: string[] = []
  for (const variant of results.variants) {
    const budget = budgets[variant.name]
    if (variant.status === 'unavailable' && budget) {
      // A budgeted image that fails to build must not pass the check by its absence.
      failures.push(`${variant.name} has a size budget but was not built: ${variant.reason}`)
      continue
    }
    if (variant.status !== 'measured') {
      if (budget) unchecked.push(`${variant.name}: not measured (${variant.status})`)
      continue
    }
    if (!budget) {
      unchecked.push(`${variant.name}: no budget`)
      continue
    }
    const { uncompressedBytes, compressedBytes } = variant.sizes
    const over =
      uncompressedBytes > budget.maxUncompressedMB * 1e6 ||
      compressedBytes > budget.maxCompressedMB * 1e6
    if (!over) continue
    failures.push(
      `${variant.name} is over its size budget: ` +
        `${figure('uncompressed', uncompressedBytes, budget.maxUncompressedMB)}, ` +
        `${figure('compressed', compressedBytes, budget.maxCompressedMB)}`,
    )
  }
  return { failures, unchecked }
}
