// The container health check: exits 0 when GET /health on this container's PORT returns 200.
// It runs on Bun itself, because slim and distroless images have no curl or wget.
const port = process.env.PORT || '3000'

function fail(reason: string): never {
  console.error(`Health check failed: ${reason}`)
  process.exit(1)
}

fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2000) }).then(
  (response) => {
    if (!response.ok) fail(`GET /health returned ${response.status}`)
  },
  (error: unknown) => fail(error instanceof Error ? error.message : String(error)),
)
