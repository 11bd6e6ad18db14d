#!/usr/bin/env bash
# Builds the Linux release of fsiii for an analyst without a Swift toolchain:
# the Swift runtime and Foundation linked in statically (--static-swift-stdlib),
# packed with the README, the LICENSE (when the repository has one) and
# SampleData, and a SHA-256 checksum file beside the archive. Then checks
# what it made:
#   - the binary needs no Swift library at run time (readelf: no libswift*,
#     libFoundation*, libdispatch or libBlocksRuntime among its NEEDED entries);
#   - unpacked into an empty folder, it runs `fsiii report SampleData` with
#     the toolchain's libraries out of reach (its RPATH/RUNPATH ignored, no
#     LD_LIBRARY_PATH, PATH without swift);
#   - the version it prints is the source's, and the tag's when one is given.
#
# Usage: scripts/release.sh [TAG]      (TAG such as v0.1.0; default: the tag on HEAD, if any)
# Output: dist/fsiii-VERSION-linux-ARCH.tar.gz and .tar.gz.sha256
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(sed -n 's/.*static let version = "\(.*\)".*/\1/p' Sources/FSIIIEffect/FSIIIEffect.swift)
[ -n "$version" ] || { echo "error: no version in Sources/FSIIIEffect/FSIIIEffect.swift" >&2; exit 1; }
tag=${1:-$(git describe --tags --exact-match 2>/dev/null || true)}
if [ -n "$tag" ] && [ "$tag" != "$version" ] && [ "$tag" != "v$version" ]; then
  echo "error: the tag $tag is not the version $version in Sources/FSIIIEffect/FSIIIEffect.swift; bump one of them" >&2
  exit 1
fi

scratch=.build-release
swift build -c release --static-swift-stdlib --product fsiii --scratch-path "$scratch"
bin="$(swift build -c release --static-swift-stdlib --product fsiii --scratch-path "$scratch" --show-bin-path)/fsiii"

needed=$(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')
echo "fsiii needs: $needed"
if echo "$needed" | tr ' ' '\n' | grep -Eq '^(libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime)'; then
  echo "error: the binary links a Swift runtime library dynamically: $needed" >&2
  exit 1
fi

name="fsiii-$version-linux-$(uname -m)"
rm -rf "dist/$name" "dist/$name.tar.gz" "dist/$name.tar.gz.sha256"
mkdir -p "dist/$name"
cp "$bin" "dist/$name/fsiii"
strip "dist/$name/fsiii" 2>/dev/null || true
cp README.md "dist/$name/"
if [ -f LICENSE ]; then cp LICENSE "dist/$name/"; else echo "warning: the repository has no LICENSE file; the archive has none" >&2; fi
cp -R SampleData "dist/$name/SampleData"
tar -C dist -czf "dist/$name.tar.gz" "$name"
(cd dist && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
rm -rf "dist/$name"

# The archive as an analyst gets it: checksum, unpack into an empty folder, run.
check=$(mktemp -d)
trap 'rm -rf "$check"' EXIT
cp "dist/$name.tar.gz" "dist/$name.tar.gz.sha256" "$check/"
(cd "$check" && sha256sum -c "$name.tar.gz.sha256" > /dev/null && tar -xzf "$name.tar.gz")
loader=$(readelf -l "$check/$name/fsiii" | sed -n 's/.*Requesting program interpreter: \(.*\)\]/\1/p')
# --inhibit-rpath "": the main program's RPATH/RUNPATH (a toolchain folder)
# is not searched (the loader names the main program ""); a binary that
# needs libswiftCore.so then fails to start, as on a machine without Swift.
run() { (cd "$check/$name" && env -i PATH=/usr/bin:/bin HOME="$check" "$loader" --inhibit-rpath "" ./fsiii "$@"); }
printed=$(run --version | head -1)
if [ "$printed" != "fsiii $version" ]; then
  echo "error: the packed binary prints \"$printed\", expected \"fsiii $version\"" >&2
  exit 1
fi
run report SampleData --format csv > "$check/report.csv" 2> "$check/stderr.txt"
grep -q "^assessments: read " "$check/stderr.txt"
[ "$(wc -l < "$check/report.csv")" -gt 2 ]
echo "dist/$name.tar.gz: $(du -h "dist/$name.tar.gz" | cut -f1), runs without the Swift toolchain, prints fsiii $version"
