// API: buildScratchImage({ tag, buildArgs? }): Promise<{ tag, imageId, bunVersion }>.
// CLI: bun scripts/images/scratch.ts --tag TAG [--build-arg NAME=VALUE]...
//
// Builds the notes API image FROM scratch out of parts on this machine. The parts are the pinned
// Bun binary, the glibc files it links (from ldd), the bundle of `bun run --cwd apps/api build`,
// the host's CA bundle, passwd and group for the runtime user, /tmp (1777) and the database
// directory (owned by the runtime user). The Containerfile is rendered from nix/contract.json and
// built in Docker format, which keeps HEALTHCHECK. Podman reads CONTAINERS_CONF, which defaults
// to scripts/containers.conf.
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs'
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { loadBunVersion, loadContract, repoRoot, type RuntimeContract } from './contract.ts'
import { bunDirectory, contextLayout, renderScratchContainerfile } from './scratch-containerfile.ts'

export interface ScratchImageOptions {
  /** Image reference to tag the build with, e.g. localhost/notes-api:scratch. */
  tag: string
  /**
   * Values for the build arguments of the contract's labels (SOURCE_URL, VERSION, REVISION).
   * VERSION defaults to apps/api/package.json's version and REVISION to the checked-out commit.
   */
  buildArgs?: Record<string, string>
}

export interface ScratchImage {
  tag: string
  imageId: string
  bunVersion: string
}

const caBundle = '/etc/ssl/certs/ca-certificates.crt'

/** Environment for podman: the repository's containers.conf unless CONTAINERS_CONF is set. */
export function podmanEnv(): NodeJS.ProcessEnv {
  const config = process.env.CONTAINERS_CONF ?? join(repoRoot, 'scripts/containers.conf')
  return { ...process.env, CONTAINERS_CONF: config }
}

function run(command: string, args: string[], cwd = repoRoot): string {
  return execFileSync(command, args, {
    cwd,
    env: podmanEnv(),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
}

/** Finds the real Bun executable of the pinned release: .tools/ first, then PATH. */
export function findPinnedBun(version: string): string {
  const toolsBun = join(repoRoot, '.tools/node_modules/.bin/bun')
  const launcher = existsSync(toolsBun) ? toolsBun : 'bun'
  // The npm package's bin entry can be a launcher script, so Bun reports its own executable.
  const executable = run(launcher, ['-e', 'process.stdout.write(process.execPath)'])
  const found = run(executable, ['--version']).trim()
  if (found !== version) {
    throw new Error(
      `Bun at ${executable} is ${found}, but nix/bun.json pins ${version}; ` +
        'run `. scripts/tools.sh` to install the pinned Bun into .tools/',
    )
  }
  return executable
}

/** Lists the absolute paths of the shared libraries and the loader that `ldd` reports. */
function linkedLibraries(executable: string): string[] {
  const paths: string[] = []
  for (const line of run('ldd', [executable]).split('\n')) {
    const match = /(?:=>\s*)?(\/\S+)\s+\(0x[0-9a-f]+\)/.exec(line)
    if (match?.[1]) paths.push(match[1])
  }
  if (paths.length === 0) throw new Error(`ldd ${executable} listed no libraries`)
  return paths
}

/** Copies the pinned Bun and the libraries it links into `rootfs`, at their paths in the image. */
export function stageBunRuntime(rootfs: string, bun: string): void {
  copyInto(rootfs, bun, `${bunDirectory}/bun`)
  for (const library of linkedLibraries(bun)) copyInto(rootfs, library)
}

function copyInto(rootfs: string, source: string, target = source): void {
  const destination = join(rootfs, target)
  mkdirSync(dirname(destination), { recursive: true })
  // copyFileSync follows symlinks, so a linked library lands as a regular file under its name.
  copyFileSync(source, destination)
}

function accountFiles(contract: RuntimeContract): { passwd: string; group: string } {
  const { name, uid, gid } = contract.user
  return {
    passwd:
      'root:x:0:0:root:/root:/sbin/nologin\n' +
      `${name}:x:${uid}:${gid}:${name}:${contract.workdir}:/sbin/nologin\n`,
    group: `root:x:0:\n${name}:x:${gid}:\n`,
  }
}

/** Returns every label build argument of the contract, empty where the repository has no value. */
function defaultBuildArgs(contract: RuntimeContract): Record<string, string> {
  const values: Record<string, string> = {}
  for (const arg of Object.values(contract.buildArgLabels)) values[arg] = ''
  const appManifest = JSON.parse(readFileSync(join(repoRoot, 'apps/api/package.json'), 'utf8'))
  values.VERSION = String(appManifest.version)
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' })
    values.REVISION = head.trim()
  } catch {
    // Outside a git checkout the revision label stays empty.
  }
  return values
}

function buildAppBundle(bun: string): string {
  run(bun, ['run', '--cwd', 'apps/api', 'build'])
  return join(repoRoot, 'apps/api/dist')
}

function stageContext(context: string, contract: RuntimeContract, bun: string): void {
  stageBunRuntime(join(context, contextLayout.runtime), bun)

  const system = join(context, contextLayout.system)
  copyInto(system, caBundle)
  const { passwd, group } = accountFiles(contract)
  writeFileSync(join(system, 'etc/passwd'), passwd)
  writeFileSync(join(system, 'etc/group'), group)
  const nsswitch = 'passwd: files\ngroup: files\nhosts: files dns\n'
  writeFileSync(join(system, 'etc/nsswitch.conf'), nsswitch)

  const dist = buildAppBundle(bun)
  for (const file of readdirSync(dist)) {
    copyInto(join(context, contextLayout.app), join(dist, file), file)
  }

  // tar sets the mode: Bun 1.3.14's fs.chmodSync drops the sticky bit that Node keeps.
  const tmpParent = join(context, 'tmp-parent')
  mkdirSync(join(tmpParent, 'tmp'), { recursive: true })
  const archive = join(context, contextLayout.tmpArchive)
  // A fixed mtime makes the archive the same bytes on every build, so podman reuses the cached
  // layer; with the build's time in it, a rebuild differed in this layer as well as the app's.
  const tarOptions = ['--owner=0', '--group=0', '--numeric-owner', '--mode=1777', '--mtime=@0']
  run('tar', ['--create', '--file', archive, ...tarOptions, '-C', tmpParent, 'tmp'])
  mkdirSync(join(context, contextLayout.volume))

  writeFileSync(join(context, 'Containerfile'), renderScratchContainerfile(contract))
}

/** Stages a build context in a temporary directory and builds it with `podman build`. */
export async function buildScratchImage(options: ScratchImageOptions): Promise<ScratchImage> {
  const contract = loadContract()
  const bunVersion = loadBunVersion()
  const bun = findPinnedBun(bunVersion)
  const context = mkdtempSync(join(tmpdir(), 'notes-api-scratch-'))
  try {
    stageContext(context, contract, bun)
    const labelValues = { ...defaultBuildArgs(contract), ...options.buildArgs }
    const buildArgs = Object.entries(labelValues).flatMap(([name, value]) => [
      '--build-arg',
      `${name}=${value}`,
    ])
    const idFile = join(context, 'image-id')
    // Docker format keeps HEALTHCHECK. --layers gives each COPY its own layer and reuses the
    // cached ones, so a rebuild after an app change differs in the app layer only. The cached
    // intermediate images go when the image is removed.
    const buildOptions = ['--format', 'docker', '--layers', '--iidfile', idFile]
    run('podman', ['build', ...buildOptions, '--tag', options.tag, ...buildArgs, '.'], context)
    const imageId = readFileSync(idFile, 'utf8').trim()
    return { tag: options.tag, imageId, bunVersion }
  } finally {
    rmSync(context, { recursive: true, force: true })
  }
}

function isMainModule(): boolean {
  const entry = process.argv[1]
  return entry !== undefined && resolve(entry) === fileURLToPath(import.meta.url)
}

if (isMainModule()) {
  const { values } = parseArgs({
    options: {
      tag: { type: 'string' },
      'build-arg': { type: 'string', multiple: true },
    },
  })
  if (!values.tag) {
    console.error('Usage: bun scripts/images/scratch.ts --tag TAG [--build-arg NAME=VALUE]...')
    process.exit(2)
  }
  const buildArgs: Record<string, string> = {}
  for (const pair of values['build-arg'] ?? []) {
    const separator = pair.indexOf('=')
    if (separator < 1) {
      console.error(`Invalid --build-arg ${pair}: expected NAME=VALUE`)
      process.exit(2)
    }
    buildArgs[pair.slice(0, separator)] = pair.slice(separator + 1)
  }
  const image = await buildScratchImage({ tag: values.tag, buildArgs })
  console.log(`Built ${image.tag} (${image.imageId}) with Bun ${image.bunVersion}`)
}
