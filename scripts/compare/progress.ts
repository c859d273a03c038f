// Progress lines on stderr, so that stdout carries only the Markdown table.

/** Prints a line with the elapsed time since the comparison started. */
export function progress(message: string): void {
  const seconds = (performance.now() / 1000).toFixed(1).padStart(6)
  process.stderr.write(`[${seconds} s] ${message}\n`)
}

/** Runs one long step between a start line and a line with its duration. */
export async function step<T>(label: string, work: () => Promise<T>): Promise<T> {
  progress(`${label} ...`)
  const started = performance.now()
  try {
    const result = await work()
    progress(`${label}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`)
    return result
  } catch (error) {
    progress(`${label}: failed after ${((performance.now() - started) / 1000).toFixed(1)} s`)
    throw error
  }
}
