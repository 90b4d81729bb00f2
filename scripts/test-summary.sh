#!/usr/bin/env bash
# Adds up the counts of every test runner in a `make test` log and prints one closing line.
set -euo pipefail
log=$1
passed=0 failed=0
while read -r p f; do passed=$((passed + p)) failed=$((failed + f)); done < <(
  sed -nE 's/^test result: [A-Za-z]+\. ([0-9]+) passed; ([0-9]+) failed.*/\1 \2/p' "$log"
)
pw_passed=$(sed -nE 's/^ *([0-9]+) passed \(.*/\1/p' "$log" | tail -n 1)
pw_failed=$(sed -nE 's/^ *([0-9]+) failed$/\1/p' "$log" | tail -n 1)
passed=$((passed + ${pw_passed:-0})) failed=$((failed + ${pw_failed:-0}))
echo "tests: $passed passed, $failed failed"
