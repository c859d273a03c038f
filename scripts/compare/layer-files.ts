// The largest files of one gzip layer blob in an OCI layout, listed by GNU tar.
import { join } from 'node:path'
import { runChecked } from './command.ts'

export interface FileEntry {
  path: string
  bytes: number
}

/**
 * Lists the `count` largest regular files of the layer blob `digest`. GNU tar's verbose listing
 * has the mode, owner, size, date and time before the path; other entry types are skipped.
 */
export async function largestFiles(
  layout: string,
  digest: string,
  count = 3,
): Promise<FileEntry[]> {
  const [algorithm, hex] = digest.split(':')
  if (!algorithm || !hex) throw new Error(`Invalid layer digest ${digest}`)
  const blob = join(layout, 'blobs', algorithm, hex)
  const listing = await runChecked('tar', ['--list', '--verbose', '--gzip', '--file', blob], {
    timeoutMs: 5 * 60_000,
  })
  const files: FileEntry[] = []
  for (const line of listing.split('\n')) {
    const match = /^-\S*\s+\S+\s+(\d+)\s+\S+\s+\S+\s+(.+)$/.exec(line)
    if (!match?.[1] || !match[2]) continue
    // Layers list paths as `usr/...` or `./usr/...`; both become `/usr/...`.
    files.push({ path: `/${match[2].replace(/^\.?\//, '')}`, bytes: Number(match[1]) })
  }
  return files.sort((a, b) => b.bytes - a.bytes).slice(0, count)
}
