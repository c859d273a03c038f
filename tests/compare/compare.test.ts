// Runs the comparison end to end on the images that build on every machine (the FROM scratch
// image and the floor), with short durations, and checks its figures against podman and skopeo.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { repoRoot } from '../../scripts/images/contract.ts'
import { podman, podmanOk } from '../../scripts/images/podman.ts'
import type { ComparisonResults, MeasuredVariant } from '../../scripts/compare/results.ts'
import { megabytes } from '../../scripts/compare/format.ts'
import { hasTool } from '../support/tools.ts'
import { startRegistry, type LoopbackRegistry } from './registry.ts'
import { runBunScript, type ScriptResult } from './run.ts'

const tools = ['podman', 'skopeo', 'wrk', 'docker-registry'].every((tool) => hasTool(tool))
const imageRepository = `localhost/notes-api-compare-test-${process.pid}`
const starts = 2
/** Host port 3410 and registry port 5010 belong to this file. */
const containerPort = 3410
const registryPort = 5010

function measured(results: ComparisonResults, name: string): MeasuredVariant {
  const variant = results.variants.find((entry) => entry.name === name)
  if (variant?.status !== 'measured') throw new Error(`${name} was not measured`)
  return variant
}

describe.skipIf(!tools)('compare tool', () => {
  let out: string
  let run: ScriptResult
  let results: ComparisonResults
  let registry: LoopbackRegistry | undefined

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'notes-api-compare-test-'))
    run = await runBunScript('scripts/compare/index.ts', [
      '--variants',
      'scratch,floor',
      '--starts',
      String(starts),
      '--load-seconds',
      '2',
      '--idle-seconds',
      '1',
      '--port',
      String(containerPort),
      '--image-repository',
      imageRepository,
      '--out',
      out,
    ])
    if (run.status !== 0) throw new Error(`compare exited ${run.status}:\n${run.stderr}`)
    results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as ComparisonResults
  })

  afterAll(async () => {
    await registry?.stop()
    for (const name of ['scratch', 'floor'])
      podman(['rmi', '--force', `${imageRepository}:${name}`])
    rmSync(out, { recursive: true, force: true })
  })

  test('lists every variant, the unselected with a reason', () => {
    const names = results.variants.map((variant) => variant.name)
    expect(names).toEqual([
      'oven',
      'alpine',
      'nix-busybox-containerfile',
      'nix-image',
      'nix-image-busybox',
      'scratch',
      'floor',
    ])
    for (const variant of results.variants.slice(0, 5)) {
      expect(variant.status, variant.name).toBe('not selected')
      if (variant.status !== 'measured') expect(variant.reason).toContain('--variants')
    }
  })

  test.each(['scratch', 'floor'])('%s sizes match podman image inspect', (name) => {
    const variant = measured(results, name)
    const [inspected] = JSON.parse(podmanOk(['image', 'inspect', variant.image]))
    expect(variant.sizes.imageId).toBe(inspected.Id)
    expect(variant.sizes.uncompressedBytes).toBe(inspected.Size)
    expect(variant.sizes.layerCount).toBe(inspected.RootFS.Layers.length)
    expect(variant.sizes.layers.map((layer) => layer.diffId)).toEqual(inspected.RootFS.Layers)
  })

  test('compressed size matches the manifest in a registry', async () => {
    registry = await startRegistry(registryPort)
    const variant = measured(results, 'scratch')
    const destination = `docker://${registry.address}/notes-api-compare:scratch`
    const copy = [
      'copy',
      '--quiet',
      '--dest-tls-verify=false',
      `containers-storage:${variant.image}`,
    ]
    const copied = spawnOk('skopeo', [...copy, destination])
    expect(copied).toBe('')
    const manifest = JSON.parse(
      spawnOk('skopeo', ['inspect', '--raw', '--tls-verify=false', destination]),
    ) as { layers: { digest: string; size: number }[] }
    const registrySum = manifest.layers.reduce((sum, layer) => sum + layer.size, 0)
    expect(variant.sizes.compressedBytes).toBe(registrySum)
    expect(variant.sizes.layers.map((layer) => layer.digest)).toEqual(
      manifest.layers.map((layer) => layer.digest),
    )
  })

  test('largest layer lists the Bun binary', () => {
    const [layer] = measured(results, 'scratch').sizes.layers
    expect(layer?.largestFiles?.[0]?.path).toBe('/usr/local/bin/bun')
    expect(layer?.largestFiles?.[0]?.bytes).toBeGreaterThan(50e6)
  })

  test('runtime figures come from real starts and load', () => {
    const runtime = measured(results, 'scratch').runtime
    expect(runtime).toBeDefined()
    if (!runtime) return
    expect(runtime.startupMs.samples).toHaveLength(starts)
    const [low, high] = [...runtime.startupMs.samples].sort((a, b) => a - b)
    expect(runtime.startupMs.median).toBeGreaterThanOrEqual(low ?? 0)
    expect(runtime.startupMs.median).toBeLessThanOrEqual(high ?? 0)
    expect(runtime.idleMemoryBytes).toBeGreaterThan(1e6)
    expect(runtime.loadedMemoryBytes).toBeGreaterThan(1e6)
    expect(runtime.requestsPerSecond).toBeGreaterThan(100)
  })

  test('floor is not started, with the reason', () => {
    const floor = measured(results, 'floor')
    expect(floor.runtime).toBeUndefined()
    expect(floor.runtimeSkipped).toBe('the image holds no app')
  })

  test('deploy cost counts the rebuilt layer', () => {
    const scratch = measured(results, 'scratch')
    // The app is the last layer, so a one-line change replaces that layer and reuses the others.
    expect(scratch.deployCost, scratch.deployCostSkipped).toBeDefined()
    expect(scratch.deployCost?.layerCount).toBe(scratch.sizes.layerCount)
    expect(scratch.sizes.layerCount).toBeGreaterThan(1)
    expect(scratch.deployCost?.changedLayers).toBe(1)
    const appLayer = scratch.sizes.layers.at(-1)?.compressedBytes ?? 0
    const changedBytes = scratch.deployCost?.changedCompressedBytes ?? 0
    // The rebuilt app layer differs from the first build's by one line of source.
    expect(Math.abs(changedBytes - appLayer)).toBeLessThan(10_000)
    expect(changedBytes).toBeLessThan(scratch.sizes.compressedBytes / 10)
    expect(podman(['image', 'exists', `${imageRepository}:scratch-deploy`]).status).toBe(1)
  })

  test('leaves the working tree unchanged', () => {
    const server = readFileSync(join(repoRoot, 'apps/api/src/server.ts'), 'utf8')
    expect(server).not.toContain('deploy-cost change')
  })

  test('writes the table, the chart and stdout', () => {
    const table = readFileSync(join(out, 'table.md'), 'utf8')
    expect(run.stdout).toBe(table)
    const scratch = measured(results, 'scratch')
    const row = table.split('\n').find((line) => line.startsWith('| scratch |'))
    expect(row).toContain(megabytes(scratch.sizes.uncompressedBytes))
    expect(row).toContain(megabytes(scratch.sizes.compressedBytes))
    expect(table).toContain('nix-image (nix build .#image')
    const svg = readFileSync(join(out, 'sizes.svg'), 'utf8')
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(svg).toContain(`>${megabytes(scratch.sizes.compressedBytes)}</text>`)
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true)
  })
})

function spawnOk(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 120_000 })
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.stderr}`)
  return result.stdout.trim()
}
