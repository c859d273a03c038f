# hadolint over every Containerfile in the repository root.
{
  runCommand,
  hadolint,
  repositorySource,
}:
runCommand "check-hadolint" { nativeBuildInputs = [ hadolint ]; } ''
  cd ${repositorySource}
  hadolint Containerfile.*
  touch "$out"
''
