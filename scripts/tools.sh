#!/usr/bin/env bash
# Installs the pinned Bun (version from nix/bun.json) and Node 22 from npm into .tools/, unless
# they are there already, and puts them first on PATH. Source it: `. scripts/tools.sh`.
# Node 22 is pinned here because the machine's own Node may be older; node:sqlite needs 22.13+.
node_version=22.23.3

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tools_dir="$repo_root/.tools"
bun_version=$(node -e 'process.stdout.write(require(process.argv[1]).version)' "$repo_root/nix/bun.json")

installed_bun=$("$tools_dir/node_modules/.bin/bun" --version 2>/dev/null || true)
installed_node=$("$tools_dir/node_modules/.bin/node" --version 2>/dev/null || true)
if [ "$installed_bun" != "$bun_version" ] || [ "$installed_node" != "v$node_version" ]; then
  echo "Installing bun@$bun_version and node@$node_version into $tools_dir" >&2
  npm install --prefix "$tools_dir" --no-save --no-package-lock --no-audit --no-fund \
    --loglevel=error "bun@$bun_version" "node@$node_version" >&2
fi

export PATH="$tools_dir/node_modules/.bin:$PATH"
