// CLI: bun scripts/push.ts [--authfile FILE] [--tls-verify=false] IMAGE DESTINATION
//
// Copies a built image to a registry with `skopeo copy`, with no container daemon. IMAGE is a
// skopeo reference with its transport (containers-storage:, docker-archive:, oci:, docker://), a
// path to a Docker archive such as the `result` of `nix build .#image`, or else the name of an
// image in containers-storage (what `podman build` and `podman images` use). DESTINATION is a
// registry reference, with or without docker://. Credentials come from skopeo's usual files:
// $REGISTRY_AUTH_FILE, ${XDG_RUNTIME_DIR}/containers/auth.json (written by `skopeo login` and
// `podman login`), ~/.config/containers/auth.json, then ~/.docker/config.json, unless --authfile
// names one. Self-contained, so that nix/push.nix can run this one file. skopeo's progress goes to
// standard error, so standard output holds only the line with the pushed digest.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

const usage = `Usage: bun scripts/push.ts [--authfile FILE] [--tls-verify=false] IMAGE DESTINATION

  IMAGE        containers-storage:NAME, docker-archive:PATH, oci:DIR[:TAG], a Docker archive
               path (e.g. ./result of nix build .#image) or an image name in containers-storage
  DESTINATION  REGISTRY/REPOSITORY:TAG, with or without docker://
  --authfile   registry credentials file (default: skopeo's own order of auth.json files,
               then ~/.docker/config.json)
  --tls-verify=false
               use plain HTTP or an unverified certificate, for a registry on 127.0.0.1 only`

const transports = ['containers-storage:', 'docker-archive:', 'oci:', 'oci-archive:', 'docker://']

/** Turns the IMAGE argument into a skopeo source reference. */
function sourceReference(image: string): string {
  if (transports.some((transport) => image.startsWith(transport))) return image
  if (existsSync(image) && statSync(image).isFile()) return `docker-archive:${image}`
  return `containers-storage:${image}`
}

/** Turns the DESTINATION argument into a skopeo docker:// reference. */
function destinationReference(destination: string): string {
  if (destination.startsWith('docker://')) return destination
  if (destination.includes(':') && /^[a-z-]+:(?!\d)/.test(destination)) {
    throw new Error(`Invalid destination ${destination}: only registries (docker://) are supported`)
  }
  return `docker://${destination}`
}

function parseCommandLine() {
  return parseArgs({
    allowPositionals: true,
    options: {
      authfile: { type: 'string' },
      'tls-verify': { type: 'string', default: 'true' },
      help: { type: 'boolean', default: false },
    },
  })
}

function main(): number {
  let parsed: ReturnType<typeof parseCommandLine>
  try {
    parsed = parseCommandLine()
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`)
    return 2
  }
  const { values, positionals } = parsed
  if (values.help) {
    console.log(usage)
    return 0
  }
  const [image, destination] = positionals
  if (!image || !destination || positionals.length > 2) {
    console.error(usage)
    return 2
  }
  if (values['tls-verify'] !== 'true' && values['tls-verify'] !== 'false') {
    console.error(`Invalid --tls-verify=${values['tls-verify']}: expected true or false`)
    return 2
  }

  const source = sourceReference(image)
  let target: string
  try {
    target = destinationReference(destination)
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error))
    return 2
  }
  const scratch = mkdtempSync(join(tmpdir(), 'notes-api-push-'))
  try {
    const digestFile = join(scratch, 'digest')
    const args = ['copy', '--digestfile', digestFile, `--dest-tls-verify=${values['tls-verify']}`]
    if (values.authfile) args.push('--dest-authfile', values.authfile)
    args.push(source, target)
    console.error(`skopeo ${args.join(' ')}`)
    // skopeo prints its progress on standard output: send it to standard error.
    const result = spawnSync('skopeo', args, { stdio: ['inherit', process.stderr, 'inherit'] })
    if (result.error) throw result.error
    if (result.status !== 0) {
      console.error(`Push of ${source} to ${target} failed: skopeo exited ${result.status}`)
      return 1
    }
    const digest = readFileSync(digestFile, 'utf8').trim()
    console.log(`Pushed ${source} to ${target}@${digest}`)
    return 0
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

process.exit(main())
