{
  description = "Notes API on Bun + Hono: pinned Bun, dev shell, app, images and checks";

  inputs = {
    # dockerTools, buildEnv, the dev shell's tools and the formatter. flake.lock pins the revision
    # that bun2nix 2.1.0's own flake.lock pins, so bun2nix runs on the nixpkgs it was tested with.
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";

    # Turns bun.lock into one fixed-output fetch per package (with the lockfile's own hashes) and
    # lays those out as Bun's install cache, so node_modules need no networked `bun install`.
    bun2nix = {
      url = "github:nix-community/bun2nix/2.1.0";
      inputs.nixpkgs.follows = "nixpkgs";
    };
  };

  outputs =
    {
      self,
      nixpkgs,
      bun2nix,
    }:
    let
      inherit (nixpkgs) lib;

      supportedSystems = [
        "x86_64-linux"
        "aarch64-linux"
        "x86_64-darwin"
        "aarch64-darwin"
      ];

      # Every file under nix/ is called with this scope, so it can ask for nixpkgs' packages and
      # for the project's own (bun, api, ...) by argument name. Evaluation is lazy: runtime-deps
      # reads only flake.nix, flake.lock and nix/, which is all that Containerfile.nix copies.
      scopeFor =
        system:
        lib.makeScope nixpkgs.legacyPackages.${system}.newScope (scope: {
          contract = lib.importJSON ./nix/contract.json;
          # The image label org.opencontainers.image.revision; "dirty" for uncommitted trees.
          revision = self.rev or self.dirtyRev or "dirty";
          bun2nixCli = bun2nix.packages.${system}.default;
          # The whole repository as committed, for the linters and the tests.
          repositorySource = self;

          bun = scope.callPackage ./nix/bun.nix { };
          workspaceSource = scope.callPackage ./nix/workspace-source.nix { };
          bunCache = scope.callPackage ./nix/bun-cache.nix { };
          workspace = scope.callPackage ./nix/workspace.nix { };
          testTree = scope.callPackage ./nix/test-tree.nix { };
          api = scope.callPackage ./nix/api.nix { };
          runtimeDeps = scope.callPackage ./nix/dependencies.nix { };
          image = scope.callPackage ./nix/image.nix { };
          imageBusybox = scope.callPackage ./nix/image-busybox.nix { };
        });

      forEachSupportedSystem =
        f:
        lib.genAttrs supportedSystems (
          system: f nixpkgs.legacyPackages.${system} (scopeFor system)
        );

      # The images are Linux only: x86_64 and aarch64 (AWS Graviton), from the same files.
      onLinux = pkgs: lib.optionalAttrs pkgs.stdenv.hostPlatform.isLinux;

      appOf = program: {
        type = "app";
        program = lib.getExe program;
      };
    in
    {
      devShells = forEachSupportedSystem (
        pkgs: scope: { default = scope.callPackage ./nix/dev-shell.nix { }; }
      );

      packages = forEachSupportedSystem (
        pkgs: scope:
        {
          default = scope.api;
          api = scope.api;
          runtime-deps = scope.runtimeDeps;
        }
        // onLinux pkgs {
          image = scope.image;
          image-busybox = scope.imageBusybox;
        }
      );

      # `nix run .#compare` builds and measures every image variant; `nix run .#push` copies one
      # to a registry.
      apps = forEachSupportedSystem (
        pkgs: scope: {
          compare = appOf (scope.callPackage ./nix/compare.nix { });
          push = appOf (scope.callPackage ./nix/push.nix { });
        }
      );

      checks = forEachSupportedSystem (
        pkgs: scope:
        {
          vitest = scope.callPackage ./nix/checks/vitest.nix { };
          typecheck = scope.callPackage ./nix/checks/typecheck.nix { };
          nixfmt = scope.callPackage ./nix/checks/nixfmt.nix { };
          prettier = scope.callPackage ./nix/checks/prettier.nix { };
          shellcheck = scope.callPackage ./nix/checks/shellcheck.nix { };
          hadolint = scope.callPackage ./nix/checks/hadolint.nix { };
          pin-agreement = scope.callPackage ./nix/checks/pin-agreement.nix { };
        }
        // onLinux pkgs {
          image-smoke = scope.callPackage ./nix/checks/image-smoke.nix { image = scope.image; };
          image-busybox-smoke = scope.callPackage ./nix/checks/image-smoke.nix {
            image = scope.imageBusybox;
          };
        }
      );

      # nixfmt is the RFC 166 formatter in this nixpkgs; nixfmt-rfc-style is a deprecated alias.
      formatter = forEachSupportedSystem (pkgs: scope: pkgs.nixfmt);
    };
}
