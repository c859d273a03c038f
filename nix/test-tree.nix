# The repository as committed plus the node_modules trees that the workspace derivation
# installed: what vitest and tsc need, including files outside the workspace (Containerfiles,
# scripts) that the tests read.
{
  runCommand,
  repositorySource,
  workspace,
}:
runCommand "notes-test-tree" { } ''
  cp -r ${repositorySource} "$out"
  chmod -R u+w "$out"
  cd ${workspace}
  for modules in node_modules apps/*/node_modules packages/*/node_modules; do
    if [ -d "$modules" ]; then
      cp -r "$modules" "$out/$modules"
    fi
  done
''
