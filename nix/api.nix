# The API bundled by the pinned Bun (apps/api's `build` script) and run by it. `nix run` starts
# it like `bun run start` does: the database defaults to ./data/notes.sqlite under the current
# directory, and PORT, HOST, DATABASE_PATH, LOG_LEVEL and BODY_LIMIT configure it.
{
  lib,
  stdenvNoCC,
  makeWrapper,
  bun,
  workspace,
}:
stdenvNoCC.mkDerivation {
  pname = "notes-api";
  inherit (lib.importJSON ../apps/api/package.json) version;

  src = workspace;

  nativeBuildInputs = [
    bun
    makeWrapper
  ];

  buildPhase = ''
    runHook preBuild
    export HOME="$TMPDIR"
    bun run --cwd apps/api build
    runHook postBuild
  '';

  # The bundle inlines every dependency, so lib/notes-api needs no node_modules; the .jsc files
  # are the bytecode that Bun loads in place of parsing server.js.
  installPhase = ''
    runHook preInstall
    mkdir -p "$out/lib/notes-api"
    cp apps/api/dist/* "$out/lib/notes-api/"
    makeWrapper ${lib.getExe bun} "$out/bin/notes-api" \
      --add-flags "$out/lib/notes-api/server.js"
    runHook postInstall
  '';

  meta = {
    description = "Notes API (Bun + Hono) with an embedded SQLite store";
    mainProgram = "notes-api";
    inherit (bun.meta) platforms;
  };
}
