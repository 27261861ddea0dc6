#!/usr/bin/env bash
# Builds the rmq container image without any image registry: a self-contained publish of the rmq tool
# plus the loader and glibc libraries it needs, copied from this host, into a FROM scratch image.
# Usage: e2e/docker/build-image.sh [tag]   (default tag rmq/rmq:local)
set -euo pipefail
tag=${1:-rmq/rmq:local}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
ctx=$(mktemp -d)
trap 'rm -rf "$ctx"' EXIT

dotnet publish "$root/cli/src/Rmq.Cli/Rmq.Cli.csproj" -c Release -r linux-x64 --self-contained \
  -p:PublishSingleFile=false -p:DebugType=none -o "$ctx/app" --nologo -v quiet
rm -f "$ctx/app/libcoreclrtraceptprovider.so" "$ctx/app"/*.pdb

mkdir -p "$ctx/rootfs/tmp" "$ctx/rootfs/logs" "$ctx/rootfs/home/rmq" "$ctx/rootfs/data" "$ctx/rootfs/bin"
chmod 1777 "$ctx/rootfs/tmp" "$ctx/rootfs/logs" "$ctx/rootfs/home/rmq" "$ctx/rootfs/data"
# /bin/sleep (coreutils, glibc only): `sleep infinity` holds a broker's network namespace in the Testcontainers
# module, so a killed broker's address keeps answering (connection refused) like a host whose process died.
cp -L "$(command -v sleep)" "$ctx/rootfs/bin/sleep"
for lib in $(for f in "$ctx"/app/*.so "$ctx/app/rmq" "$ctx/rootfs/bin/sleep"; do ldd "$f" 2>/dev/null || true; done \
             | awk '$3 ~ /^\// {print $3} $1 ~ /^\// {print $1}' | sort -u); do
  cp -L --parents "$lib" "$ctx/rootfs/"
done

cp "$here/Dockerfile" "$ctx/Dockerfile"
DOCKER_BUILDKIT=0 docker build -q -t "$tag" "$ctx" >/dev/null
echo "built $tag"
