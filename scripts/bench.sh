#!/usr/bin/env bash
# bench.sh - measure piilint's wall time and peak memory against go vet and
# staticcheck, on this repository and on a generated CRM-shaped corpus.
#
# Usage (from the repository root):
#
#   scripts/bench.sh [-n PKGS] [-s SEED] [TARGET...]
#
#   -n PKGS   packages in the generated corpus (default 300)
#   -s SEED   corpus seed (default 1)
#   TARGET    directories to analyze with ./... (default: . and .bench/corpus)
#
# Environment:
#   PIILINT        piilint binary to measure; when set, ./cmd/piilint is not built
#   PIILINT_ARGS   extra arguments for piilint, before ./... (default none)
#   EDIT_FILE      file of the corpus, relative to it, that the edit re-run
#                  touches (default model/core/core.go, imported by every
#                  package)
#   BENCH_TIMEOUT  seconds after which one measured command is stopped, with
#                  its whole process group, and marked TIMEOUT (default 1800;
#                  0 for no limit)
#
# What it does:
#   1. builds piilint into .bench/bin and installs staticcheck v0.8.2 there
#      (skipped when the right version is already there);
#   2. generates the corpus into .bench/corpus with internal/gencorpus, unless
#      it is already there for the same PKGS, seed and generator source;
#   3. for each target, under /usr/bin/time -f '%e %M' (wall seconds, peak
#      RSS KiB):
#        go vet ./...                     cold (empty GOCACHE) and warm;
#        staticcheck -checks all ./...    cold (empty GOCACHE and
#                                         STATICCHECK_CACHE) and warm;
#        piilint ./...                    cold (empty GOCACHE) and warm;
#      and, on the corpus only, go vet -vettool=piilint: a first run on the
#      build cache the piilint runs left, a fully cached re-run, and a re-run
#      after appending a comment and a small function to EDIT_FILE; as a
#      baseline, plain go vet re-runs after appending another such function
#      to the same file, on the same cache (EDIT_FILE is restored before
#      each edit and on exit, also on failure or interrupt);
#   4. prints a table with the ratios piilint/staticcheck and piilint/go vet,
#      and the edit re-run times, and writes the same to .bench/results.json
#      (and the table to .bench/results.txt). Tool logs go to .bench/logs.
#
# Exit codes counted as success: go vet 0 or 1 (findings), staticcheck 0 or
# 1 (findings), piilint 0 or 3 (findings). Any other code marks the run as
# failed in the table (TIMEOUT when BENCH_TIMEOUT stopped it) and makes the
# script exit 1 at the end; the other measurements still run.
#
# "Cold" keeps GOMODCACHE (modules are downloaded before timing) but starts
# from an empty build cache, so it includes compiling the standard library
# packages the target imports. Peak RSS is what /usr/bin/time reports: the
# largest resident set of the command or any descendant it waited for - the
# largest single process, not the sum of processes running at once (go vet
# runs one compiler or vet process per package).
set -euo pipefail

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }
die() { echo "bench.sh: $*" >&2; exit 1; }

PKGS=300
SEED=1
while getopts 'n:s:h' opt; do
	case $opt in
	n) PKGS=$OPTARG ;;
	s) SEED=$OPTARG ;;
	h) usage; exit 0 ;;
	*) usage >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[[ $PKGS =~ ^[1-9][0-9]*$ ]] || die "-n wants a positive number, got '$PKGS'"
[[ $SEED =~ ^[0-9]+$ ]] || die "-s wants a non-negative number, got '$SEED'"

[[ -f go.mod && -d internal/gencorpus ]] && grep -q '^module github.com/piilint/piilint$' go.mod ||
	die "run from the root of the piilint repository"
[[ -x /usr/bin/time ]] || die "/usr/bin/time (GNU time) is required"

ROOT=$PWD
BENCH=$ROOT/.bench
BIN=$BENCH/bin
TMP=$BENCH/tmp
LOGS=$BENCH/logs
CORPUS=$BENCH/corpus
RESULTS=$BENCH/results.json
STATICCHECK_VERSION=0.8.2
EDIT_FILE=${EDIT_FILE:-model/core/core.go}
BENCH_TIMEOUT=${BENCH_TIMEOUT:-1800}
[[ $BENCH_TIMEOUT =~ ^[0-9]+$ ]] || die "BENCH_TIMEOUT wants whole seconds, got '$BENCH_TIMEOUT'"
mkdir -p "$BIN" "$TMP" "$LOGS"

if (($# == 0)); then
	set -- . .bench/corpus
fi

# ---- 1. Tools.

if [[ -n ${PIILINT:-} ]]; then
	[[ -x $PIILINT ]] || die "PIILINT=$PIILINT is not an executable file"
	PIILINT=$(cd "$(dirname "$PIILINT")" && pwd)/$(basename "$PIILINT")
	echo "piilint: using $PIILINT"
else
	echo "piilint: building ./cmd/piilint"
	go build -o "$BIN/piilint" ./cmd/piilint || die "go build ./cmd/piilint failed (set PIILINT to measure another binary)"
	PIILINT=$BIN/piilint
fi
read -r -a PIILINT_EXTRA <<<"${PIILINT_ARGS:-}"

STATICCHECK=$BIN/staticcheck
if [[ -x $STATICCHECK ]] && "$STATICCHECK" -version 2>/dev/null | grep -qF "($STATICCHECK_VERSION)"; then
	echo "staticcheck: $("$STATICCHECK" -version)"
else
	echo "staticcheck: installing v$STATICCHECK_VERSION"
	GOBIN=$BIN go install "honnef.co/go/tools/cmd/staticcheck@v$STATICCHECK_VERSION"
	echo "staticcheck: $("$STATICCHECK" -version)"
fi

# ---- 2. Corpus.

abspath() { (cd "$1" && pwd); }

wants_corpus=false
targets=()
for t in "$@"; do
	[[ $t == / ]] || t=${t%/}
	[[ $t == ./* ]] && t=${t#./}
	targets+=("$t")
done
set -- "${targets[@]}"
for t in "$@"; do
	if [[ $t == .bench/corpus || $t == "$CORPUS" ]]; then
		wants_corpus=true
	elif [[ -d $t && $(abspath "$t") == "$CORPUS" ]]; then
		wants_corpus=true
	fi
done

if $wants_corpus; then
	stamp="pkgs=$PKGS seed=$SEED gen=$(cat internal/gencorpus/*.go | sha256sum | cut -c1-16)"
	if [[ -f $CORPUS/go.mod && -f $BENCH/corpus.stamp && $(cat "$BENCH/corpus.stamp") == "$stamp" ]]; then
		echo "corpus: reusing $CORPUS ($stamp)"
	else
		echo "corpus: generating $PKGS packages (seed $SEED)"
		rm -rf "$CORPUS" "$BENCH/corpus.stamp"
		go run ./internal/gencorpus -out "$CORPUS" -pkgs "$PKGS" -seed "$SEED"
		echo "$stamp" >"$BENCH/corpus.stamp"
	fi
	CORPUS_FILES=$(find "$CORPUS" -name '*.go' | wc -l)
	CORPUS_LINES=$(find "$CORPUS" -name '*.go' -print0 | xargs -0 cat | wc -l)
	CORPUS_PKGS=$(find "$CORPUS" -name '*.go' -printf '%h\n' | sort -u | wc -l)
	echo "corpus: $CORPUS_PKGS packages, $CORPUS_FILES files, $CORPUS_LINES lines"
fi

for t in "$@"; do
	[[ -d $t ]] || die "target $t is not a directory"
done

# ---- 3. Measurements.

# Results, one entry per run, in parallel arrays.
R_TARGET=() R_TOOL=() R_MODE=() R_WALL=() R_RSS=() R_RC=() R_OK=()
FAILED=0

slug() {
	local a
	a=$(abspath "$1")
	case $a in
	"$ROOT") echo repo ;;
	"$CORPUS") echo corpus ;;
	*) basename "$a" | tr -c 'A-Za-z0-9_.\n-' '_' ;;
	esac
}

# measure TARGET TOOL MODE OKCODES CMD... runs CMD in TARGET under GNU time
# and records wall seconds, peak RSS and the exit code. OKCODES is a
# space-separated list of exit codes that count as success. Variables to
# set for the command are passed before it as NAME=VALUE words (via env).
measure() {
	local target=$1 tool=$2 mode=$3 okcodes=$4
	shift 4
	local name log tf rc=0 wall rss ok=false
	name="$(slug "$target")-${tool// /-}-$mode"
	log=$LOGS/$name.log
	tf=$TMP/$name.time
	printf '  %-16s %-12s %-7s ' "$target" "$tool" "$mode" >&2
	# timeout signals its whole process group, so the processes go vet
	# starts are stopped too.
	(cd "$target" && /usr/bin/time -f '%e %M' -o "$tf" timeout -k 10 "$BENCH_TIMEOUT" env "$@") >"$log" 2>&1 || rc=$?
	if ((BENCH_TIMEOUT > 0)) && [[ $rc == 124 || $rc == 137 ]]; then
		rc=TIMEOUT
	fi
	read -r wall rss < <(tail -n 1 "$tf")
	[[ $wall =~ ^[0-9.]+$ && $rss =~ ^[0-9]+$ ]] || { wall=0 rss=0; }
	for c in $okcodes; do
		[[ $rc == "$c" ]] && ok=true
	done
	R_TARGET+=("$target") R_TOOL+=("$tool") R_MODE+=("$mode")
	R_WALL+=("$wall") R_RSS+=("$rss") R_RC+=("$rc") R_OK+=("$ok")
	if $ok; then
		printf '%8.2f s %8.1f MiB  (exit %s)\n' "$wall" "$(mib "$rss")" "$rc" >&2
	else
		FAILED=1
		printf 'FAILED (exit %s), last lines of %s:\n' "$rc" "${log#"$ROOT"/}" >&2
		tail -n 15 "$log" | sed 's/^/      /' >&2
	fi
}

mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

# fresh DIR removes and recreates DIR and prints it.
fresh() {
	rm -rf "$1"
	mkdir -p "$1"
	echo "$1"
}

# The edited file and its pristine copy, restored on any exit.
EDITED=""
EDIT_BACKUP=$TMP/edit-backup.go
restore_edit() {
	if [[ -n $EDITED && -f $EDIT_BACKUP ]]; then
		cp "$EDIT_BACKUP" "$EDITED"
		rm -f "$EDIT_BACKUP"
		EDITED=""
	fi
}
trap restore_edit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# edit N appends a trivial function returning N to EDIT_FILE; each call
# starts from the pristine file, so every edit is new to the build cache.
edit() {
	restore_edit
	cp "$CORPUS/$EDIT_FILE" "$EDIT_BACKUP"
	EDITED=$CORPUS/$EDIT_FILE
	printf '\n// benchEdit was appended by scripts/bench.sh, which removes it again.\nfunc benchEdit() int { return %d }\n' "$1" >>"$EDITED"
}

EDIT_TARGET="" EDIT_WALL="" EDIT_RSS="" EDIT_OK=false BASE_WALL="" BASE_OK=false

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo
echo "measuring (load average $LOAD_BEFORE, $(nproc) CPUs); logs in .bench/logs"
for target in "$@"; do
	s=$(slug "$target")
	# Download modules outside the timed runs, with the normal caches.
	(cd "$target" && go list -deps ./... >/dev/null 2>&1) || true

	cache=$(fresh "$TMP/$s-vet/gocache")
	measure "$target" "go vet" cold "0 1" GOCACHE="$cache" go vet ./...
	measure "$target" "go vet" warm "0 1" GOCACHE="$cache" go vet ./...
	rm -rf "$TMP/$s-vet"

	cache=$(fresh "$TMP/$s-sc/gocache")
	sccache=$(fresh "$TMP/$s-sc/sccache")
	measure "$target" staticcheck cold "0 1" GOCACHE="$cache" STATICCHECK_CACHE="$sccache" "$STATICCHECK" -checks all ./...
	measure "$target" staticcheck warm "0 1" GOCACHE="$cache" STATICCHECK_CACHE="$sccache" "$STATICCHECK" -checks all ./...
	rm -rf "$TMP/$s-sc"

	cache=$(fresh "$TMP/$s-pii/gocache")
	measure "$target" piilint cold "0 3" GOCACHE="$cache" "$PIILINT" "${PIILINT_EXTRA[@]}" ./...
	measure "$target" piilint warm "0 3" GOCACHE="$cache" "$PIILINT" "${PIILINT_EXTRA[@]}" ./...

	if [[ $(abspath "$target") == "$CORPUS" ]]; then
		[[ -f $CORPUS/$EDIT_FILE ]] || die "EDIT_FILE $EDIT_FILE is not a file of the corpus"
		vt=(GOCACHE="$cache" go vet -vettool="$PIILINT" ./...)
		measure "$target" "vet-piilint" first "0 1" "${vt[@]}"
		measure "$target" "vet-piilint" cached "0 1" "${vt[@]}"
		edit 1
		measure "$target" "vet-piilint" edit "0 1" "${vt[@]}"
		EDIT_TARGET=$target
		EDIT_WALL=${R_WALL[-1]} EDIT_RSS=${R_RSS[-1]} EDIT_OK=${R_OK[-1]}
		# Baseline: plain go vet, primed untimed on the pristine file.
		restore_edit
		(cd "$target" && GOCACHE="$cache" go vet ./... >/dev/null 2>&1) || true
		edit 2
		measure "$target" "go vet" edit "0 1" GOCACHE="$cache" go vet ./...
		BASE_WALL=${R_WALL[-1]} BASE_OK=${R_OK[-1]}
		restore_edit
	fi
	rm -rf "$TMP/$s-pii"
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- 4. Report.

# lookup TARGET TOOL MODE FIELD prints the recorded value, or nothing when
# the run is missing or failed.
lookup() {
	local i
	for i in "${!R_TARGET[@]}"; do
		if [[ ${R_TARGET[i]} == "$1" && ${R_TOOL[i]} == "$2" && ${R_MODE[i]} == "$3" && ${R_OK[i]} == true ]]; then
			case $4 in
			wall) echo "${R_WALL[i]}" ;;
			rss) echo "${R_RSS[i]}" ;;
			esac
			return
		fi
	done
}

# ratio A B prints A/B with two decimals, or "-" when either is missing.
ratio() {
	if [[ -z $1 || -z $2 ]] || awk -v b="$2" 'BEGIN { exit !(b == 0) }'; then
		echo "-"
	else
		awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'
	fi
}

json_str() {
	local s=${1//\\/\\\\}
	s=${s//\"/\\\"}
	printf '"%s"' "$s"
}

json_code() { if [[ $1 =~ ^[0-9]+$ ]]; then echo "$1"; else json_str "$1"; fi; }

json_num() { if [[ -z $1 || $1 == - ]]; then echo null; else echo "$1"; fi; }

GO_VERSION=$(go env GOVERSION)
SC_VERSION=$("$STATICCHECK" -version)
COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)

{
	echo
	echo "piilint benchmark  (repo $COMMIT, $GO_VERSION, $SC_VERSION, $(nproc) CPUs)"
	echo "load average: $LOAD_BEFORE before, $LOAD_AFTER after"
	if $wants_corpus; then
		echo "corpus: .bench/corpus, $CORPUS_PKGS packages, $CORPUS_FILES files, $CORPUS_LINES lines (seed $SEED)"
	fi
	echo
	printf '%-16s %-12s %-7s %9s %13s  %s\n' target tool mode "wall s" "peak RSS MiB" exit
	printf '%-16s %-12s %-7s %9s %13s  %s\n' ------ ---- ---- ------ ------------ ----
	for i in "${!R_TARGET[@]}"; do
		status=${R_RC[i]}
		if ! ${R_OK[i]}; then
			[[ $status == TIMEOUT ]] && status="TIMEOUT after ${BENCH_TIMEOUT} s" || status="$status FAILED"
		fi
		printf '%-16s %-12s %-7s %9.2f %13.1f  %s\n' "${R_TARGET[i]}" "${R_TOOL[i]}" "${R_MODE[i]}" \
			"${R_WALL[i]}" "$(mib "${R_RSS[i]}")" "$status"
	done
	echo
	printf '%-16s %-22s %10s %10s %10s %10s\n' target ratio "cold wall" "cold RSS" "warm wall" "warm RSS"
	for target in "$@"; do
		for base in staticcheck "go vet"; do
			row=()
			for mode in cold warm; do
				for f in wall rss; do
					row+=("$(ratio "$(lookup "$target" piilint $mode $f)" "$(lookup "$target" "$base" $mode $f)")")
				done
			done
			printf '%-16s %-22s %10s %10s %10s %10s\n' "$target" "piilint/$base" "${row[@]}"
		done
	done
	if [[ -n $EDIT_TARGET ]]; then
		echo
		if $EDIT_OK; then
			printf 'edit re-run: go vet -vettool=piilint on %s after appending to %s: %.2f s, %.1f MiB\n' \
				"$EDIT_TARGET" "$EDIT_FILE" "$EDIT_WALL" "$(mib "$EDIT_RSS")"
			if $BASE_OK; then
				printf '             plain go vet after the same kind of edit: %.2f s (piilint/go vet %s)\n' \
					"$BASE_WALL" "$(ratio "$EDIT_WALL" "$BASE_WALL")"
			fi
		else
			echo "edit re-run: FAILED"
		fi
	fi
	echo
	echo "Peak RSS is the largest single process of each command's tree as /usr/bin/time"
	echo "reports it (the command and the children it waited for), not the sum of"
	echo "processes running at once; go vet and vet-piilint run one process per package."
	echo "cold: empty GOCACHE (and STATICCHECK_CACHE), GOMODCACHE kept; warm: second run."
	echo "vet-piilint first: first go vet -vettool=piilint run, on the GOCACHE the piilint"
	echo "runs left; cached: the same again; edit: after appending a function to $EDIT_FILE."
} | tee "$BENCH/results.txt"

{
	echo "{"
	echo "  \"commit\": $(json_str "$COMMIT"),"
	echo "  \"go_version\": $(json_str "$GO_VERSION"),"
	echo "  \"staticcheck_version\": $(json_str "$SC_VERSION"),"
	echo "  \"piilint\": $(json_str "$PIILINT"),"
	echo "  \"cpus\": $(nproc),"
	echo "  \"load_average_before\": $(json_str "$LOAD_BEFORE"),"
	echo "  \"load_average_after\": $(json_str "$LOAD_AFTER"),"
	if $wants_corpus; then
		echo "  \"corpus\": {\"dir\": \".bench/corpus\", \"packages\": $CORPUS_PKGS, \"files\": $CORPUS_FILES, \"lines\": $CORPUS_LINES, \"seed\": $SEED},"
	else
		echo "  \"corpus\": null,"
	fi
	echo "  \"rss_note\": \"peak RSS of the largest single process in each command's tree, as reported by /usr/bin/time; not a sum over concurrent processes\","
	echo "  \"runs\": ["
	n=${#R_TARGET[@]}
	for i in "${!R_TARGET[@]}"; do
		sep=,
		((i == n - 1)) && sep=
		printf '    {"target": %s, "tool": %s, "mode": %s, "wall_s": %s, "peak_rss_mib": %s, "exit": %s, "ok": %s}%s\n' \
			"$(json_str "${R_TARGET[i]}")" "$(json_str "${R_TOOL[i]}")" "$(json_str "${R_MODE[i]}")" \
			"${R_WALL[i]}" "$(mib "${R_RSS[i]}")" "$(json_code "${R_RC[i]}")" "${R_OK[i]}" "$sep"
	done
	echo "  ],"
	echo "  \"ratios\": ["
	lines=()
	for target in "$@"; do
		for base in staticcheck "go vet"; do
			for mode in cold warm; do
				w=$(ratio "$(lookup "$target" piilint $mode wall)" "$(lookup "$target" "$base" $mode wall)")
				r=$(ratio "$(lookup "$target" piilint $mode rss)" "$(lookup "$target" "$base" $mode rss)")
				lines+=("$(printf '    {"target": %s, "of": "piilint", "to": %s, "mode": "%s", "wall": %s, "rss": %s}' \
					"$(json_str "$target")" "$(json_str "$base")" "$mode" "$(json_num "$w")" "$(json_num "$r")")")
			done
		done
	done
	for i in "${!lines[@]}"; do
		sep=,
		((i == ${#lines[@]} - 1)) && sep=
		echo "${lines[i]}$sep"
	done
	echo "  ],"
	if [[ -n $EDIT_TARGET && $EDIT_OK == true ]]; then
		base=null
		$BASE_OK && base=$BASE_WALL
		echo "  \"edit\": {\"target\": $(json_str "$EDIT_TARGET"), \"file\": $(json_str "$EDIT_FILE"), \"wall_s\": $EDIT_WALL, \"peak_rss_mib\": $(mib "$EDIT_RSS"), \"go_vet_wall_s\": $base, \"ratio_to_go_vet\": $(json_num "$(ratio "$EDIT_WALL" "${BASE_WALL:-}")")}"
	else
		echo "  \"edit\": null"
	fi
	echo "}"
} >"$RESULTS"
echo "results: .bench/results.txt, .bench/results.json"

exit "$FAILED"
