// The Containerfile variants: each base image is looked up in its registry first, with a short
// time limit, so that an unreachable registry makes the variant unavailable within seconds
// instead of failing deep inside `podman build`.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DockerfileParser, type From } from 'dockerfile-ast'
import { describeFailure, runCommand, runChecked } from './command.ts'
import { buildArgOptions, type Variant } from './variant.ts'

/** Returns the images that a Containerfile's stages start FROM, leaving out earlier stages. */
export function baseImages(containerfile: string): string[] {
  const stages = new Set<string>()
  const images: string[] = []
  for (const instruction of DockerfileParser.parse(containerfile).getInstructions()) {
    if (instruction.getKeyword() !== 'FROM') continue
    const from = instruction as From
    const image = from.getImage()
    if (image && !stages.has(image) && image !== 'scratch' && !images.includes(image)) {
      images.push(image)
    }
    const stage = from.getBuildStage()
    if (stage) stages.add(stage)
  }
  return images
}

/**
 * Drops the tag from a reference that also has a digest: skopeo 1.9 rejects `name:tag@digest`,
 * and the digest alone names the same manifest.
 */
export function withoutTag(image: string): string {
  const at = image.indexOf('@')
  if (at < 0) return image
  const name = image.slice(0, at)
  const tagColon = name.lastIndexOf(':')
  const hasTag = tagColon > name.lastIndexOf('/')
  return hasTag ? `${name.slice(0, tagColon)}${image.slice(at)}` : image
}

/**
 * Fetches each image's manifest with `skopeo inspect --raw` and throws on the first that cannot
 * be read in `timeoutMs`, with skopeo's error. An image already in containers-storage passes.
 */
export async function checkBaseImages(
  images: string[],
  timeoutMs: number,
  extraOptions: string[] = [],
): Promise<void> {
  for (const image of images) {
    const local = await runCommand('podman', ['image', 'exists', image], { timeoutMs })
    if (local.status === 0) continue
    const args = ['inspect', '--raw', ...extraOptions, `docker://${withoutTag(image)}`]
    const result = await runCommand('skopeo', args, { timeoutMs })
    if (result.status !== 0) {
      throw new Error(
        `base image ${image} cannot be pulled: ${describeFailure('skopeo', args, result)}`,
      )
    }
  }
}

export function containerfileVariant(name: string, file: string, description: string): Variant {
  return {
    name,
    description,
    servesApi: true,
    async build({ repo, tag, buildArgs }) {
      const images = baseImages(readFileSync(join(repo, file), 'utf8'))
      await checkBaseImages(images, 20_000)
      const options = ['--format', 'docker', '--file', file, '--tag', tag]
      await runChecked('podman', ['build', ...options, ...buildArgOptions(buildArgs), '.'], {
        cwd: repo,
        timeoutMs: 60 * 60_000,
      })
    },
  }
}
