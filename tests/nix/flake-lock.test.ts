import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { hasTool } from '../support/tools.ts'
import { evaluateJson, nixPath, repoRoot } from './nix-cli.ts'

interface LockNode {
  inputs?: Record<string, string | string[]>
  locked?: { type: string; owner: string; repo: string; rev: string; narHash: string }
  original?: { type: string; owner: string; repo: string; ref?: string }
}

interface FlakeInput {
  url: string
  inputs?: Record<string, { follows: string }>
}

const lock = JSON.parse(readFileSync(join(repoRoot, 'flake.lock'), 'utf8')) as {
  version: number
  root: string
  nodes: Record<string, LockNode & { locked?: { lastModified: number } }>
}
const rootNode = lock.nodes[lock.root]
const pinnedNodes = Object.entries(lock.nodes).filter(([name]) => name !== lock.root)

/**
 * Returns the node that an input refers to: a string names a node, and a list is a `follows` path
 * of input names walked from the root node, whose steps may themselves be `follows` paths.
 */
function resolveInput(target: string | string[], depth = 0): LockNode | undefined {
  if (typeof target === 'string') return lock.nodes[target]
  if (depth > 10) return undefined
  let node: LockNode | undefined = rootNode
  for (const step of target) {
    const next = node?.inputs?.[step]
    node = next === undefined ? undefined : resolveInput(next, depth + 1)
  }
  return node
}

/** Splits a `github:owner/repo[/ref]` flake reference into its parts. */
function parseGithubUrl(url: string): { owner: string; repo: string; ref?: string } {
  const match = /^github:([^/]+)\/([^/]+)(?:\/(.+))?$/.exec(url)
  if (!match?.[1] || !match[2]) {
    throw new Error(`unsupported flake reference ${url}: expected github:owner/repo[/ref]`)
  }
  const [, owner, repo, ref] = match
  return ref ? { owner, repo, ref } : { owner, repo }
}

describe('flake.lock', () => {
  test('is lock version 7 with a root node', () => {
    expect(lock.version).toBe(7)
    expect(rootNode?.inputs).toBeDefined()
  })

  test.each(pinnedNodes)('node %s is pinned', (name, node) => {
    expect(node.locked, `${name}: locked is missing`).toBeDefined()
    expect(node.locked?.type).toBe('github')
    expect(node.locked?.rev, `${name}: rev`).toMatch(/^[0-9a-f]{40}$/)
    expect(node.locked?.narHash, `${name}: narHash`).toMatch(/^sha256-[A-Za-z0-9+/]{43}=$/)
    expect(node.locked?.lastModified, `${name}: lastModified`).toBeGreaterThan(1_600_000_000)
    expect(node.original?.owner).toBe(node.locked?.owner)
    expect(node.original?.repo).toBe(node.locked?.repo)
  })

  test('every input names an existing node', () => {
    for (const [name, node] of Object.entries(lock.nodes)) {
      for (const [input, target] of Object.entries(node.inputs ?? {})) {
        expect(
          resolveInput(target),
          `${name}.inputs.${input} -> ${JSON.stringify(target)}`,
        ).toBeDefined()
      }
    }
  })

  test.skipIf(!hasTool('nix-instantiate'))('matches the inputs of flake.nix', () => {
    const inputs = evaluateJson(`(import ${nixPath('flake.nix')}).inputs`) as Record<
      string,
      FlakeInput
    >
    expect(Object.keys(rootNode?.inputs ?? {}).sort()).toEqual(Object.keys(inputs).sort())
    for (const [name, input] of Object.entries(inputs)) {
      const nodeName = rootNode?.inputs?.[name]
      expect(typeof nodeName, `root input ${name}`).toBe('string')
      const node = lock.nodes[nodeName as string]
      const { owner, repo, ref } = parseGithubUrl(input.url)
      expect(node?.original, `${name}: original of ${input.url}`).toEqual({
        type: 'github',
        owner,
        repo,
        ...(ref ? { ref } : {}),
      })
      for (const [dependency, { follows }] of Object.entries(input.inputs ?? {})) {
        expect(node?.inputs?.[dependency], `${name}.inputs.${dependency}.follows`).toEqual(
          follows.split('/'),
        )
      }
    }
  })
})
