// Compares a parsed Containerfile with the runtime contract and the Bun pin. Each difference is a
// Drift that names the field and both values, so a failing test shows what to change.
import { basename, posix } from 'node:path'
import type { Copy, Env, Healthcheck, JSONInstruction, Label } from 'dockerfile-ast'
import type { RuntimeContract } from '../../scripts/images/contract.ts'
import {
  type Containerfile,
  finalStage,
  instructionsOf,
  runCommands,
  type Stage,
  stageChain,
} from './containerfile.ts'

export interface Drift {
  field: string
  expected: string
  actual: string
}

export function formatDrift({ field, expected, actual }: Drift): string {
  return `${field}: expected ${expected}, found ${actual}`
}

const none = '(none)'

function compare(drifts: Drift[], field: string, expected: string, actual: string | undefined) {
  const found = actual ?? none
  if (found !== expected) drifts.push({ field, expected, actual: found })
}

/** Returns the last value that ENV or LABEL instructions of the stage give each name. */
function properties(stage: Stage, keyword: 'ENV' | 'LABEL'): Map<string, string> {
  const values = new Map<string, string>()
  for (const instruction of instructionsOf(stage, keyword)) {
    for (const property of (instruction as Env | Label).getProperties()) {
      values.set(property.getName(), property.getValue() ?? '')
    }
  }
  return values
}

function lastArguments(stage: Stage, keyword: string): string | undefined {
  return instructionsOf(stage, keyword).at(-1)?.getArgumentsContent() ?? undefined
}

/** Returns an exec-form instruction's array as JSON, or a description of the shell form. */
function execForm(instruction: JSONInstruction | undefined): string | undefined {
  if (!instruction) return undefined
  const strings = instruction.getJSONStrings()
  if (strings.length === 0) return `shell form ${instruction.getArgumentsContent()}`
  return JSON.stringify(strings.map((value) => value.getJSONValue()))
}

function checkHealthcheck(drifts: Drift[], stage: Stage, contract: RuntimeContract) {
  const healthcheck = instructionsOf(stage, 'HEALTHCHECK').at(-1) as Healthcheck | undefined
  const flags = new Map(healthcheck?.getFlags().map((flag) => [flag.getName(), flag.getValue()]))
  const expected = contract.healthcheck
  compare(drifts, 'HEALTHCHECK --interval', expected.interval, flags.get('interval') ?? undefined)
  compare(drifts, 'HEALTHCHECK --timeout', expected.timeout, flags.get('timeout') ?? undefined)
  const startPeriod = flags.get('start-period') ?? undefined
  compare(drifts, 'HEALTHCHECK --start-period', expected.startPeriod, startPeriod)
  const retries = flags.get('retries') ?? undefined
  compare(drifts, 'HEALTHCHECK --retries', String(expected.retries), retries)

  const command = /\bCMD\s+(\[.*\])\s*$/s.exec(healthcheck?.getArgumentsContent() ?? '')?.[1]
  let actual = command === undefined ? undefined : `not exec form ${command}`
  if (command !== undefined) {
    try {
      actual = JSON.stringify(JSON.parse(command))
    } catch {
      // A CMD that is not a JSON array stays reported as "not exec form".
    }
  }
  compare(drifts, 'HEALTHCHECK CMD', JSON.stringify(expected.command), actual)
}

function checkLabels(drifts: Drift[], stage: Stage, contract: RuntimeContract) {
  const labels = properties(stage, 'LABEL')
  for (const [name, value] of Object.entries(contract.labels)) {
    compare(drifts, `LABEL ${name}`, value, labels.get(name))
  }
  const args = new Set(
    instructionsOf(stage, 'ARG').map((arg) => (arg.getArgumentsContent() ?? '').split('=')[0]),
  )
  for (const [name, arg] of Object.entries(contract.buildArgLabels)) {
    compare(drifts, `LABEL ${name}`, `\${${arg}}`, labels.get(name))
    compare(drifts, `ARG ${arg} in the final stage`, arg, args.has(arg) ? arg : undefined)
  }
}

/** Checks the final stage against every field of the runtime contract. */
export function checkRuntimeContract(file: Containerfile, contract: RuntimeContract): Drift[] {
  const drifts: Drift[] = []
  const stage = finalStage(file)

  compare(drifts, 'EXPOSE', String(contract.port), lastArguments(stage, 'EXPOSE'))
  const env = properties(stage, 'ENV')
  for (const [name, value] of Object.entries(contract.env)) {
    compare(drifts, `ENV ${name}`, value, env.get(name))
  }
  const { uid, gid } = contract.user
  compare(drifts, 'USER', `${uid}:${gid}`, lastArguments(stage, 'USER'))
  compare(drifts, 'WORKDIR', contract.workdir, lastArguments(stage, 'WORKDIR'))
  const volume = instructionsOf(stage, 'VOLUME').at(-1) as JSONInstruction | undefined
  compare(drifts, 'VOLUME', JSON.stringify([contract.volume]), execForm(volume))
  compare(drifts, 'STOPSIGNAL', contract.stopSignal, lastArguments(stage, 'STOPSIGNAL'))

  const entrypoint = instructionsOf(stage, 'ENTRYPOINT').at(-1) as JSONInstruction | undefined
  compare(drifts, 'ENTRYPOINT', JSON.stringify(contract.entrypoint), execForm(entrypoint))
  // A CMD would append arguments to the entrypoint.
  compare(drifts, 'CMD', none, lastArguments(stage, 'CMD'))

  checkHealthcheck(drifts, stage, contract)
  checkLabels(drifts, stage, contract)
  return drifts
}

/** Checks the `ARG BUN_VERSION=` line and every oven/bun tag against the pinned version. */
export function checkBunPin(text: string, file: Containerfile, version: string): Drift[] {
  const drifts: Drift[] = []
  const pins = [...text.matchAll(/^ARG BUN_VERSION=(\S*)$/gm)].map((match) => match[1] ?? '')
  compare(drifts, 'ARG BUN_VERSION=', version, pins.length > 0 ? pins.join(', ') : undefined)
  const initialPin = file.initialArgs.some((arg) => arg.getArgumentsContent()?.startsWith('BUN'))
  compare(drifts, 'ARG BUN_VERSION before the first FROM', 'present', initialPin ? 'present' : none)

  for (const stage of file.stages) {
    if (stage.from.getImageName() !== 'oven/bun') continue
    const tagVersion = stage.from.getImageTag()?.split('-')[0]
    compare(drifts, `FROM ${stage.from.getImage()} tag`, version, tagVersion)
  }

  // A builder stage compares `bun --version` with BUN_VERSION and fails with a message naming it.
  const checked = file.stages.some((stage) =>
    runCommands(stage).some(
      (run) => run.includes('--version') && run.includes('BUN_VERSION=$BUN_VERSION'),
    ),
  )
  compare(drifts, 'BUN_VERSION check step', 'present', checked ? 'present' : none)
  return drifts
}

/** Checks that every external base image is pinned by tag and by sha256 digest. */
export function checkBaseImagePins(file: Containerfile): Drift[] {
  const drifts: Drift[] = []
  const stageNames = new Set(file.stages.map((stage) => stage.name))
  for (const { from } of file.stages) {
    const image = from.getImage() ?? ''
    if (image === 'scratch' || stageNames.has(image)) continue
    // Podman rejects a short name such as oven/bun unless registries.conf has an alias or a
    // search registry for it, which Debian's podman does not.
    const qualified = from.getRegistry() ? 'a registry host' : none
    compare(drifts, `FROM ${image} registry`, 'a registry host', qualified)
    const tagged = from.getImageTag() ? 'a version tag' : none
    compare(drifts, `FROM ${image} tag`, 'a version tag', tagged)
    const digest = from.getImageDigest() ?? undefined
    const pinned = digest !== undefined && /^sha256:[0-9a-f]{64}$/.test(digest)
    compare(drifts, `FROM ${image} digest`, 'sha256:<64 hex>', pinned ? 'sha256:<64 hex>' : digest)
  }
  return drifts
}

/** Returns the paths, relative to the build's working directory, that a COPY writes. */
function copiedPaths(args: string[]): Map<string, string> {
  const destination = args.at(-1) ?? ''
  const sources = args.slice(0, -1)
  const written = new Map<string, string>()
  for (const source of sources) {
    const target = destination.endsWith('/') ? destination + basename(source) : destination
    written.set(source, posix.normalize(target))
  }
  return written
}

/**
 * Checks each stage that runs `bun install`: it uses --frozen-lockfile, and an earlier COPY in
 * its chain put each workspace manifest at its own path.
 */
export function checkFrozenInstall(file: Containerfile, manifests: string[]): Drift[] {
  const drifts: Drift[] = []
  const installStages = file.stages.filter((stage) =>
    runCommands(stage).some((run) => run.includes('bun install')),
  )
  compare(drifts, 'RUN bun install', 'present', installStages.length > 0 ? 'present' : none)

  for (const stage of installStages) {
    const label = `stage ${stage.name ?? stage.from.getImage()}`
    const installs = instructionsOf(stage, 'RUN').filter((run) =>
      (run.getArgumentsContent() ?? '').includes('bun install'),
    )
    for (const install of installs) {
      const command = install.getArgumentsContent() ?? ''
      const frozen = command.includes('--frozen-lockfile') ? '--frozen-lockfile' : command
      compare(drifts, `${label} RUN bun install`, '--frozen-lockfile', frozen)
    }

    // Manifests count only when copied before the first install, from the build context.
    const installLine = installs[0]?.getRange().start.line ?? Number.POSITIVE_INFINITY
    const written = new Map<string, string>()
    for (const chainStage of stageChain(file, stage)) {
      for (const copy of instructionsOf(chainStage, 'COPY')) {
        if (chainStage === stage && copy.getRange().start.line > installLine) continue
        if ((copy as Copy).getFlags().some((flag) => flag.getName() === 'from')) continue
        const args = copy.getArguments().map((argument) => argument.getValue())
        for (const [source, target] of copiedPaths(args)) written.set(source, target)
      }
    }
    for (const manifest of manifests) {
      compare(drifts, `${label} COPY ${manifest}`, manifest, written.get(manifest))
    }
  }
  return drifts
}
