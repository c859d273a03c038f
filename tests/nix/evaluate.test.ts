import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { hasTool } from '../support/tools.ts'
import { evaluateJson, nixPath, repoRoot } from './nix-cli.ts'

interface BunPin {
  version: string
  sources: Record<string, { asset: string; hash: string }>
}

interface ImageConfig {
  Entrypoint: string[]
  Env: string[]
  WorkingDir: string
  User: string
  ExposedPorts: Record<string, object>
  Volumes: Record<string, object>
  StopSignal: string
  Labels: Record<string, string>
  Healthcheck: {
    Test: string[]
    Interval: number
    Timeout: number
    StartPeriod: number
    Retries: number
  }
}

const contractJson = JSON.parse(readFileSync(nixPath('nix/contract.json'), 'utf8')) as {
  env: Record<string, string>
}
const readContract = `builtins.fromJSON (builtins.readFile ${nixPath('nix/contract.json')})`

function imageConfig(buildArgs: string, path: string): ImageConfig {
  return evaluateJson(
    `import ${nixPath('nix/lib/image-config.nix')} {
      contract = ${readContract};
      buildArgs = ${buildArgs};
      path = "${path}";
    }`,
  ) as ImageConfig
}

describe.skipIf(!hasTool('nix-instantiate'))('nix evaluation without nixpkgs', () => {
  test('bun.json has a release archive for each system', () => {
    const pin = evaluateJson(
      `builtins.fromJSON (builtins.readFile ${nixPath('nix/bun.json')})`,
    ) as BunPin
    expect(pin.version).toMatch(/^\d+\.\d+\.\d+$/)
    expect(Object.keys(pin.sources).sort()).toEqual([
      'aarch64-darwin',
      'aarch64-linux',
      'x86_64-darwin',
      'x86_64-linux',
    ])
    for (const [system, source] of Object.entries(pin.sources)) {
      expect(source.asset, system).toMatch(/^bun-(linux|darwin)-(x64|aarch64)(-baseline)?$/)
      expect(source.hash, system).toMatch(/^sha256-[A-Za-z0-9+/]{43}=$/)
    }
  })

  test('contract evaluates as in JSON', () => {
    const contract = evaluateJson(readContract)
    expect(contract).toEqual(JSON.parse(readFileSync(nixPath('nix/contract.json'), 'utf8')))
  })

  test('image config follows the contract', () => {
    const config = imageConfig('{ VERSION = "0.1.0"; REVISION = "abc123"; }', '/bin')
    expect(config.Entrypoint).toEqual(['bun', '/app/server.js'])
    expect(config.WorkingDir).toBe('/app')
    expect(config.User).toBe('65532:65532')
    expect(config.ExposedPorts).toEqual({ '3000/tcp': {} })
    expect(config.Volumes).toEqual({ '/data': {} })
    expect(config.StopSignal).toBe('SIGTERM')
    const expectedEnv = Object.entries(contractJson.env).map(([name, value]) => `${name}=${value}`)
    expect([...config.Env].sort()).toEqual([...expectedEnv, 'PATH=/bin'].sort())
  })

  test('image health check uses nanoseconds', () => {
    const { Healthcheck } = imageConfig('{ }', '/bin')
    expect(Healthcheck.Test).toEqual(['CMD', 'bun', '/app/healthcheck.js'])
    expect(Healthcheck.Interval).toBe(10_000_000_000)
    expect(Healthcheck.Timeout).toBe(3_000_000_000)
    expect(Healthcheck.StartPeriod).toBe(5_000_000_000)
    expect(Healthcheck.Retries).toBe(3)
  })

  test('image labels take the build arguments', () => {
    const { Labels } = imageConfig('{ VERSION = "0.1.0"; REVISION = "abc123"; }', '/bin')
    expect(Labels['org.opencontainers.image.title']).toBe('notes-api')
    expect(Labels['org.opencontainers.image.version']).toBe('0.1.0')
    expect(Labels['org.opencontainers.image.revision']).toBe('abc123')
    expect(Labels).not.toHaveProperty('org.opencontainers.image.source')
  })

  test('image config rejects an invalid duration', () => {
    const expression = `import ${nixPath('nix/lib/image-config.nix')} {
      contract = ${readContract} // { healthcheck.interval = "ten seconds"; };
      buildArgs = { };
      path = "/bin";
    }`
    expect(() => evaluateJson(expression)).toThrow(/invalid duration "ten seconds"/)
  })

  test('image root commands set up user, tmp and volume', () => {
    const commands = evaluateJson(
      `import ${nixPath('nix/lib/image-root-commands.nix')} {
        contract = ${readContract};
        app = "/nix/store/example-notes-api/lib/notes-api";
      }`,
    ) as string
    expect(commands).toContain("'app:x:65532:65532:app:/app:/sbin/nologin' > etc/passwd")
    expect(commands).toContain("'app:x:65532:' > etc/group")
    expect(commands).toContain('chmod 1777 tmp')
    expect(commands).toContain('cp /nix/store/example-notes-api/lib/notes-api/* ./app/')
    expect(commands).toContain('chown -R 65532:65532 ./data')
  })

  test('flake inputs evaluate without nixpkgs', () => {
    const inputs = evaluateJson(`(import ${nixPath('flake.nix')}).inputs`)
    expect(inputs).toEqual({
      nixpkgs: { url: 'github:NixOS/nixpkgs/nixos-unstable' },
      bun2nix: {
        url: 'github:nix-community/bun2nix/2.1.0',
        inputs: { nixpkgs: { follows: 'nixpkgs' } },
      },
    })
  })
})
