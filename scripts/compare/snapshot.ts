// Temporary copies of the repository, so that the images are built from the working tree as it
// is, and the deploy-cost rebuild changes a copy instead of the user's files.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runChecked } from './command.ts'

/** The file that the deploy-cost rebuild changes by one line: the API's entry point on Bun. */
export const changedFile = 'apps/api/src/server.ts'

/** Lists the working tree's files that git does not ignore, tracked or not. */
async function listWorkingTree(repo: string): Promise<string[]> {
  const output = await runChecked(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', '-z'],
    { cwd: repo },
  )
  return output.split('\0').filter((path) => path.length > 0 && existsSync(join(repo, path)))
}

/** Lists the workspace's node_modules folders: the root's and each app's and package's. */
function workspaceNodeModules(repo: string): string[] {
  const folders = ['node_modules']
  for (const parent of ['apps', 'packages']) {
    if (!existsSync(join(repo, parent))) continue
    for (const entry of readdirSync(join(repo, parent))) {
      const folder = join(parent, entry, 'node_modules')
      if (existsSync(join(repo, folder))) folders.push(folder)
    }
  }
  return folders
}

/**
 * Copies the working tree into a new temporary directory and returns its path. node_modules is
 * copied with its relative symlinks kept, so the bundler resolves packages inside the copy. The
 * copy gets its own git index with every file added, because a Nix flake copies only files that
 * git tracks. The index has no commits, so the flake's revision label is "dirty".
 */
export async function snapshotRepository(repo: string, label: string): Promise<string> {
  const copy = mkdtempSync(join(tmpdir(), `notes-api-compare-${label}-`))
  for (const path of await listWorkingTree(repo)) {
    cpSync(join(repo, path), join(copy, path), { recursive: true, verbatimSymlinks: true })
  }
  for (const folder of workspaceNodeModules(repo)) {
    cpSync(join(repo, folder), join(copy, folder), { recursive: true, verbatimSymlinks: true })
  }
  await runChecked('git', ['init', '--quiet'], { cwd: copy })
  await runChecked('git', ['add', '--all'], { cwd: copy })
  return copy
}

/**
 * Appends one line to the API's entry point in a snapshot: a log line that the bundler keeps.
 * The bundle then differs from the previous build, and so does every image layer containing it.
 */
export async function applyOneLineChange(copy: string, marker: string): Promise<void> {
  const path = join(copy, changedFile)
  const source = readFileSync(path, 'utf8')
  writeFileSync(path, `${source}console.log(${JSON.stringify(`deploy-cost change ${marker}`)})\n`)
  await runChecked('git', ['add', '--all'], { cwd: copy })
}
