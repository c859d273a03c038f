// A Containerfile parsed by dockerfile-ast and split into its build stages.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DockerfileParser, type From, type Instruction } from 'dockerfile-ast'
import { repoRoot } from '../../scripts/images/contract.ts'

export interface Stage {
  from: From
  /** The stage's `AS` name, or null for an unnamed stage. */
  name: string | null
  /** The instructions after this stage's FROM, up to the next FROM. */
  instructions: Instruction[]
}

export interface Containerfile {
  /** The ARG instructions before the first FROM. */
  initialArgs: Instruction[]
  stages: Stage[]
}

export function parseContainerfile(text: string): Containerfile {
  const dockerfile = DockerfileParser.parse(text)
  const stages: Stage[] = []
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      const from = instruction as From
      stages.push({ from, name: from.getBuildStage(), instructions: [] })
    } else {
      stages.at(-1)?.instructions.push(instruction)
    }
  }
  return { initialArgs: dockerfile.getInitialARGs(), stages }
}

export function readRepoFile(relativePath: string): string {
  return readFileSync(join(repoRoot, relativePath), 'utf8')
}

export function finalStage(file: Containerfile): Stage {
  const stage = file.stages.at(-1)
  if (!stage) throw new Error('The Containerfile has no FROM instruction')
  return stage
}

/** Returns the instructions of one keyword in a stage, in file order. */
export function instructionsOf(stage: Stage, keyword: string): Instruction[] {
  return stage.instructions.filter((instruction) => instruction.getKeyword() === keyword)
}

/** Returns the stage and every stage it is built FROM, base first. */
export function stageChain(file: Containerfile, stage: Stage): Stage[] {
  const chain = [stage]
  let current = stage
  for (;;) {
    const base = file.stages.find((candidate) => candidate.name === current.from.getImage())
    if (!base || chain.includes(base)) return chain.reverse()
    chain.push(base)
    current = base
  }
}

/** Returns the text of each RUN instruction in the stage. */
export function runCommands(stage: Stage): string[] {
  return instructionsOf(stage, 'RUN').map((run) => run.getArgumentsContent() ?? '')
}
