# `tsc --noEmit` over the repository, as `bun run typecheck` runs it.
{
  runCommand,
  nodejs_22,
  testTree,
}:
runCommand "check-typecheck" { nativeBuildInputs = [ nodejs_22 ]; } ''
  cd ${testTree}
  node node_modules/typescript/bin/tsc -p tsconfig.json --noEmit
  touch "$out"
''
