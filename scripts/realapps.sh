#!/usr/bin/env bash
# realapps.sh - the real-application precision benchmark: run piilint on real
# open-source Go services and score the sites it reports against a hand-made
# triage. Not part of CI: the applications are fetched by hand.
#
# Usage (from the repository root):
#
#   scripts/realapps.sh [-untriaged] [APP...]
#
#   APP         names under testdata/realapps (default: all of them)
#   -untriaged  also print the sites missing from the triage, as triage
#               lines with verdict "?" to fill in
#
# Environment:
#   APPS_DIR  where the applications are checked out, one directory per APP
#             (default /tmp/apps)
#   OUT_DIR   where piilint's -json output and stderr go (default /tmp/realapps-out)
#   PIILINT   piilint binary to use; when unset, ./cmd/piilint is built
#
# Each testdata/realapps/APP holds:
#   source      "repo URL", "commit SHA" and optionally "packages PATTERN..."
#               (default ./...) lines: what to check out and analyse; or,
#               for an application taken from the Go module proxy, a
#               "module PATH@VERSION" line instead of repo and commit, with
#               the go.mod and go.sum to build it kept beside (see below)
#   piilint.yml the configuration a team would write: the personal-data
#               fields of the application's types, nothing else
#   triage.tsv  every reported site judged: site<TAB>analyzer<TAB>verdict<TAB>reason,
#               verdict true, policy or false (see scripts/realapps/main.go)
#
# To check out an application:
#   git clone URL "$APPS_DIR/APP" && git -C "$APPS_DIR/APP" checkout SHA
# or, for a module line (a release without go.mod of its own, its vendor
# directory dropped and its dependencies pinned to the versions it was
# released with):
#   d=$(go mod download -json PATH@VERSION | jq -r .Dir)
#   cp -r "$d" "$APPS_DIR/APP" && chmod -R u+w "$APPS_DIR/APP"
#   rm -rf "$APPS_DIR/APP/vendor"
#   cp testdata/realapps/APP/go.mod testdata/realapps/APP/go.sum "$APPS_DIR/APP"
#
# Prints one line per application: findings, sites, true/policy/false and
# untriaged sites, true sites no longer reported ("lost"), precision over the
# triaged sites, and piilint's wall time and peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
APPS_DIR=${APPS_DIR:-/tmp/apps}
OUT_DIR=${OUT_DIR:-/tmp/realapps-out}
mkdir -p "$OUT_DIR"

flags=()
if [ "${1:-}" = -untriaged ]; then flags+=(-untriaged); shift; fi
apps=("$@")
if [ ${#apps[@]} -eq 0 ]; then
	for d in testdata/realapps/*/; do apps+=("$(basename "$d")"); done
fi

if [ -z "${PIILINT:-}" ]; then
	PIILINT="$OUT_DIR/piilint"
	go build -o "$PIILINT" ./cmd/piilint
fi
go build -o "$OUT_DIR/realapps" ./scripts/realapps

status=0
for app in "${apps[@]}"; do
	cfg="$repo/testdata/realapps/$app"
	dir="$APPS_DIR/$app"
	url=$(awk '$1=="repo"{print $2}' "$cfg/source")
	sha=$(awk '$1=="commit"{print $2}' "$cfg/source")
	mod=$(awk '$1=="module"{print $2}' "$cfg/source")
	pkgs=$(awk '$1=="packages"{$1=""; print}' "$cfg/source")
	if [ ! -d "$dir" ]; then
		if [ -n "$mod" ]; then
			echo "$app: not set up; see the module setup at the top of $0 for $mod" >&2
		else
			echo "$app: not checked out; run: git clone $url $dir && git -C $dir checkout $sha" >&2
		fi
		status=1
		continue
	fi
	if [ -n "$mod" ]; then
		if ! cmp -s "$dir/go.mod" "$cfg/go.mod"; then
			echo "$app: $dir/go.mod differs from $cfg/go.mod; copy it (and go.sum) there" >&2
			status=1
			continue
		fi
	elif [ "$(git -C "$dir" rev-parse HEAD)" != "$sha" ]; then
		echo "$app: $dir is not at $sha; the triage's positions will not match" >&2
		status=1
		continue
	fi
	rc=0
	(cd "$dir" && GOFLAGS=-mod=mod /usr/bin/time -f '%e %M' -o "$OUT_DIR/$app.time" \
		"$PIILINT" -config "$cfg/piilint.yml" -json ${pkgs:-./...} \
		>"$OUT_DIR/$app.json" 2>"$OUT_DIR/$app.stderr") || rc=$?
	if [ $rc -ne 0 ] && [ $rc -ne 3 ]; then
		echo "$app: piilint exited $rc; see $OUT_DIR/$app.stderr" >&2
		status=1
		continue
	fi
	read -r wall rss < <(tail -n 1 "$OUT_DIR/$app.time")
	"$OUT_DIR/realapps" -app "$app" -root "$dir" -triage "$cfg/triage.tsv" "${flags[@]}" \
		<"$OUT_DIR/$app.json"
	echo "             piilint ${wall}s, $((rss / 1024)) MiB"
done
exit $status
