// Runs the repository's Bun scripts as processes, the way a user runs them.
import { type CommandOutput, runCommand } from '../../scripts/compare/command.ts'
import { repoRoot } from '../../scripts/images/contract.ts'

export type ScriptResult = CommandOutput

export function runBunScript(script: string, args: string[]): Promise<ScriptResult> {
  return runCommand('bun', [script, ...args], { cwd: repoRoot })
}
