#!/usr/bin/env bash
# golangci-plugin.sh - build golangci-lint with the piilint module plugin
# from this checkout, without GitHub, and run the plugin's integration test.
#
# Usage (from anywhere in the repository):
#
#   scripts/golangci-plugin.sh          build (or reuse) the binary, then run
#                                       the integration test
#   scripts/golangci-plugin.sh build    only build (or reuse); print its path
#
# `golangci-lint custom` clones golangci-lint from GitHub. This script does
# what its builder does, from the module source the Go module proxy serves:
#   1. go mod download github.com/golangci/golangci-lint/v2@VERSION, VERSION
#      being the `version:` of .golangci-plugin.yml;
#   2. copies that source to a temporary directory (made writable);
#   3. writes cmd/golangci-lint/plugins.go importing
#      github.com/piilint/piilint/plugin;
#   4. go mod edit -replace github.com/piilint/piilint=<this checkout>;
#   5. go mod tidy, and fails if that changed the version of any module
#      golangci-lint already requires (the plugin must not upgrade them);
#   6. go build -trimpath ./cmd/golangci-lint.
# The binary is cached in .cache/golangci-plugin/<key>/golangci-lint, where
# key hashes VERSION, the Go version and platform, this script, go.mod,
# go.sum and the source files of every package of this module that the
# plugin imports; other keys' binaries are removed after a build.
#
# The test (`go test -tags golangci ./plugin`) runs the binary on the
# fixture module plugin/testdata/gclmod; PIILINT_GOLANGCI_LINT tells it
# where the binary is.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export GOWORK=off GOTOOLCHAIN=local

mode=${1:-test}
case $mode in
build|test) ;;
*) echo "usage: $0 [build|test]" >&2; exit 2 ;;
esac

version=$(sed -n 's/^version:[[:space:]]*\([^[:space:]#]*\).*/\1/p' .golangci-plugin.yml)
if [[ ! $version =~ ^v[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
	echo "$0: no golangci-lint version (vX.Y.Z) in .golangci-plugin.yml (found '$version')" >&2
	exit 1
fi
module=github.com/piilint/piilint

# The plugin's own source files, relative to the repository root.
plugin_files() {
	go list -deps -f '{{if and .Module (eq .Module.Path "'$module'")}}{{$d := .Dir}}{{range .GoFiles}}{{$d}}/{{.}}
{{end}}{{range .CgoFiles}}{{$d}}/{{.}}
{{end}}{{range .EmbedFiles}}{{$d}}/{{.}}
{{end}}{{end}}' ./plugin | sed "s|^$root/||" | LC_ALL=C sort
}

files=$(plugin_files)
if [ -z "$files" ]; then
	echo "$0: go list found no source file of ./plugin" >&2
	exit 1
fi
key=$({
	echo "golangci-lint $version"
	go env GOVERSION GOOS GOARCH
	# shellcheck disable=SC2086
	sha256sum scripts/golangci-plugin.sh go.mod go.sum $files
} | sha256sum | cut -c1-16)

cache=$root/.cache/golangci-plugin
bin=$cache/$key/golangci-lint

if [ -x "$bin" ]; then
	echo "golangci-lint $version with piilint: $bin (cached)" >&2
else
	start=$(date +%s)
	echo "building golangci-lint $version with the piilint plugin (key $key)..." >&2
	src=$(go mod download -json "github.com/golangci/golangci-lint/v2@$version" |
		sed -n 's/^[[:space:]]*"Dir": "\(.*\)",*$/\1/p')
	if [ -z "$src" ] || [ ! -f "$src/go.mod" ]; then
		echo "$0: go mod download gave no source directory for golangci-lint $version" >&2
		exit 1
	fi
	work=$(mktemp -d "${TMPDIR:-/tmp}/golangci-plugin.XXXXXX")
	trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
	cp -R "$src/." "$work/gcl"
	chmod -R u+w "$work/gcl"
	cd "$work/gcl"

	cat > cmd/golangci-lint/plugins.go <<EOF
package main

import (
	_ "$module/plugin"
)
EOF
	go list -m -f '{{.Path}} {{.Version}}' all > "$work/modules.before"
	go mod edit -replace "$module=$root"
	go mod tidy
	go list -m -f '{{.Path}} {{.Version}}' all | grep -v "^$module " > "$work/modules.after" || true
	if ! changes=$(diff "$work/modules.before" "$work/modules.after"); then
		echo "$0: adding the plugin changed golangci-lint's module versions:" >&2
		echo "$changes" >&2
		exit 1
	fi

	custom="$version-custom-gcl-$key"
	go build -trimpath \
		-ldflags "-s -w -X 'main.version=$custom' -X 'main.date=$(date -u +%Y-%m-%dT%H:%M:%SZ)'" \
		-o "$work/golangci-lint" ./cmd/golangci-lint
	cd "$root"

	mkdir -p "$cache/$key"
	mv -f "$work/golangci-lint" "$bin"
	for old in "$cache"/*/; do
		[ "$old" = "$cache/$key/" ] || rm -rf "$old"
	done
	echo "built $bin in $(($(date +%s) - start)) s" >&2
fi

if [ "$mode" = build ]; then
	echo "$bin"
	exit 0
fi

PIILINT_GOLANGCI_LINT=$bin go test -tags golangci -count=1 -timeout 20m -run '^TestGolangci' ./plugin
