// The Containerfile variants' quick check: the base images come from the FROM lines, and one that
// the registry does not have makes the variant unavailable with skopeo's error.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  baseImages,
  checkBaseImages,
  withoutTag,
} from '../../scripts/compare/containerfile-variant.ts'
import { podman, podmanOk } from '../../scripts/images/podman.ts'
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
    expect(images[0]).toMatch(/^docker\.io\/library\/alpine:3\.23\.4@sha256:[0-9a-f]{64}$/)
  })

  test('drop the tag beside a digest', () => {
    const digest = `sha256:${'a'.repeat(64)}`
    expect(withoutTag(`alpine:3.23.4@${digest}`)).toBe(`alpine@${digest}`)
    expect(withoutTag(`127.0.0.1:5030/base:1@${digest}`)).toBe(`127.0.0.1:5030/base@${digest}`)
    expect(withoutTag(`127.0.0.1:5030/base@${digest}`)).toBe(`127.0.0.1:5030/base@${digest}`)
    expect(withoutTag('alpine:3.23.4')).toBe('alpine:3.23.4')
  })

  test('list every external base', () => {
    const images = baseImages(containerfile('Containerfile.nix'))
    expect(images.map((image) => image.split(':')[0])).toEqual([
      'docker.io/nixos/nix',
      'docker.io/library/busybox',
    ])
  })
})

const tools = ['podman', 'skopeo', 'docker-registry'].every((tool) => hasTool(tool))

describe.skipIf(!tools)('base image check', () => {
  let registry: LoopbackRegistry
  // Made in beforeAll, which a skipped suite does not run, so a skip leaves no folder behind.
  let directory: string
  const tag = `localhost/notes-api-base-test-${process.pid}:1`

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'notes-api-base-test-'))
    registry = await startRegistry(registryPort)
  })

  afterAll(async () => {
    await registry?.stop()
    podman(['rmi', '--force', tag])
    if (directory) rmSync(directory, { recursive: true, force: true })
  })

  test('accepts a pinned image the registry has', async () => {
    writeFileSync(join(directory, 'base.txt'), 'base image\n')
    writeFileSync(join(directory, 'Containerfile'), 'FROM scratch\nCOPY base.txt /\n')
    podmanOk(['build', '--format', 'docker', '--layers=false', '--tag', tag, directory])
    const destination = `docker://${registry.address}/notes-api-base:1`
    const digestFile = join(directory, 'digest')
    const copy = ['copy', '--quiet', '--dest-tls-verify=false', '--digestfile', digestFile]
    const copied = spawnSync('skopeo', [...copy, `containers-storage:${tag}`, destination])
    expect(copied.status, String(copied.stderr)).toBe(0)
    const digest = readFileSync(digestFile, 'utf8').trim()

    const pinned = `${registry.address}/notes-api-base:1@${digest}`
    await expect(checkBaseImages([pinned], 20_000, ['--tls-verify=false'])).resolves.toBeUndefined()
  })

  test('rejects an image the registry lacks', async () => {
    const image = `${registry.address}/notes-api-base:missing`
    const check = checkBaseImages([image], 20_000, ['--tls-verify=false'])
    await expect(check).rejects.toThrow(`base image ${image} cannot be pulled`)
  })
})
