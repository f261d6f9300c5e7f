#!/usr/bin/env bash
# bench.sh - measure piilint's wall time and peak memory against go vet and
# staticcheck on the same packages: a service with a real dependency graph
# and a generated CRM-shaped corpus.
#
# Usage (from the repository root):
#
#   scripts/bench.sh [-r ROUNDS] [-n PKGS] [-s SEED] [TARGET...]
#
#   -r ROUNDS  rounds of measurements; the report gives medians (default 3)
#   -n PKGS    packages in the generated corpus (default 300)
#   -s SEED    corpus seed (default 1)
#   TARGET     directories to analyze with ./... (default:
#              scripts/bench/realdeps and .bench/corpus; "." is this
#              repository)
#
# Environment:
#   PIILINT        piilint binary to measure; when set, ./cmd/piilint is not built
#   PIILINT_ARGS   extra arguments for piilint, before ./... (default none)
#   EDIT_FILES     files, relative to a target, that the edit re-runs touch:
#                  the first that exists in a target is used; a target with
#                  none gets no edit re-runs (default "model/core/core.go
#                  model/model.go": the package every other one imports, in
#                  the corpus and in realdeps)
#   WARM_RUNS      warm runs per tool and round, all counted in the warm
#                  median (default 5)
#   BENCH_TIMEOUT  seconds after which one measured command is stopped, with
#                  its whole process group, and marked TIMEOUT (default 1800;
#                  0 for no limit)
#
# What it does:
#   1. builds piilint into .bench/bin and installs staticcheck v0.8.2 there
#      (skipped when the right version is already there);
#   2. generates the corpus into .bench/corpus with internal/gencorpus, unless
#      it is already there for the same PKGS, seed and generator source;
#   3. ROUNDS times, for each target, and for each tool in an order that
#      rotates from round to round (so no tool always runs first or right
#      after another's cache traffic):
#        go vet ./...                     (go vet)
#        staticcheck -checks all ./...    (staticcheck)
#        piilint ./...                    (piilint, the standalone driver)
#        go vet -vettool=piilint ./...    (vet-piilint)
#      three runs under /usr/bin/time -f '%e %M' (wall seconds, peak RSS
#      KiB): cold (empty GOCACHE, STATICCHECK_CACHE for staticcheck and
#      PIILINT_CACHE, piilint's result cache),
#      warm (the same again, WARM_RUNS times), and edit (after appending a small function to
#      the target's edit file, on the warm caches; the file is restored
#      after each edit and on exit, also on failure or interrupt);
#   4. prints the medians of each run over the rounds and the ratios
#      piilint/staticcheck, piilint/go vet and vet-piilint/go vet, and
#      writes every run and the medians to .bench/results.json (the table
#      to .bench/results.txt). Tool logs go to .bench/logs.
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

ROUNDS=3
PKGS=300
SEED=1
while getopts 'r:n:s:h' opt; do
	case $opt in
	r) ROUNDS=$OPTARG ;;
	n) PKGS=$OPTARG ;;
	s) SEED=$OPTARG ;;
	h) usage; exit 0 ;;
	*) usage >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "-r wants a positive number, got '$ROUNDS'"
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
read -r -a EDIT_FILES <<<"${EDIT_FILES:-model/core/core.go model/model.go}"
BENCH_TIMEOUT=${BENCH_TIMEOUT:-1800}
WARM_RUNS=${WARM_RUNS:-5}
[[ $WARM_RUNS =~ ^[1-9][0-9]*$ ]] || die "WARM_RUNS wants a positive whole number, got '$WARM_RUNS'"
[[ $BENCH_TIMEOUT =~ ^[0-9]+$ ]] || die "BENCH_TIMEOUT wants whole seconds, got '$BENCH_TIMEOUT'"
mkdir -p "$BIN" "$TMP" "$LOGS"

if (($# == 0)); then
	set -- scripts/bench/realdeps .bench/corpus
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
fi

for t in "$@"; do
	[[ -d $t ]] || die "target $t is not a directory"
done

# describe TARGET prints the target's size: its own packages, files and
# lines, and the packages it depends on.
describe() {
	local list files lines own deps
	list=$(cd "$1" && go list -f '{{range .GoFiles}}{{$.Dir}}/{{.}}{{"\n"}}{{end}}' ./... 2>/dev/null | grep . || true)
	files=$(grep -c . <<<"$list" || true)
	lines=$(if [[ -n $list ]]; then xargs cat <<<"$list" | wc -l; else echo 0; fi)
	own=$(cd "$1" && go list ./... 2>/dev/null | grep -c . || true)
	deps=$(cd "$1" && go list -deps ./... 2>/dev/null | grep -c . || true)
	echo "$own packages, $files files, $lines lines; $deps packages with dependencies"
}

# ---- 3. Measurements.

# Results, one entry per run, in parallel arrays.
R_ROUND=() R_TARGET=() R_TOOL=() R_MODE=() R_WALL=() R_RSS=() R_RC=() R_OK=()
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

mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

# measure ROUND TARGET TOOL MODE OKCODES CMD... runs CMD in TARGET under
# GNU time and records wall seconds, peak RSS and the exit code. OKCODES is
# a space-separated list of exit codes that count as success. Variables to
# set for the command are passed before it as NAME=VALUE words (via env).
measure() {
	local round=$1 target=$2 tool=$3 mode=$4 okcodes=$5
	shift 5
	local name log tf rc=0 wall rss ok=false
	name="$(slug "$target")-${tool// /-}-$mode-$round"
	log=$LOGS/$name.log
	tf=$TMP/$name.time
	printf '  %d %-22s %-12s %-5s ' "$round" "$target" "$tool" "$mode" >&2
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
	R_ROUND+=("$round") R_TARGET+=("$target") R_TOOL+=("$tool") R_MODE+=("$mode")
	R_WALL+=("$wall") R_RSS+=("$rss") R_RC+=("$rc") R_OK+=("$ok")
	if $ok; then
		printf '%8.2f s %8.1f MiB  (exit %s)\n' "$wall" "$(mib "$rss")" "$rc" >&2
	else
		FAILED=1
		printf 'FAILED (exit %s), last lines of %s:\n' "$rc" "${log#"$ROOT"/}" >&2
		tail -n 15 "$log" | sed 's/^/      /' >&2
	fi
}

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

# edit_file TARGET prints the target's edit file, or nothing.
edit_file() {
	local f
	for f in "${EDIT_FILES[@]}"; do
		if [[ -f $1/$f ]]; then
			echo "$1/$f"
			return
		fi
	done
}

# edit FILE N appends a trivial function returning N to FILE; each call
# starts from the pristine file, so every edit is new to the caches.
edit() {
	restore_edit
	cp "$1" "$EDIT_BACKUP"
	EDITED=$1
	printf '\n// benchEdit was appended by scripts/bench.sh, which removes it again.\nfunc benchEdit() int { return %d }\n' "$2" >>"$EDITED"
}

TOOLS=("go vet" staticcheck piilint vet-piilint)
OKCODES=("0 1" "0 1" "0 3" "0 1")
declare -A DESCRIPTION

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo
echo "measuring $ROUNDS rounds (load average $LOAD_BEFORE, $(nproc) CPUs); logs in .bench/logs"
for target in "$@"; do
	# Download modules outside the timed runs, with the normal caches.
	(cd "$target" && go list -deps ./... >/dev/null 2>&1) || true
	DESCRIPTION[$target]=$(describe "$target")
	echo "$target: ${DESCRIPTION[$target]}"
done
serial=0
for ((round = 1; round <= ROUNDS; round++)); do
	for target in "$@"; do
		s=$(slug "$target")
		ef=$(edit_file "$target")
		for ((k = 0; k < ${#TOOLS[@]}; k++)); do
			i=$(((k + round - 1) % ${#TOOLS[@]}))
			tool=${TOOLS[i]}
			dir=$TMP/$s-${tool// /-}
			cache=$(fresh "$dir/gocache")
			sccache=$(fresh "$dir/sccache")
			plcache=$(fresh "$dir/plcache")
			case $tool in
			"go vet") cmd=(go vet ./...) ;;
			staticcheck) cmd=("$STATICCHECK" -checks all ./...) ;;
			piilint) cmd=("$PIILINT" "${PIILINT_EXTRA[@]}" ./...) ;;
			vet-piilint) cmd=(go vet -vettool="$PIILINT" ./...) ;;
			esac
			env=(GOCACHE="$cache" STATICCHECK_CACHE="$sccache" PIILINT_CACHE="$plcache")
			measure "$round" "$target" "$tool" cold "${OKCODES[i]}" "${env[@]}" "${cmd[@]}"
			# A warm run takes half a second: a few per round, so that
			# its median is not one scheduling hiccup.
			for ((w = 0; w < WARM_RUNS; w++)); do
				measure "$round" "$target" "$tool" warm "${OKCODES[i]}" "${env[@]}" "${cmd[@]}"
			done
			if [[ -n $ef ]]; then
				serial=$((serial + 1))
				edit "$ef" "$serial"
				measure "$round" "$target" "$tool" edit "${OKCODES[i]}" "${env[@]}" "${cmd[@]}"
				restore_edit
			fi
			rm -rf "$dir"
		done
	done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- 4. Report.

# median TARGET TOOL MODE FIELD prints the median over the rounds of the
# successful runs, or nothing when there is none.
median() {
	local i vals=()
	for i in "${!R_TARGET[@]}"; do
		if [[ ${R_TARGET[i]} == "$1" && ${R_TOOL[i]} == "$2" && ${R_MODE[i]} == "$3" && ${R_OK[i]} == true ]]; then
			case $4 in
			wall) vals+=("${R_WALL[i]}") ;;
			rss) vals+=("${R_RSS[i]}") ;;
			esac
		fi
	done
	((${#vals[@]} > 0)) || return 0
	printf '%s\n' "${vals[@]}" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# ratio A B prints A/B with two decimals, or "-" when either is missing.
ratio() {
	if [[ -z $1 || -z $2 ]] || awk -v b="$2" 'BEGIN { exit !(b == 0) }'; then
		echo "-"
	else
		awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'
	fi
}

fmt_wall() { if [[ -z $1 ]]; then echo -; else printf '%.2f' "$1"; fi; }
fmt_rss() { if [[ -z $1 ]]; then echo -; else mib "$1"; fi; }

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
MODES=(cold warm edit)
# The ratios reported: measured tool, baseline tool.
PAIRS=("piilint:staticcheck" "piilint:go vet" "vet-piilint:go vet")

{
	echo
	echo "piilint benchmark  (repo $COMMIT, $GO_VERSION, $SC_VERSION, $(nproc) CPUs, $ROUNDS rounds)"
	echo "load average: $LOAD_BEFORE before, $LOAD_AFTER after"
	for target in "$@"; do
		echo "$target: ${DESCRIPTION[$target]}"
	done
	echo
	echo "medians over the rounds (failed runs left out; a run's every round is in results.json)"
	printf '%-22s %-12s %-5s %9s %13s  %s\n' target tool mode "wall s" "peak RSS MiB" failed
	printf '%-22s %-12s %-5s %9s %13s  %s\n' ------ ---- ---- ------ ------------ ------
	for target in "$@"; do
		for tool in "${TOOLS[@]}"; do
			for mode in "${MODES[@]}"; do
				n=0 bad=0
				for i in "${!R_TARGET[@]}"; do
					if [[ ${R_TARGET[i]} == "$target" && ${R_TOOL[i]} == "$tool" && ${R_MODE[i]} == "$mode" ]]; then
						n=$((n + 1))
						[[ ${R_OK[i]} == true ]] || bad=$((bad + 1))
					fi
				done
				((n > 0)) || continue
				printf '%-22s %-12s %-5s %9s %13s  %s\n' "$target" "$tool" "$mode" \
					"$(fmt_wall "$(median "$target" "$tool" "$mode" wall)")" \
					"$(fmt_rss "$(median "$target" "$tool" "$mode" rss)")" "$bad/$n"
			done
		done
	done
	echo
	printf '%-22s %-26s %9s %9s %9s %9s\n' target ratio "cold wall" "cold RSS" "warm wall" "edit wall"
	for target in "$@"; do
		for pair in "${PAIRS[@]}"; do
			a=${pair%%:*} b=${pair#*:}
			printf '%-22s %-26s %9s %9s %9s %9s\n' "$target" "$a/$b" \
				"$(ratio "$(median "$target" "$a" cold wall)" "$(median "$target" "$b" cold wall)")" \
				"$(ratio "$(median "$target" "$a" cold rss)" "$(median "$target" "$b" cold rss)")" \
				"$(ratio "$(median "$target" "$a" warm wall)" "$(median "$target" "$b" warm wall)")" \
				"$(ratio "$(median "$target" "$a" edit wall)" "$(median "$target" "$b" edit wall)")"
		done
	done
	echo
	echo "Peak RSS is the largest single process of each command's tree as /usr/bin/time"
	echo "reports it (the command and the children it waited for), not the sum of"
	echo "processes running at once; go vet and vet-piilint run one process per package."
	echo "cold: empty GOCACHE (and STATICCHECK_CACHE, PIILINT_CACHE), GOMODCACHE kept; warm: the same"
	echo "again ($WARM_RUNS runs a round, the median of all of them); edit: after appending"
	echo "a function to the package every other imports."
} | tee "$BENCH/results.txt"

{
	echo "{"
	echo "  \"commit\": $(json_str "$COMMIT"),"
	echo "  \"go_version\": $(json_str "$GO_VERSION"),"
	echo "  \"staticcheck_version\": $(json_str "$SC_VERSION"),"
	echo "  \"piilint\": $(json_str "$PIILINT"),"
	echo "  \"cpus\": $(nproc),"
	echo "  \"rounds\": $ROUNDS,"
	echo "  \"load_average_before\": $(json_str "$LOAD_BEFORE"),"
	echo "  \"load_average_after\": $(json_str "$LOAD_AFTER"),"
	echo "  \"rss_note\": \"peak RSS of the largest single process in each command's tree, as reported by /usr/bin/time; not a sum over concurrent processes\","
	echo "  \"runs\": ["
	n=${#R_TARGET[@]}
	for i in "${!R_TARGET[@]}"; do
		sep=,
		((i == n - 1)) && sep=
		printf '    {"round": %s, "target": %s, "tool": %s, "mode": %s, "wall_s": %s, "peak_rss_mib": %s, "exit": %s, "ok": %s}%s\n' \
			"${R_ROUND[i]}" "$(json_str "${R_TARGET[i]}")" "$(json_str "${R_TOOL[i]}")" "$(json_str "${R_MODE[i]}")" \
			"${R_WALL[i]}" "$(mib "${R_RSS[i]}")" "$(json_code "${R_RC[i]}")" "${R_OK[i]}" "$sep"
	done
	echo "  ],"
	echo "  \"ratios\": ["
	lines=()
	for target in "$@"; do
		for pair in "${PAIRS[@]}"; do
			a=${pair%%:*} b=${pair#*:}
			for mode in "${MODES[@]}"; do
				w=$(ratio "$(median "$target" "$a" "$mode" wall)" "$(median "$target" "$b" "$mode" wall)")
				r=$(ratio "$(median "$target" "$a" "$mode" rss)" "$(median "$target" "$b" "$mode" rss)")
				lines+=("$(printf '    {"target": %s, "of": %s, "to": %s, "mode": "%s", "median_wall": %s, "median_rss": %s}' \
					"$(json_str "$target")" "$(json_str "$a")" "$(json_str "$b")" "$mode" "$(json_num "$w")" "$(json_num "$r")")")
			done
		done
	done
	for i in "${!lines[@]}"; do
		sep=,
		((i == ${#lines[@]} - 1)) && sep=
		echo "${lines[i]}$sep"
	done
	echo "  ]"
	echo "}"
} >"$RESULTS"
echo "results: .bench/results.txt, .bench/results.json"

exit "$FAILED"
