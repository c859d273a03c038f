// The Containerfile variants' quick check: the base images come from the FROM lines, and one that
// the registry does not have makes the variant unavailable with skopeo's error.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { baseImages, checkBaseImages } from '../../scripts/compare/containerfile-variant.ts'
import { repoRoot } from '../../scripts/images/contract.ts'
import { hasTool } from '../support/tools.ts'
import { startRegistry, type LoopbackRegistry } from './registry.ts'

/** Registry port 5030 belongs to this file. */
const registryPort = 5030

function containerfile(name: string): string {
  return readFileSync(join(repoRoot, name), 'utf8')
}

describe('base images', () => {
  test('skip stage names', () => {
    const images = baseImages(containerfile('Containerfile.alpine'))
    expect(images).toHaveLength(1)
    expect(images[0]).toMatch(/^alpine:3\.23\.4@sha256:[0-9a-f]{64}$/)
  })

  test('list every external base', () => {
    const images = baseImages(containerfile('Containerfile.nix'))
    expect(images.map((image) => image.split(':')[0])).toEqual(['nixos/nix', 'busybox'])
  })
})

describe.skipIf(!hasTool('skopeo') || !hasTool('docker-registry'))('base image check', () => {
  let registry: LoopbackRegistry

  beforeAll(async () => {
    registry = await startRegistry(registryPort)
  })

  afterAll(async () => {
    await registry?.stop()
  })

  test('rejects an image the registry lacks', async () => {
    const image = `${registry.address}/notes-api-base:missing`
    const check = checkBaseImages([image], 20_000, ['--tls-verify=false'])
    await expect(check).rejects.toThrow(`base image ${image} cannot be pulled`)
  })
})
