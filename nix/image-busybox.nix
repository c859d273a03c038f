# The pure-Nix twin of Containerfile.nix's runtime stage: busybox, the runtime-deps closure with
# its bin directory linked as /nix-bin (first on PATH), and the bundled app, laid out the same way
# and configured from the same contract as the smallest image.
{
  lib,
  dockerTools,
  busybox,
  runtimeDeps,
  api,
  contract,
  revision,
}:
dockerTools.buildLayeredImage {
  name = "notes-api";
  tag = "nix-busybox-${api.version}";

  contents = [
    busybox
    dockerTools.caCertificates
  ];

  # The PATH that Containerfile.nix sets: /nix-bin, then the usual directories.
  config = import ./lib/image-config.nix {
    inherit contract;
    buildArgs = {
      VERSION = api.version;
      REVISION = revision;
    };
    path = "/nix-bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  };

  fakeRootCommands =
    import ./lib/image-root-commands.nix {
      inherit contract;
      app = "${api}/lib/notes-api";
    }
    + ''
      ln -s ${runtimeDeps}/bin nix-bin
    '';

  meta.platforms = lib.platforms.linux;
}
