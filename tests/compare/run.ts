// Runs the repository's Bun scripts as processes, the way a user runs them.
import { spawn } from 'node:child_process'
import { repoRoot } from '../../scripts/images/contract.ts'

export interface ScriptResult {
  status: number | null
  stdout: string
  stderr: string
}

export function runBunScript(script: string, args: string[]): Promise<ScriptResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('bun', [script, ...args], { cwd: repoRoot })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (status) => resolve({ status, stdout, stderr }))
  })
}
