# Prettier in check mode over the TypeScript, JSON and Markdown files, as `bun run format:check`
# runs it; the failure lists each file that differs from Prettier's output.
{
  runCommand,
  nodejs_22,
  testTree,
}:
runCommand "check-prettier" { nativeBuildInputs = [ nodejs_22 ]; } ''
  cd ${testTree}
  node node_modules/prettier/bin/prettier.cjs --check .
  touch "$out"
''
