// scripts/push.ts against a real registry on 127.0.0.1: the pushed manifest is the one skopeo
// reports in the registry, its config is the local image's, and the image pulls back whole.
import { createHash } from 'node:crypto'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { podman, podmanOk } from '../../scripts/images/podman.ts'
import { podmanEnv } from '../../scripts/images/scratch.ts'
import { hasTool } from '../support/tools.ts'
import { startRegistry, type LoopbackRegistry } from './registry.ts'
import { runBunScript } from './run.ts'

/** Registry port 5020 belongs to this file. */
const registryPort = 5020
const suffix = `${process.pid}`

function skopeo(args: string[]): string {
  const result = spawnSync('skopeo', args, { env: podmanEnv(), encoding: 'utf8', timeout: 120_000 })
  if (result.status !== 0) throw new Error(`skopeo ${args.join(' ')}: ${result.stderr}`)
  return result.stdout
}

/** Returns the digest that the registry reports for a pushed reference. */
function registryDigest(reference: string): string {
  const inspected = JSON.parse(skopeo(['inspect', '--tls-verify=false', reference]))
  return inspected.Digest as string
}

function pushedDigest(stdout: string): string {
  const match = /@(sha256:[0-9a-f]{64})$/m.exec(stdout)
  if (!match?.[1]) throw new Error(`push printed no digest: ${stdout}`)
  return match[1]
}

const tools = ['podman', 'skopeo', 'docker-registry'].every((tool) => hasTool(tool))

interface LocalImage {
  tag: string
  imageId: string
}

/**
 * Builds an image FROM scratch with two small files. Push needs no app, and this image does
 * not rebuild apps/api/dist, which the container tests rebuild at the same time.
 */
function buildSmallImage(directory: string, tag: string): LocalImage {
  const context = join(directory, 'context')
  mkdirSync(context)
  writeFileSync(join(context, 'first.txt'), `first layer ${tag}\n`)
  writeFileSync(join(context, 'second.txt'), 'second layer\n')
  writeFileSync(
    join(context, 'Containerfile'),
    'FROM scratch\nCOPY first.txt /\nCOPY second.txt /\n',
  )
  podmanOk(['build', '--format', 'docker', '--layers=false', '--tag', tag, context])
  return { tag, imageId: `sha256:${podmanOk(['image', 'inspect', '--format', '{{.Id}}', tag])}` }
}

describe.skipIf(!tools)('push tool', () => {
  let image: LocalImage
  let registry: LoopbackRegistry
  // Made in beforeAll, which a skipped suite does not run, so a skip leaves no folder behind.
  let directory: string
  const pulled = `localhost/notes-api-pulled-${suffix}:small`

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'notes-api-push-test-'))
    image = buildSmallImage(directory, `localhost/notes-api-push-test-${suffix}:small`)
    registry = await startRegistry(registryPort)
  })

  afterAll(async () => {
    await registry?.stop()
    for (const reference of [image?.tag, pulled])
      if (reference) podman(['rmi', '--force', reference])
    if (directory) rmSync(directory, { recursive: true, force: true })
  })

  test('pushes a local image and pulls it back', async () => {
    const destination = `${registry.address}/notes-api:small`
    const pushed = await runBunScript('scripts/push.ts', [
      '--tls-verify=false',
      image.tag,
      destination,
    ])
    expect(pushed.stderr).not.toContain('failed')
    expect(pushed.status).toBe(0)
    // Standard output is the digest line alone; skopeo's progress goes to standard error.
    expect(pushed.stdout.trim().split('\n')).toHaveLength(1)
    expect(pushed.stderr).toContain('Writing manifest')
    const digest = pushedDigest(pushed.stdout)
    expect(registryDigest(`docker://${destination}`)).toBe(digest)

    const manifest = JSON.parse(
      skopeo(['inspect', '--raw', '--tls-verify=false', `docker://${destination}`]),
    )
    expect(manifest.config.digest).toBe(image.imageId)

    skopeo([
      'copy',
      '--quiet',
      '--src-tls-verify=false',
      `docker://${destination}`,
      `containers-storage:${pulled}`,
    ])
    const [pulledImage] = JSON.parse(podmanOk(['image', 'inspect', pulled]))
    const [source] = JSON.parse(podmanOk(['image', 'inspect', image.tag]))
    expect(pulledImage.Id).toBe(source.Id)
    expect(pulledImage.RootFS.Layers).toEqual(source.RootFS.Layers)
  })

  test('keeps the manifest of an OCI layout', async () => {
    const layout = `oci:${join(directory, 'layout')}:small`
    skopeo(['copy', '--quiet', `containers-storage:${image.tag}`, layout])
    const sourceManifest = skopeo(['inspect', '--raw', layout])
    const sourceDigest = `sha256:${createHash('sha256').update(sourceManifest).digest('hex')}`

    const destination = `docker://${registry.address}/notes-api:oci`
    const pushed = await runBunScript('scripts/push.ts', [
      '--tls-verify=false',
      layout,
      destination,
    ])
    expect(pushed.status).toBe(0)
    expect(pushedDigest(pushed.stdout)).toBe(sourceDigest)
    expect(registryDigest(destination)).toBe(sourceDigest)
  })

  test('pushes a Docker archive path like nix build result', async () => {
    const archive = join(directory, 'image.tar')
    podmanOk(['save', '--format', 'docker-archive', '--output', archive, image.tag])
    const destination = `${registry.address}/notes-api:archive`
    const pushed = await runBunScript('scripts/push.ts', [
      '--tls-verify=false',
      archive,
      destination,
    ])
    expect(pushed.status).toBe(0)
    expect(pushed.stdout).toContain(`Pushed docker-archive:${archive} to docker://${destination}@`)
    const manifest = JSON.parse(
      skopeo(['inspect', '--raw', '--tls-verify=false', `docker://${destination}`]),
    )
    expect(manifest.config.digest).toBe(image.imageId)
  })

  test.each([
    [['--bogus', 'a', 'b'], "Unknown option '--bogus'"],
    [['a', 'oci:/tmp/layout'], 'only registries (docker://) are supported'],
  ])('rejects %j with exit code 2', async (args, message) => {
    const result = await runBunScript('scripts/push.ts', args)
    expect(result.status).toBe(2)
    expect(result.stderr).toContain(message)
  })

  test('rejects a missing destination with usage', async () => {
    const result = await runBunScript('scripts/push.ts', [image.tag])
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('Usage: bun scripts/push.ts')
  })

  test('fails with skopeo status on an unknown image', async () => {
    const destination = `${registry.address}/notes-api:missing`
    const missing = `localhost/notes-api-missing-${suffix}:none`
    const result = await runBunScript('scripts/push.ts', [
      '--tls-verify=false',
      missing,
      destination,
    ])
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(
      `Push of containers-storage:${missing} to docker://${destination} failed`,
    )
  })
})
