// Runs the repository's Bun scripts as processes, the way a user runs them.
import { repoRoot } from '../../scripts/images/contract.ts'
import { type SpawnResult, spawnAndCollect } from '../support/spawn.ts'

export type ScriptResult = SpawnResult

export function runBunScript(script: string, args: string[]): Promise<ScriptResult> {
  return spawnAndCollect('bun', [script, ...args], { cwd: repoRoot })
}
