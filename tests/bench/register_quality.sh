#!/usr/bin/env bash
# Pairwise precision, recall and F1 of `register import` + `register dedupe` with the default rules on
# the labelled data sets in ../shared/data, scored by ../shared/tools/pairwise_f1.py.
# usage: tests/bench/register_quality.sh [BUILD_DIR] [SHARED_DIR]
set -euo pipefail
build=${1:-build}
shared=${2:-../shared}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export JOBCENTER_NOW=2026-01-15T10:00:00Z

run() { # name truth.csv truth_keys truth_col import-args...
  local name=$1 truth=$2 keys=$3 col=$4
  shift 4
  local db="$tmp/$name.db"
  local jc=("$build/jobcenter" --db "$db" --quiet)
  "${jc[@]}" --role admin unit add "$name" --title "$name" --organisation OTHER > /dev/null
  local start=$EPOCHREALTIME
  "${jc[@]}" register import --unit "$name" "$@" > /dev/null
  "${jc[@]}" --role coordinator register dedupe > "$tmp/$name.dedupe.txt"
  local end=$EPOCHREALTIME
  "${jc[@]}" register export-clusters --format csv > "$tmp/$name.clusters.csv"
  printf '%-12s %s  (import+dedupe %.2f s)\n' "$name" \
    "$(python3 "$shared/tools/pairwise_f1.py" "$truth" "$keys" "$col" "$tmp/$name.clusters.csv" source_id orderer_id)" \
    "$(python3 -c "print($end - $start)")"
}

chicago="$shared/data/dedupe-examples/csv_example_input_with_true_ids.csv"
run chicago "$chicago" Id "True Id" "$chicago" --id-column Id --map "name=Site name" --map postcode=Zip \
  --map "email=Email Address" --phone-country 1

patstat="$shared/data/dedupe-examples/patstat_reference.csv"
run patstat "$patstat" person_id leuven_id "$patstat" --id-column person_id --map name=person_name

# The restaurants file has no record id: number its rows into a copy (the shared file stays as it is).
python3 "$(dirname "$0")/number_restaurants.py" "$shared/data/restaurants/restaurant-nophone-training.csv" "$tmp/restaurants.csv"
run restaurants "$tmp/restaurants.csv" row_id unique_id "$tmp/restaurants.csv" --id-column row_id --phone-country 1
