#!/bin/sh
# Runs every libFuzzer target built in BUILD_DIR for SECONDS each.
# Usage: fuzz/run.sh BUILD_DIR [SECONDS]
#
# Each target starts from its committed seeds (fuzz/corpus/<target>/) plus
# the inputs of tests/corpus/ and examples/ (copied here at run time, not
# committed twice). New inputs found go to BUILD_DIR/fuzz-corpus/<target>/,
# kept between runs; crashes, leaks, timeouts and out-of-memory inputs go to
# BUILD_DIR/fuzz-artifacts/. Exits non-zero if any target fails.
set -u
build=${1:?usage: fuzz/run.sh BUILD_DIR [SECONDS]}
secs=${2:-8}
src=$(cd "$(dirname "$0")/.." && pwd)

targets=$(find "$build" -maxdepth 1 -type f -name 'fuzz_*' -perm -u+x | sort)
if [ -z "$targets" ]; then
  echo "fuzz: no fuzz_* executables in $build (configure with -DEA_FUZZ=ON and clang)" >&2
  exit 1
fi

# Seeds shared by all targets: the test corpus and the examples (inputs
# only; the .expect files are not documents).
shared="$build/fuzz-seeds-shared"
rm -rf "$shared"
mkdir -p "$shared"
for d in "$src/tests/corpus" "$src/examples"; do
  [ -d "$d" ] || continue
  find "$d" -type f ! -name '*.expect' ! -name '*.md' -size -256k | while IFS= read -r f; do
    rel=${f#"$src"/}
    cp "$f" "$shared/$(printf '%s' "$rel" | tr '/' '_')"
  done
done

mkdir -p "$build/fuzz-artifacts"
failed=0
summary=""
for t in $targets; do
  name=$(basename "$t")
  work="$build/fuzz-corpus/$name"
  mkdir -p "$work"
  seeds="$src/fuzz/corpus/$name"
  dirs="$work"
  [ -d "$seeds" ] && dirs="$dirs $seeds"
  dirs="$dirs $shared"
  dict=""
  [ -f "$src/fuzz/earnest.dict" ] && dict="-dict=$src/fuzz/earnest.dict"
  log="$build/fuzz-artifacts/$name.log"
  echo "fuzz: $name for ${secs}s (log: $log)"
  # shellcheck disable=SC2086
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1} \
  UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
    "$t" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -max_total_time="$secs" \
      -print_final_stats=1 -artifact_prefix="$build/fuzz-artifacts/$name-" $dict \
      $dirs >"$log" 2>&1
  rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  if [ "$rc" -ne 0 ]; then
    failed=$((failed + 1))
    summary="$summary
  FAIL $name (exit $rc, ${runs:-?} runs)"
    echo "fuzz: $name FAILED (exit $rc); the end of its log:" >&2
    tail -n 60 "$log" >&2
    ls "$build/fuzz-artifacts/$name-"* 2>/dev/null | sed 's/^/fuzz: artifact: /' >&2
  else
    summary="$summary
  ok   $name (${runs:-?} runs in ${secs}s, corpus $(ls "$work" | wc -l | tr -d ' ') new inputs)"
  fi
done
echo "fuzz summary:$summary"
if [ "$failed" -ne 0 ]; then
  echo "fuzz: $failed target(s) failed; reproduce with: $build/<target> <artifact>" >&2
  exit 1
fi
echo "fuzz: all targets ran ${secs}s without a failure"
