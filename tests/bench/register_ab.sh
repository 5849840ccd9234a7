#!/usr/bin/env bash
# Two runs of jobcenter compared on one `register import --link` of a generated register, run alternately
# on a machine whose speed drifts: rounds in the order A B B A, so that a drift over a round charges both
# alike, each run on a fresh database after `sync` (the previous run's writes reach the disk first).
# A and B are two builds on the same records, or one build on two sizes (RECORDS_B: how the time grows
# with the register, "10x the records in at most 12x the time"). Prints every run's wall and CPU time and
# peak memory, then the median of each side, the differences B - A and the ratios B / A within each pair
# (the figures to trust: the machine's speed changes little within a pair), and the ratio of the medians.
# Each build reads its own plugins and schema (a build directory's defaults).
# usage: tests/bench/register_ab.sh BUILD_A BUILD_B [RECORDS] [ROUNDS] [RECORDS_B]
# GENERATE_FLAGS: more generate_registers flags (--classic: the registers of before 2026-12-07, which the
# figures measured before that day were on).
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 BUILD_A BUILD_B [RECORDS (1000000)] [ROUNDS (3)] [RECORDS_B (RECORDS)]" >&2
  exit 2
fi
a=$1
b=$2
records=${3:-1000000}
rounds=${4:-3}
records_b=${5:-$records}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export JOBCENTER_NOW=2026-01-15T10:00:00Z
generator="$a/generate_registers"
[ -x "$generator" ] || generator="$b/generate_registers"
# shellcheck disable=SC2086 # GENERATE_FLAGS is a list of flags
"$generator" ${GENERATE_FLAGS:-} --records "$records" --seed 7 --out "$tmp/regs-A.csv" --truth "$tmp/truth-A.csv" > /dev/null
if [ "$records_b" = "$records" ]; then
  ln -s "$tmp/regs-A.csv" "$tmp/regs-B.csv"
else
  # shellcheck disable=SC2086 # GENERATE_FLAGS is a list of flags
  "$generator" ${GENERATE_FLAGS:-} --records "$records_b" --seed 7 --out "$tmp/regs-B.csv" --truth "$tmp/truth-B.csv" > /dev/null
fi

# One timed import --link with `build`; appends "label wall cpu peak_mib" to $tmp/runs.
run() {
  local label=$1 build=$2
  local db="$tmp/ab.db"
  rm -f "$db" "$db"-*
  for unit in uusix avotyo pakila vallila capsa toolo tuettu; do
    "$build/jobcenter" --db "$db" --quiet --role admin unit add "$unit" --title "$unit" --organisation KUTY > /dev/null
  done
  sync
  /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" \
    "$build/jobcenter" --db "$db" --quiet --role coordinator register import "$tmp/regs-$label.csv" --unit-column unit --link > /dev/null
  read -r wall user sys kb < "$tmp/time"
  local cpu
  cpu=$(awk "BEGIN { print $user + $sys }")
  printf '%s %s %s %d\n' "$label" "$wall" "$cpu" "$((kb / 1024))" | tee -a "$tmp/runs"
}

for round in $(seq "$rounds"); do
  run A "$a"
  run B "$b"
  run B "$b"
  run A "$a"
done

python3 - "$tmp/runs" "$records" "$records_b" <<'PY'
import statistics, sys
runs = [line.split() for line in open(sys.argv[1])]
records = {'A': int(sys.argv[2]), 'B': int(sys.argv[3])}
walls, cpus = {'A': [], 'B': []}, {'A': [], 'B': []}
for label, wall, cpu, peak in runs:
    walls[label].append(float(wall))
    cpus[label].append(float(cpu))
# Pairs within each A B B A round: (A, B) and (B, A).
pairs = []
for i in range(0, len(runs), 4):
    r = runs[i:i + 4]
    pairs += [(float(r[0][1]), float(r[1][1])), (float(r[3][1]), float(r[2][1]))]
differences = [b - a for a, b in pairs]
ratios = [b / a for a, b in pairs]
ma, mb = statistics.median(walls['A']), statistics.median(walls['B'])
ca, cb = statistics.median(cpus['A']), statistics.median(cpus['B'])
print(f"records: A {records['A']:,}, B {records['B']:,}")
print(f"median wall: A {ma:.2f} s, B {mb:.2f} s; B/A {mb / ma:.3f}")
print(f"median cpu: A {ca:.2f} s, B {cb:.2f} s; B/A {cb / ca:.3f}")
print(f"B - A within pairs: median {statistics.median(differences):+.2f} s, "
      f"from {min(differences):+.2f} to {max(differences):+.2f} s over {len(pairs)} pairs")
print(f"B / A within pairs: median {statistics.median(ratios):.3f}, from {min(ratios):.3f} to {max(ratios):.3f}")
PY
