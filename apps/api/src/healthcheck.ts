// The container health check: exits 0 when GET /health on this container's PORT returns 200.
// It runs on Bun itself, because slim and distroless images have no curl or wget.
const port = process.env.PORT || '3000'

try {
  const response = await fetch(`http://127.0.0.1:${port}/health`, {
    signal: AbortSignal.timeout(2000),
  })
  if (!response.ok) {
    console.error(`Health check failed: GET /health returned ${response.status}`)
    process.exit(1)
  }
} catch (error) {
  console.error(`Health check failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
