// The Nix images: `nix build` of a flake output (a Docker archive from buildLayeredImage), then
// `skopeo copy` of that archive into containers-storage.
import { runChecked, isOnPath } from './command.ts'
import type { Variant } from './variant.ts'

const nixOptions = ['--extra-experimental-features', 'nix-command flakes']

/**
 * Builds `attribute` of the flake in `repo`, a git work tree, so Nix copies only the files in its
 * index, and returns the store path of the archive.
 */
async function nixBuild(repo: string, attribute: string): Promise<string> {
  if (!isOnPath('nix')) throw new Error('nix is not on PATH')
  // NOTE: an uncached build downloads nixpkgs and compiles the closure: allow up to an hour.
  const output = await runChecked(
    'nix',
    [...nixOptions, 'build', '--no-link', '--json', `${repo}#${attribute}`],
    { cwd: repo, timeoutMs: 60 * 60_000 },
  )
  const [built] = JSON.parse(output) as { outputs: { out: string } }[]
  if (!built) throw new Error(`nix build ${attribute} reported no output path`)
  return built.outputs.out
}

export function nixVariant(name: string, attribute: string, description: string): Variant {
  return {
    name,
    description,
    servesApi: true,
    async build({ repo, tag }) {
      const archive = await nixBuild(repo, attribute)
      const source = `docker-archive:${archive}`
      await runChecked('skopeo', ['copy', '--quiet', source, `containers-storage:${tag}`], {
        timeoutMs: 10 * 60_000,
      })
    },
  }
}
