#!/usr/bin/env bash
# make mutants: cargo-mutants over core and document (configured in .cargo/mutants.toml), then the
# score: the share of the mutants that build whose change a test caught (a timeout counts as
# caught: the change made a test hang). Not part of CI: about 1,000 mutants, an hour or more on
# two cores. MUTANTS_ARGS passes more options (say "--shard 0/4" or "-f src/core/json.rs").
set -euo pipefail
cd "$(dirname "$0")/.."
cargo mutants --version >/dev/null 2>&1 || cargo install cargo-mutants --locked
status=0
# shellcheck disable=SC2086
# build.rs reads ui/ and shared-names.json with src/core/json.rs: a mutant there can make the
# build script itself loop. Such a build is stopped after two minutes and counted as a timeout
# (the change did not go unnoticed: no build finishes with it).
cargo mutants --no-shuffle --jobs "${MUTANTS_JOBS:-2}" --build-timeout 120 --output target ${MUTANTS_ARGS:-} || status=$?
# cargo-mutants exits 2 when mutants were missed, 3 on timeouts: the score says how many.
case $status in 0|2|3) ;; *) exit $status ;; esac
out=target/mutants.out
count() { [ -f "$out/$1.txt" ] && grep -c . "$out/$1.txt" || echo 0; }
caught=$(count caught) missed=$(count missed) timeout=$(count timeout) unviable=$(count unviable)
tested=$((caught + missed + timeout))
[ "$tested" -gt 0 ] || { echo "mutants: nothing was tested"; exit 1; }
score=$(( (caught + timeout) * 1000 / tested ))
echo "mutants: $caught caught, $timeout timed out, $missed missed, $unviable unviable"
printf 'mutants score: %d.%d%% of %d mutants caught (missed ones: %s)\n' $((score / 10)) $((score % 10)) "$tested" "$out/missed.txt"
