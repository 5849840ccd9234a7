#!/usr/bin/env bash
# Do two builds give the register the same results? Runs both on the same inputs and compares, byte for
# byte, what a user can read back: the clusters, the orderers with their golden records and the review
# queue. Inputs: the labelled data sets in ../shared/data (import, then dedupe), and a generated register
# imported three ways (import + dedupe; import --link; nine tenths linked, then the rest linked
# incrementally). For refactorings, which must change nothing. The orderers read back stop at 100,000, the review items at 10,000.
# usage: tests/bench/register_same_output.sh BUILD_A BUILD_B [RECORDS] [SHARED_DIR]
# GENERATE_FLAGS: more generate_registers flags (--classic: the registers of before 2026-12-07, which the
# figures measured before that day were on).
set -euo pipefail
build_a=$1
build_b=$2
records=${3:-20000}
shared=${4:-$(cd "$(dirname "$0")/../../.." && pwd)/shared}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export JOBCENTER_NOW=2026-01-15T10:00:00Z
units=(uusix avotyo pakila vallila capsa toolo tuettu)

# What a run leaves that a user can read back, written under $tmp/<build label>/<case>.*
read_back() { # jc... -- out_prefix
  local out=${*: -1}
  local jc=("${@:1:$#-1}")
  "${jc[@]}" register export-clusters --format csv | sort > "$out.clusters.csv"
  "${jc[@]}" register list --limit 100000 --format json > "$out.orderers.json"
  "${jc[@]}" register review list --limit 10000 --format json > "$out.review.json"
}

labelled() { # build label name import-args...
  local build=$1 label=$2 name=$3
  shift 3
  local jc=("$build/jobcenter" --db "$tmp/$label/$name.db" --quiet)
  "${jc[@]}" --role admin unit add "$name" --title "$name" --organisation OTHER > /dev/null
  "${jc[@]}" register import --unit "$name" "$@" > /dev/null
  "${jc[@]}" --role coordinator register dedupe > /dev/null
  read_back "${jc[@]}" "$tmp/$label/$name"
}

generated() { # build label way
  local build=$1 label=$2 way=$3
  local jc=("$build/jobcenter" --db "$tmp/$label/generated-$way.db" --quiet)
  for unit in "${units[@]}"; do
    "${jc[@]}" --role admin unit add "$unit" --title "$unit" --organisation KUTY > /dev/null
  done
  case $way in
    import-dedupe)
      "${jc[@]}" --role coordinator register import "$tmp/regs.csv" --unit-column unit > /dev/null
      "${jc[@]}" --role coordinator register dedupe > /dev/null ;;
    link)
      "${jc[@]}" --role coordinator register import "$tmp/regs.csv" --unit-column unit --link > /dev/null ;;
    incremental)
      "${jc[@]}" --role coordinator register import "$tmp/first.csv" --unit-column unit --link > /dev/null
      "${jc[@]}" --role coordinator register import "$tmp/rest.csv" --unit-column unit --link > /dev/null ;;
  esac
  read_back "${jc[@]}" "$tmp/$label/generated-$way"
}

chicago="$shared/data/dedupe-examples/csv_example_input_with_true_ids.csv"
patstat="$shared/data/dedupe-examples/patstat_reference.csv"
python3 "$(dirname "$0")/number_restaurants.py" "$shared/data/restaurants/restaurant-nophone-training.csv" "$tmp/restaurants.csv"
# shellcheck disable=SC2086 # GENERATE_FLAGS is a list of flags
"$build_a/generate_registers" ${GENERATE_FLAGS:-} --records "$records" --seed 7 --out "$tmp/regs.csv" > /dev/null
lines=$(($(wc -l < "$tmp/regs.csv") - 1))
head -n $((1 + lines * 9 / 10)) "$tmp/regs.csv" > "$tmp/first.csv"
{ head -n 1 "$tmp/regs.csv"; tail -n +$((2 + lines * 9 / 10)) "$tmp/regs.csv"; } > "$tmp/rest.csv"

for side in a b; do
  build_var=build_$side
  build=${!build_var}
  mkdir -p "$tmp/$side"
  labelled "$build" "$side" chicago "$chicago" --id-column Id --map "name=Site name" --map postcode=Zip \
    --map "email=Email Address" --phone-country 1
  labelled "$build" "$side" patstat "$patstat" --id-column person_id --map name=person_name
  labelled "$build" "$side" restaurants "$tmp/restaurants.csv" --id-column row_id --phone-country 1
  for way in import-dedupe link incremental; do generated "$build" "$side" "$way"; done
done

differ=0
for file in "$tmp"/a/*.csv "$tmp"/a/*.json; do
  name=$(basename "$file")
  if cmp -s "$file" "$tmp/b/$name"; then
    printf 'same     %s (%s lines)\n' "$name" "$(wc -l < "$file")"
  else
    printf 'DIFFERS  %s\n' "$name"
    differ=1
  fi
done
exit $differ
