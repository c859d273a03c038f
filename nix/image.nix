# The smallest image: the pinned Bun, the bundled app and what they link, a CA bundle, passwd and
# group entries for the runtime user, /tmp and the database volume. No shell, no package manager.
# buildLayeredImage gives Bun, glibc and the CA bundle a layer each, so an app-only change
# rebuilds only the small last layer, which holds the app's files and /etc.
{
  lib,
  dockerTools,
  bun,
  api,
  contract,
  revision,
}:
dockerTools.buildLayeredImage {
  name = "notes-api";
  tag = "nix-${api.version}";

  # /bin/bun and /etc/ssl/certs/{ca-bundle,ca-certificates}.crt link into their store paths.
  contents = [
    bun
    dockerTools.caCertificates
  ];

  config = import ./lib/image-config.nix {
    inherit contract;
    buildArgs = {
      VERSION = api.version;
      REVISION = revision;
    };
    path = "/bin";
  };

  fakeRootCommands = import ./lib/image-root-commands.nix {
    inherit contract;
    app = "${api}/lib/notes-api";
  };

  meta.platforms = lib.platforms.linux;
}
