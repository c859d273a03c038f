# The notes API on the flake's Bun: the builder realises the runtime-deps link farm with Nix and
# bundles the app with that same Bun, and the runtime stage is busybox with the store closure
# copied in. The flake, not this file, decides which Bun and which glibc the image runs.
#
#   podman build --format docker -f Containerfile.nix -t api:nix \
#     --build-arg SOURCE_URL=https://github.com/OWNER/REPO \
#     --build-arg VERSION=0.1.0 --build-arg REVISION="$(git rev-parse HEAD)" .
#
# The runtime settings (port, user, paths, environment, health check, labels) follow
# nix/contract.json; tests/containers/static.test.ts fails when they drift.

# Bun release that the flake provides (nix/bun.json); the builder checks the two agree.
ARG BUN_VERSION=1.3.14

# Tag and index digest as pinned by public Dockerfiles for nixos/nix 2.34.1.
FROM docker.io/nixos/nix:2.34.1@sha256:1d59121e0c361076b4f23c158d236702f2f045b3b477b51075b81ceb6188d34a AS builder
ARG BUN_VERSION

# Flakes on, identical store files hard-linked, and 300 s to reach a substituter before failing.
# The image's nix.conf can be a symlink into the store, so it is replaced by a regular file that
# keeps the image's settings.
RUN defaults="$(cat /etc/nix/nix.conf)" \
    && rm /etc/nix/nix.conf \
    && printf '%s\n' "$defaults" \
      'experimental-features = nix-command flakes' \
      'auto-optimise-store = true' \
      'connect-timeout = 300' \
      > /etc/nix/nix.conf

WORKDIR /src

# Only the flake's files, so that app changes do not rebuild the store layer.
COPY flake.nix flake.lock ./
COPY nix/ nix/

# The link farm of everything the runtime needs; result/bin/bun is the flake's Bun.
RUN nix build .#runtime-deps --out-link /src/result

# Stop early when the build argument names another Bun release than the flake provides.
RUN actual="$(/src/result/bin/bun --version)"; \
    if [ "$actual" != "$BUN_VERSION" ]; then \
      echo "error: BUN_VERSION=$BUN_VERSION, but the flake's runtime-deps has Bun $actual;" \
        "change BUN_VERSION together with nix/bun.json" >&2; \
      exit 1; \
    fi

# The runtime file tree: every store path the link farm references, and /nix-bin pointing at
# its bin directory.
RUN mkdir -p /rootfs/nix/store \
    && nix-store --query --requisites /src/result | xargs cp -a -t /rootfs/nix/store/ \
    && ln -s "$(readlink -f /src/result)/bin" /rootfs/nix-bin

ENV PATH=/src/result/bin:${PATH}

# Each workspace manifest at its own path, so that the frozen lockfile matches the workspace.
COPY package.json bun.lock ./
COPY apps/api/package.json apps/api/package.json
COPY packages/shared/package.json packages/shared/package.json

# Production dependencies are all the bundler needs; this layer is reused until a manifest changes.
RUN bun install --frozen-lockfile --production

COPY tsconfig.base.json tsconfig.json ./
COPY packages/ packages/
COPY apps/ apps/

# One file per entry point with everything inlined: the runtime stage needs no node_modules.
RUN bun run --cwd apps/api build

# Tag and index digest as pinned by public Dockerfiles for busybox 1.37.0-glibc.
FROM docker.io/library/busybox:1.37.0-glibc@sha256:3f9777e7e82e8591542f72b965ec7db7e8b3bdb59692976af1bb9b2850b05a4e AS runtime

COPY --from=builder /rootfs/ /

# The runtime user owns only the database volume; /tmp is for os.tmpdir().
RUN addgroup -S -g 65532 app \
    && adduser -S -D -H -u 65532 -G app -h /app -s /sbin/nologin app \
    && mkdir -p /data /tmp \
    && chown 65532:65532 /data \
    && chmod 1777 /tmp

ARG SOURCE_URL
ARG VERSION
ARG REVISION
LABEL org.opencontainers.image.title="notes-api" \
      org.opencontainers.image.description="Bun + Hono notes API with an embedded SQLite store" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.source="${SOURCE_URL}" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}"

ENV PATH=/nix-bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATABASE_PATH=/data/notes.sqlite \
    USER=app

COPY --from=builder /src/apps/api/dist/ /app/

WORKDIR /app
VOLUME ["/data"]
EXPOSE 3000
USER 65532:65532
STOPSIGNAL SIGTERM

# Runs on the flake's Bun, like the other variants. Podman keeps it only with --format docker.
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
  CMD ["bun", "/app/healthcheck.js"]

# Bun is PID 1 and handles SIGTERM itself: no shell in between.
ENTRYPOINT ["bun", "/app/server.js"]
