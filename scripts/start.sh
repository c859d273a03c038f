#!/usr/bin/env bash
# Starts the API on the pinned Bun with its SQLite database under ./data (DATABASE_PATH overrides).
# Needs only Node.js and npm: the pinned Bun is installed into .tools/ on the first run.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/tools.sh

bun install --frozen-lockfile
exec bun run start
