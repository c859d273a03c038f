import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from '../src/config.ts'

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseConfig(env)
  } catch (error) {
    if (error instanceof ConfigError) return error.problems
    throw error
  }
  throw new Error('parseConfig accepted an invalid environment')
}

describe('parseConfig', () => {
  it('applies the defaults to an empty environment', () => {
    expect(parseConfig({})).toEqual({
      PORT: 3000,
      HOST: '0.0.0.0',
      DATABASE_PATH: './data/notes.sqlite',
      LOG_LEVEL: 'info',
      BODY_LIMIT: 1024 * 1024,
      SHUTDOWN_TIMEOUT_MS: 10_000,
    })
  })

  it('treats an empty variable as unset', () => {
    expect(parseConfig({ PORT: '' }).PORT).toBe(3000)
  })

  it('reads set values', () => {
    const config = parseConfig({ PORT: '8080', DATABASE_PATH: ':memory:', LOG_LEVEL: 'warn' })
    expect(config).toMatchObject({ PORT: 8080, DATABASE_PATH: ':memory:', LOG_LEVEL: 'warn' })
  })

  it('names every invalid variable and why', () => {
    const problems = problemsOf({ PORT: 'eighty', LOG_LEVEL: 'loud', BODY_LIMIT: '12' })
    expect(problems).toHaveLength(3)
    expect(problems.find((line) => line.startsWith('PORT: '))).toContain('whole number')
    expect(problems.find((line) => line.startsWith('LOG_LEVEL: '))).toContain('debug')
    expect(problems.find((line) => line.startsWith('BODY_LIMIT: '))).toContain('1024')
  })

  it('rejects a port out of range', () => {
    expect(problemsOf({ PORT: '70000' })).toEqual(['PORT: must be from 0 to 65535'])
  })

  it.each(['0x50', '1e3', ' ', '80.0', '-1'])('rejects PORT=%j', (port) => {
    expect(problemsOf({ PORT: port })).toEqual(['PORT: must be a whole number'])
  })

  it('does not print the rejected value', () => {
    const problems = problemsOf({ LOG_LEVEL: 'secret-token-value' })
    expect(problems.join('\n')).not.toContain('secret-token-value')
  })
})
