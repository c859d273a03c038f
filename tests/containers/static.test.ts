import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { loadBunVersion, loadContract, repoRoot } from '../../scripts/images/contract.ts'
import { renderScratchContainerfile } from '../../scripts/images/scratch-containerfile.ts'
import {
  type Containerfile,
  finalStage,
  instructionsOf,
  parseContainerfile,
  readRepoFile,
  runCommands,
  type Stage,
} from './containerfile.ts'
import {
  checkBaseImagePins,
  checkBunPin,
  checkFrozenInstall,
  checkRuntimeContract,
  formatDrift,
} from './contract-check.ts'

const contract = loadContract()
const bunVersion = loadBunVersion()
const variants = ['Containerfile.oven', 'Containerfile.alpine', 'Containerfile.nix'] as const

/** Lists bun.lock and every workspace manifest, expanding the root's `dir/*` workspace globs. */
function workspaceManifests(): string[] {
  const root = JSON.parse(readRepoFile('package.json')) as { workspaces: string[] }
  const manifests = ['package.json', 'bun.lock']
  for (const pattern of root.workspaces) {
    const parent = pattern.replace(/\/\*$/, '')
    for (const entry of readdirSync(join(repoRoot, parent))) {
      const manifest = `${parent}/${entry}/package.json`
      if (existsSync(join(repoRoot, manifest))) manifests.push(manifest)
    }
  }
  return manifests
}

function load(path: string): { text: string; file: Containerfile } {
  const text = readRepoFile(path)
  return { text, file: parseContainerfile(text) }
}

function stageNamed(file: Containerfile, name: string): Stage {
  const stage = file.stages.find((candidate) => candidate.name === name)
  if (!stage) throw new Error(`No stage named ${name}`)
  return stage
}

/** Returns every stage's text except the final stage's, joined. */
function builderText(file: Containerfile): string {
  return file.stages
    .slice(0, -1)
    .flatMap((stage) => stage.instructions.map((instruction) => instruction.getTextContent()))
    .join('\n')
}

describe.each(variants)('%s', (path) => {
  const { text, file } = load(path)

  test('follows the runtime contract', () => {
    expect(checkRuntimeContract(file, contract).map(formatDrift)).toEqual([])
  })

  test('pins Bun to nix/bun.json', () => {
    expect(checkBunPin(text, file, bunVersion).map(formatDrift)).toEqual([])
  })

  test('pins base images by tag and digest', () => {
    expect(checkBaseImagePins(file).map(formatDrift)).toEqual([])
  })

  test('installs from the frozen lockfile', () => {
    expect(checkFrozenInstall(file, workspaceManifests()).map(formatDrift)).toEqual([])
  })

  test('names every stage', () => {
    const unnamed = file.stages.filter((stage) => !stage.name).map((stage) => stage.from.getImage())
    expect(unnamed).toEqual([])
  })

  test('runtime stage copies the bundle to the workdir', () => {
    const copies = instructionsOf(finalStage(file), 'COPY').map((copy) => copy.getTextContent())
    const bundleCopy = copies.find((copy) => copy.includes('apps/api/dist/'))
    expect(bundleCopy).toMatch(new RegExp(`\\s${contract.workdir}/?$`))
  })

  test('runtime stage runs no package install', () => {
    const runs = runCommands(finalStage(file))
    const installs = runs.filter((run) => /\bbun (install|add)\b/.test(run))
    expect(installs).toEqual([])
  })
})

describe('Containerfile.oven', () => {
  const { file } = load('Containerfile.oven')

  test('builds from oven/bun only', () => {
    const images = file.stages
      .map((stage) => stage.from.getImageName())
      .filter((image) => !file.stages.some((stage) => stage.name === image))
    expect(new Set(images)).toEqual(new Set(['oven/bun']))
  })

  test('has install, build and runtime stages', () => {
    expect(file.stages.map((stage) => stage.name)).toEqual(['install', 'build', 'runtime'])
  })

  test('runs on the distroless variant', () => {
    expect(finalStage(file).from.getImageTag()).toBe(`${bunVersion}-distroless`)
  })
})

describe('Containerfile.alpine', () => {
  const { file } = load('Containerfile.alpine')
  const runtime = finalStage(file)

  test('builds from alpine only', () => {
    const stageNames = file.stages.map((stage) => stage.name)
    const bases = file.stages.filter((stage) => !stageNames.includes(stage.from.getImage()))
    expect(bases.map((stage) => stage.from.getImageName())).toEqual([
      'library/alpine',
      'library/alpine',
    ])
    expect(bases[0]?.from.getImage()).toBe(bases[1]?.from.getImage())
  })

  test('verifies the musl archive', () => {
    const download = runCommands(stageNamed(file, 'bun')).join('\n')
    expect(download).toMatch(/bun-linux-x64-musl/)
    expect(download).toMatch(/SHASUMS256\.txt\.asc/)
    expect(download).toMatch(/gpg --batch --decrypt/)
    expect(download).toMatch(/sha256sum -c/)
  })

  test('runtime adds only libstdc++ and libgcc', () => {
    const packages = runCommands(runtime)
      .flatMap((run) => [...run.matchAll(/apk add --no-cache ([^&;]+)/g)])
      .flatMap((match) => (match[1] ?? '').trim().split(/\s+/))
    expect(packages.sort()).toEqual(['libgcc', 'libstdc++'])
  })

  test('keeps download tools out of the runtime stage', () => {
    const runtimeLines = runtime.instructions.map((instruction) => instruction.getTextContent())
    const runtimeText = runtimeLines.join('\n')
    for (const tool of ['curl', 'bash', 'unzip', 'gnupg']) {
      expect(builderText(file)).toContain(tool)
      expect(runtimeText).not.toMatch(new RegExp(`\\b${tool}\\b`))
    }
  })
})

describe('Containerfile.nix', () => {
  const { file } = load('Containerfile.nix')
  const builder = stageNamed(file, 'builder')
  const runtime = finalStage(file)

  test('builder uses nixos/nix with flakes', () => {
    expect(builder.from.getImageName()).toBe('nixos/nix')
    const config = runCommands(builder).find((run) => run.includes('/etc/nix/nix.conf')) ?? ''
    expect(config).toContain("'experimental-features = nix-command flakes'")
    expect(config).toContain("'auto-optimise-store = true'")
    const timeout = Number(/'connect-timeout = (\d+)'/.exec(config)?.[1])
    expect(timeout).toBeGreaterThanOrEqual(60)
  })

  test('builder copies only the flake before nix build', () => {
    const nixBuild = instructionsOf(builder, 'RUN').find((run) =>
      (run.getArgumentsContent() ?? '').includes('nix build .#runtime-deps'),
    )
    expect(nixBuild).toBeDefined()
    const line = nixBuild?.getRange().start.line ?? 0
    const copied = instructionsOf(builder, 'COPY')
      .filter((copy) => copy.getRange().start.line < line)
      .flatMap((copy) =>
        copy
          .getArguments()
          .slice(0, -1)
          .map((argument) => argument.getValue()),
      )
    expect(copied).toEqual(['flake.nix', 'flake.lock', 'nix/'])
  })

  test('builder copies the store closure', () => {
    const commands = runCommands(builder).join('\n')
    expect(commands).toMatch(/nix-store (--query --requisites|-qR) \/src\/result/)
    expect(commands).toMatch(/ln -s "\$\(readlink -f \/src\/result\)\/bin" \/rootfs\/nix-bin/)
  })

  test('builder bundles with the flake Bun', () => {
    const env = instructionsOf(builder, 'ENV').map((instruction) => instruction.getTextContent())
    expect(env).toContain('ENV PATH=/src/result/bin:${PATH}')
    expect(runCommands(builder)).toContain('bun run --cwd apps/api build')
  })

  test('runtime is busybox glibc with /nix-bin on PATH', () => {
    expect(runtime.from.getImageName()).toBe('library/busybox')
    expect(runtime.from.getImageTag()).toMatch(/-glibc$/)
    const env = instructionsOf(runtime, 'ENV').map((instruction) => instruction.getTextContent())
    expect(env.join('\n')).toMatch(/PATH=\/nix-bin:/)
  })
})

describe('scratch image Containerfile', () => {
  const file = parseContainerfile(renderScratchContainerfile(contract))

  test('follows the runtime contract', () => {
    expect(checkRuntimeContract(file, contract).map(formatDrift)).toEqual([])
  })
})

describe('contract check', () => {
  const { text } = load('Containerfile.oven')

  test('reports a changed user', () => {
    const drifted = parseContainerfile(text.replace('USER 65532:65532', 'USER 1000'))
    const drifts = checkRuntimeContract(drifted, contract)
    expect(drifts).toEqual([{ field: 'USER', expected: '65532:65532', actual: '1000' }])
  })

  test('reports a shell-form entrypoint', () => {
    const shellForm = text.replace(
      'ENTRYPOINT ["bun", "/app/server.js"]',
      'ENTRYPOINT bun /app/server.js',
    )
    const drifts = checkRuntimeContract(parseContainerfile(shellForm), contract)
    expect(drifts.map(formatDrift)).toEqual([
      'ENTRYPOINT: expected ["bun","/app/server.js"], found shell form bun /app/server.js',
    ])
  })

  test('reports a changed health check interval', () => {
    const drifted = parseContainerfile(text.replace('--interval=10s', '--interval=30s'))
    const drifts = checkRuntimeContract(drifted, contract)
    expect(drifts).toEqual([{ field: 'HEALTHCHECK --interval', expected: '10s', actual: '30s' }])
  })

  test('reports another Bun version', () => {
    const drifted = text.replaceAll('1.3.14', '1.3.13')
    const drifts = checkBunPin(drifted, parseContainerfile(drifted), bunVersion)
    expect(drifts.map((drift) => [drift.expected, drift.actual])).toEqual([
      ['1.3.14', '1.3.13'],
      ['1.3.14', '1.3.13'],
      ['1.3.14', '1.3.13'],
    ])
    expect(drifts[0]?.field).toBe('ARG BUN_VERSION=')
    expect(drifts[1]?.field).toMatch(
      /^FROM docker\.io\/oven\/bun:1\.3\.13@sha256:[0-9a-f]{64} tag$/,
    )
    expect(drifts[2]?.field).toMatch(
      /^FROM docker\.io\/oven\/bun:1\.3\.13-distroless@sha256:[0-9a-f]{64} tag$/,
    )
  })

  test('reports a flattened manifest copy', () => {
    const flattened = text.replace(
      'COPY apps/api/package.json apps/api/package.json',
      'COPY apps/api/package.json ./',
    )
    const drifts = checkFrozenInstall(parseContainerfile(flattened), workspaceManifests())
    expect(drifts).toEqual([
      {
        field: 'stage install COPY apps/api/package.json',
        expected: 'apps/api/package.json',
        actual: 'package.json',
      },
    ])
  })

  test('reports a base image without registry', () => {
    const short = text.replace(
      'FROM docker.io/oven/bun:1.3.14-distroless',
      'FROM oven/bun:1.3.14-distroless',
    )
    expect(checkBaseImagePins(parseContainerfile(short))).toEqual([
      {
        field: expect.stringMatching(
          /^FROM oven\/bun:1\.3\.14-distroless@sha256:[0-9a-f]{64} registry$/,
        ),
        expected: 'a registry host',
        actual: '(none)',
      },
    ])
  })

  test('reports a base image without digest', () => {
    const undigested = text.replace(/@sha256:[0-9a-f]{64} AS runtime/, ' AS runtime')
    expect(checkBaseImagePins(parseContainerfile(undigested))).toEqual([
      {
        field: 'FROM docker.io/oven/bun:1.3.14-distroless digest',
        expected: 'sha256:<64 hex>',
        actual: '(none)',
      },
    ])
  })
})
