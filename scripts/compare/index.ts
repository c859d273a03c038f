// CLI: bun scripts/compare/index.ts [options]; `--help` lists them. Builds and measures every
// image variant, prints the Markdown table and writes results.json, table.md and sizes.svg.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { repoRoot } from '../images/contract.ts'
import { checkBudgets, readBudgets } from './budgets.ts'
import { compareVariants } from './compare.ts'
import { renderMarkdown } from './markdown.ts'
import { parseOptions, usage } from './options.ts'
import { progress } from './progress.ts'
import { renderSizeChart } from './svg.ts'
import { variants } from './variants.ts'

let options
try {
  options = parseOptions(process.argv.slice(2))
} catch (error) {
  console.error(`${error instanceof Error ? error.message : error}\n\n${usage}`)
  process.exit(2)
}
if (options.help) {
  console.log(usage)
  process.exit(0)
}

const known = variants.map((variant) => variant.name)
const unknown = (options.variants ?? []).filter((name) => !known.includes(name))
if (unknown.length > 0) {
  console.error(`Unknown variant ${unknown.join(', ')}: expected one of ${known.join(', ')}`)
  process.exit(2)
}
// Read the budgets before the long builds, so that a broken budget file fails at once.
const budgets = options.checkBudgets ? readBudgets(options.budgets) : null

const results = await compareVariants({
  repo: repoRoot,
  variants,
  selected: new Set(options.variants ?? known),
  imageRepository: options.imageRepository,
  runtime: options.runtime,
  sizesOnly: options.sizesOnly,
})

const table = renderMarkdown(results)
mkdirSync(options.out, { recursive: true })
writeFileSync(join(options.out, 'results.json'), `${JSON.stringify(results, null, 2)}\n`)
writeFileSync(join(options.out, 'table.md'), table)
writeFileSync(join(options.out, 'sizes.svg'), renderSizeChart(results))
process.stdout.write(table)
progress(`wrote results.json, table.md and sizes.svg to ${options.out}`)

if (budgets) {
  const check = checkBudgets(results, budgets)
  for (const line of check.unchecked) console.error(`budget not checked: ${line}`)
  for (const line of check.failures) console.error(line)
  if (check.failures.length > 0) process.exit(1)
  console.error(`Every measured image with a budget is within it (${options.budgets}).`)
}
