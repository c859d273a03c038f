// Command-line options of scripts/compare/index.ts.
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { repoRoot } from '../images/contract.ts'
import type { RuntimeSettings } from './runtime.ts'

export const usage = `Usage: bun scripts/compare/index.ts [options]

Builds every image variant that can be built here, measures it and writes results.json,
table.md and sizes.svg to the output folder. Variants that cannot be built are listed with
the reason.

Options:
  --out DIR            output folder (default: out/compare under the repository)
  --variants A,B       build and measure only these variants (default: all)
  --starts N           container starts for the median start-up time (default: 5)
  --load-seconds N     seconds of wrk load against /health (default: 10)
  --connections N      wrk connections (default: 32)
  --idle-seconds N     seconds between the first 200 and the idle memory reading (default: 3)
  --port N             host port on 127.0.0.1 for the measured containers (default: 3400)
  --image-repository R image repository for the builds (default: localhost/notes-api-compare)
  --sizes-only         measure sizes and layers only
  --check-budgets      exit 1 when an image is over its budget
  --budgets FILE       budget file (default: scripts/compare/budgets.json)
  --help               print this text`

export interface CliOptions {
  out: string
  variants: string[] | null
  runtime: RuntimeSettings
  imageRepository: string
  sizesOnly: boolean
  checkBudgets: boolean
  budgets: string
  help: boolean
}

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback
  const parsed = Number(value)
  if (!Number.isInteger(parsed) || parsed < 1) {
    throw new Error(`Invalid --${name} ${value}: expected a whole number of at least 1`)
  }
  return parsed
}

export function parseOptions(args: string[]): CliOptions {
  const { values } = parseArgs({
    args,
    options: {
      out: { type: 'string' },
      variants: { type: 'string' },
      starts: { type: 'string' },
      'load-seconds': { type: 'string' },
      connections: { type: 'string' },
      'idle-seconds': { type: 'string' },
      port: { type: 'string' },
      'image-repository': { type: 'string' },
      'sizes-only': { type: 'boolean', default: false },
      'check-budgets': { type: 'boolean', default: false },
      budgets: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  })
  return {
    out: resolve(values.out ?? resolve(repoRoot, 'out/compare')),
    variants: values.variants ? values.variants.split(',').map((name) => name.trim()) : null,
    runtime: {
      starts: positiveInteger('starts', values.starts, 5),
      loadSeconds: positiveInteger('load-seconds', values['load-seconds'], 10),
      connections: positiveInteger('connections', values.connections, 32),
      idleSeconds: positiveInteger('idle-seconds', values['idle-seconds'], 3),
      port: positiveInteger('port', values.port, 3400),
    },
    imageRepository: values['image-repository'] ?? 'localhost/notes-api-compare',
    sizesOnly: values['sizes-only'],
    checkBudgets: values['check-budgets'],
    budgets: resolve(values.budgets ?? resolve(repoRoot, 'scripts/compare/budgets.json')),
    help: values.help,
  }
}
