import { z } from 'zod'

/** Parses a decimal integer from `min` to `max`, rejecting forms such as `0x50`, `1e3` and ` `. */
function wholeNumber(min: number, max: number, unit: string) {
  return z
    .string()
    .regex(/^[0-9]+$/, `must be a whole number of ${unit}`)
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, `must be at least ${min} ${unit}`)
        .max(max, `must be at most ${max} ${unit}`),
    )
}

const configSchema = z.object({
  PORT: z
    .string()
    .regex(/^[0-9]+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().max(65535, 'must be from 0 to 65535'))
    .default(3000),
  HOST: z.string().trim().min(1, 'must not be empty').default('0.0.0.0'),
  DATABASE_PATH: z.string().trim().min(1, 'must not be empty').default('./data/notes.sqlite'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  BODY_LIMIT: wholeNumber(1024, 100 * 1024 * 1024, 'bytes').default(1024 * 1024),
  SHUTDOWN_TIMEOUT_MS: wholeNumber(100, 120_000, 'ms').default(10_000),
})

export type Config = z.infer<typeof configSchema>

/** Thrown by `parseConfig`; `problems` contains one line per invalid variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  ${problem}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

/**
 * Parses the process environment. An empty variable counts as unset, so `PORT=` means the
 * default. Error lines name the variable and the rule, never the value, which may be a secret.
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''))
  const result = configSchema.safeParse(set)
  if (result.success) return result.data

  const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
  throw new ConfigError(problems)
}
