import { describe, expect, test } from 'vitest'
import { hasTool } from '../support/tools.ts'
import { listNixFiles, run } from './nix-cli.ts'

const files = listNixFiles()

describe.skipIf(!hasTool('nix-instantiate'))('nix files', () => {
  test('include the flake and every output file', () => {
    for (const expected of [
      'flake.nix',
      'nix/bun.nix',
      'nix/api.nix',
      'nix/dependencies.nix',
      'nix/dev-shell.nix',
      'nix/image.nix',
      'nix/image-busybox.nix',
    ]) {
      expect(files).toContain(expected)
    }
  })

  test.each(files)('%s parses', (file) => {
    const result = run('nix-instantiate', ['--parse', file])
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
  })
})
