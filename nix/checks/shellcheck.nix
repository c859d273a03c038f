# shellcheck over the repository's shell scripts (scripts/*.sh and the CI entry point).
{
  runCommand,
  shellcheck,
  repositorySource,
}:
runCommand "check-shellcheck" { nativeBuildInputs = [ shellcheck ]; } ''
  cd ${repositorySource}
  shellcheck scripts/*.sh .ci/run
  touch "$out"
''
