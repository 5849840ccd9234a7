#!/usr/bin/env bash
# Speed and quality of the register at scale on generated Finnish unit registers with known truth:
# generate N records, import them (one file, the unit per row) and deduplicate, in two commands (import,
# then dedupe) and in one (import --link) on a register of its own; report wall time, peak memory and
# pairwise F1 against the truth. The machine may be shared: the CPU time (user + system) of each step is
# printed beside its wall time. usage: [GENERATE_FLAGS=--classic] tests/bench/register_speed.sh [BUILD_DIR] [N...]
# (GENERATE_FLAGS: more generate_registers flags; --classic gives the registers of before the City's sites,
# namesakes and Excel-saved units, for figures measured before them.)
set -euo pipefail
build=${1:-build}
shift || true
sizes=("${@:-100000}")
shared=$(cd "$(dirname "$0")/../../.." && pwd)/shared
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export JOBCENTER_NOW=2026-01-15T10:00:00Z

# The generator's units, in the register that jc names; then the disk is given the writes still pending
# (a step before may have left a gigabyte), so that the timed step is not charged for them.
add_units() {
  for unit in uusix avotyo pakila vallila capsa toolo tuettu; do
    "${jc[@]}" --role admin unit add "$unit" --title "$unit" --organisation KUTY > /dev/null
  done
  sync
}

for n in "${sizes[@]}"; do
  db="$tmp/speed-$n.db"
  jc=("$build/jobcenter" --db "$db" --quiet)
  # shellcheck disable=SC2086 # GENERATE_FLAGS is a list of flags
  "$build/generate_registers" ${GENERATE_FLAGS:-} --records "$n" --seed 7 --out "$tmp/regs-$n.csv" --truth "$tmp/truth-$n.csv" > /dev/null
  add_units
  /usr/bin/time -f "%e %M %U %S" -o "$tmp/import.time" \
    "${jc[@]}" --role coordinator register import "$tmp/regs-$n.csv" --unit-column unit > /dev/null
  sync
  /usr/bin/time -f "%e %M %U %S" -o "$tmp/dedupe.time" "${jc[@]}" --role coordinator register dedupe > /dev/null
  "${jc[@]}" register export-clusters --format csv > "$tmp/clusters-$n.csv"
  read -r import_s import_kb import_user import_sys < "$tmp/import.time"
  read -r dedupe_s dedupe_kb dedupe_user dedupe_sys < "$tmp/dedupe.time"
  import_cpu=$(awk "BEGIN { print $import_user + $import_sys }")
  dedupe_cpu=$(awk "BEGIN { print $dedupe_user + $dedupe_sys }")
  f1=$(python3 "$shared/tools/pairwise_f1.py" "$tmp/truth-$n.csv" unit,source_id true_id "$tmp/clusters-$n.csv" unit,source_id orderer_id)
  printf '%9d records: import %6.2f s (cpu %6.2f s, peak %5d MiB), dedupe %6.2f s (cpu %6.2f s, peak %5d MiB); %s\n' \
    "$n" "$import_s" "$import_cpu" "$((import_kb / 1024))" "$dedupe_s" "$dedupe_cpu" "$((dedupe_kb / 1024))" "$f1"
  rm -f "$db" "$db"-*

  linked_db="$tmp/linked-$n.db"
  jc=("$build/jobcenter" --db "$linked_db" --quiet)
  add_units
  /usr/bin/time -f "%e %M %U %S" -o "$tmp/link.time" \
    "${jc[@]}" --role coordinator register import "$tmp/regs-$n.csv" --unit-column unit --link > /dev/null
  "${jc[@]}" register export-clusters --format csv > "$tmp/linked-$n.csv"
  read -r link_s link_kb link_user link_sys < "$tmp/link.time"
  link_cpu=$(awk "BEGIN { print $link_user + $link_sys }")
  f1=$(python3 "$shared/tools/pairwise_f1.py" "$tmp/truth-$n.csv" unit,source_id true_id "$tmp/linked-$n.csv" unit,source_id orderer_id)
  printf '%9d records: import --link %6.2f s (cpu %6.2f s, peak %5d MiB); %s\n' \
    "$n" "$link_s" "$link_cpu" "$((link_kb / 1024))" "$f1"
  rm -f "$linked_db" "$linked_db"-*
done
