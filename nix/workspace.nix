# The workspace with node_modules installed by the pinned Bun from bunCache, offline: the input
# of the app bundle and of the vitest and type checks.
{
  stdenvNoCC,
  bun,
  bunCache,
  workspaceSource,
}:
stdenvNoCC.mkDerivation {
  pname = "notes-workspace";
  version = "0";
  src = workspaceSource;

  nativeBuildInputs = [ bun ];

  # Bun reads every package from BUN_INSTALL_CACHE_DIR, so the sandbox needs no network. The
  # isolated linker matches how bun.lock was written; lifecycle scripts stay off, as in CI.
  buildPhase = ''
    runHook preBuild
    export HOME="$TMPDIR"
    export BUN_INSTALL_CACHE_DIR="$TMPDIR/bun-cache"
    cp -r ${bunCache}/share/bun-cache "$BUN_INSTALL_CACHE_DIR"
    chmod -R u+w "$BUN_INSTALL_CACHE_DIR"
    bun install --frozen-lockfile --linker=isolated --ignore-scripts
    runHook postBuild
  '';

  installPhase = ''
    runHook preInstall
    cp -r . "$out"
    runHook postInstall
  '';

  # node_modules is data for Bun and Node: no shebang rewriting, stripping or ELF patching.
  dontFixup = true;
}
