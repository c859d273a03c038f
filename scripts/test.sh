#!/usr/bin/env bash
# Runs the type check, the formatter check and every vitest suite on the pinned Bun and Node 22.
# Container, registry and Nix tests need podman, skopeo, docker-registry and nix-instantiate;
# .ci/run installs them. Without them those suites are skipped with the reason, except under
# CI=true, where a missing tool fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/tools.sh

bun install --frozen-lockfile
bun run typecheck
bun run format:check
exec node node_modules/vitest/vitest.mjs run "$@"
