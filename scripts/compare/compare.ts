// Builds every selected variant from a copy of the working tree and measures it. A variant that
// cannot be built stays in the results with the reason.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { podman } from '../images/podman.ts'
import { deployCost } from './deploy-cost.ts'
import { describeHost } from './host.ts'
import { progress, step } from './progress.ts'
import type { ComparisonResults, MeasuredVariant, VariantResult } from './results.ts'
import { measureRuntime, type RuntimeSettings } from './runtime.ts'
import { measureSizes } from './sizes.ts'
import { applyOneLineChange, changedFile, snapshotRepository } from './snapshot.ts'
import type { Variant } from './variant.ts'

export interface CompareOptions {
  repo: string
  variants: Variant[]
  /** Names of the variants to build; the others are listed as not selected. */
  selected: Set<string>
  /** Image repository for the builds, e.g. localhost/notes-api-compare; the tag is the variant. */
  imageRepository: string
  runtime: RuntimeSettings
  /** Measures sizes and layers only: no containers, no load, no deploy-cost rebuild. */
  sizesOnly: boolean
}

function labelBuildArgs(repo: string): Record<string, string> {
  const manifest = JSON.parse(readFileSync(join(repo, 'apps/api/package.json'), 'utf8'))
  const args: Record<string, string> = { VERSION: String(manifest.version) }
  try {
    args.REVISION = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: repo,
      encoding: 'utf8',
    }).trim()
  } catch {
    // Outside a git checkout the revision label stays empty.
  }
  return args
}

/** Returns the id of the image that `reference` names, or null when there is none. */
function imageId(reference: string): string | null {
  const result = podman(['image', 'inspect', '--format', '{{.Id}}', reference])
  return result.status === 0 ? result.stdout.trim() : null
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

interface Workspace {
  layout: string
  baseline: string
  changed?: string
}

async function measureVariant(
  variant: Variant,
  options: CompareOptions,
  workspace: Workspace,
  buildArgs: Record<string, string>,
): Promise<VariantResult> {
  const { name, description } = variant
  const tag = `${options.imageRepository}:${name}`
  const previous = imageId(tag)
  try {
    await step(`${name}: build`, () => variant.build({ repo: workspace.baseline, tag, buildArgs }))
  } catch (error) {
    return { name, description, status: 'unavailable', reason: errorMessage(error) }
  }
  // The tag moved to the new build: remove the image of the previous run unless a container
  // still uses it, so repeated runs leave no untagged images behind.
  if (previous && previous !== imageId(tag)) podman(['rmi', previous])

  let sizes
  try {
    sizes = await step(`${name}: sizes`, () => measureSizes(tag, workspace.layout, name))
  } catch (error) {
    const reason = `built, but its sizes could not be read: ${errorMessage(error)}`
    return { name, description, status: 'unavailable', reason }
  }
  const result: MeasuredVariant = { name, description, status: 'measured', image: tag, sizes }
  if (options.sizesOnly) {
    result.runtimeSkipped = 'sizes-only run'
    result.deployCostSkipped = 'sizes-only run'
    return result
  }
  if (!variant.servesApi) {
    result.runtimeSkipped = 'the image holds no app'
    result.deployCostSkipped = 'the image holds no app'
    return result
  }
  try {
    result.runtime = await step(`${name}: start-up, memory, throughput`, () =>
      measureRuntime(tag, options.runtime),
    )
  } catch (error) {
    result.runtimeSkipped = `failed: ${errorMessage(error)}`
  }

  const changed = workspace.changed
  if (!changed) return result
  const rebuiltTag = `${tag}-deploy`
  try {
    await step(`${name}: rebuild after a one-line change to ${changedFile}`, () =>
      variant.build({ repo: changed, tag: rebuiltTag, buildArgs }),
    )
    const rebuilt = await measureSizes(rebuiltTag, workspace.layout, `${name}-deploy`, 0)
    result.deployCost = deployCost(sizes.layers, rebuilt.layers)
  } catch (error) {
    result.deployCostSkipped = `rebuild failed: ${errorMessage(error)}`
  } finally {
    podman(['rmi', '--force', rebuiltTag])
  }
  return result
}

export async function compareVariants(options: CompareOptions): Promise<ComparisonResults> {
  const measuredAt = new Date().toISOString()
  const host = await describeHost()
  const buildArgs = labelBuildArgs(options.repo)
  const layout = mkdtempSync(join(tmpdir(), 'notes-api-compare-oci-'))
  const workspace: Workspace = { layout, baseline: '' }
  try {
    workspace.baseline = await step('copy the working tree', () =>
      snapshotRepository(options.repo, 'baseline'),
    )
    if (!options.sizesOnly) {
      workspace.changed = await step('copy the working tree with a one-line change', async () => {
        const copy = await snapshotRepository(options.repo, 'changed')
        await applyOneLineChange(copy, measuredAt)
        return copy
      })
    }
    const variants: VariantResult[] = []
    for (const variant of options.variants) {
      const { name, description } = variant
      if (!options.selected.has(name)) {
        variants.push({ name, description, status: 'not selected', reason: 'not in --variants' })
        continue
      }
      const result = await measureVariant(variant, options, workspace, buildArgs)
      if (result.status === 'unavailable') progress(`${name}: not built: ${result.reason}`)
      variants.push(result)
    }
    return {
      measuredAt,
      host,
      settings: { ...options.runtime, sizesOnly: options.sizesOnly },
      variants,
    }
  } finally {
    for (const path of [layout, workspace.baseline, workspace.changed]) {
      if (path) rmSync(path, { recursive: true, force: true })
    }
  }
}
