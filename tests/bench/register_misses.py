#!/usr/bin/env python3
"""The pairs a clustering missed or joined wrongly against a labelled file, by kind.

Each missed pair (one true id, two orderers) is counted by four questions about its two records: do the
names share a distinctive word, do the streets share a word, are the house numbers the same, is the phone
the same. A pair whose names share no word at different streets is one the labels join for another reason
(the Chicago file's true ids are made from the house number and the ZIP code). Also prints the clusters
with the most wrong pairs. Reads the export of `jobcenter register export-clusters --format csv`.

usage: register_misses.py TRUTH_CSV CLUSTERS_CSV [EXAMPLES]
       (the columns of the Chicago file: Id, True Id, Site name, Address, Phone)
"""
import collections
import csv
import itertools
import re
import sys

# Words too common in the Chicago file's names to tell two sites apart.
COMMON_NAME_WORDS = set(
    "chicago public schools school center centre the of inc and for at early learning child children "
    "childhood development care day head start association community family cdc cpc academy services "
    "program".split())
STREET_WORDS = {"n", "s", "e", "w", "st", "ave", "rd", "street", "avenue", "road", "north", "south", "east",
                "west", "blvd", "dr", "pl"}


def name_words(row):
    return {w for w in re.findall(r"[a-z0-9]+", row["Site name"].lower()) if w not in COMMON_NAME_WORDS and len(w) > 1}


def street_words(row):
    return {w for w in re.findall(r"[a-z]+", row["Address"].lower()) if w not in STREET_WORDS}


def house_number(row):
    match = re.match(r"\s*(\d+)", row["Address"])
    return match.group(1) if match else None


def phone(row):
    return re.sub(r"\D", "", row["Phone"])


def kind(a, b):
    return "/".join([
        "name word shared" if name_words(a) & name_words(b) else "no name word shared",
        "street shared" if street_words(a) & street_words(b) else "other street",
        "same number" if house_number(a) == house_number(b) else "other number",
        "same phone" if phone(a) and phone(a) == phone(b) else "no same phone",
    ])


def describe(row):
    return f"{row['Site name'].strip()[:45]!r} | {row['Address'].strip()[:28]!r} | {phone(row)}"


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    examples = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    with open(sys.argv[1], encoding="utf-8", errors="replace") as f:
        rows = {r["Id"]: r for r in csv.DictReader(f)}
    with open(sys.argv[2], encoding="utf-8") as f:
        orderer = {r["source_id"]: r["orderer_id"] for r in csv.DictReader(f)}
    by_truth = collections.defaultdict(list)
    by_orderer = collections.defaultdict(list)
    for record_id in sorted(rows, key=int):
        by_truth[rows[record_id]["True Id"]].append(record_id)
        by_orderer[orderer[record_id]].append(record_id)

    kinds = collections.Counter()
    shown = collections.defaultdict(list)
    for members in by_truth.values():
        for a, b in itertools.combinations(members, 2):
            if orderer[a] != orderer[b]:
                k = kind(rows[a], rows[b])
                kinds[k] += 1
                shown[k].append((a, b))
    print(f"missed pairs: {sum(kinds.values())}")
    for k, count in sorted(kinds.items(), key=lambda item: (-item[1], item[0])):
        print(f"{count:6}  {k}")
        for a, b in shown[k][:examples]:
            print(f"          {describe(rows[a])}  <>  {describe(rows[b])}")

    wrong = []
    for orderer_id, members in by_orderer.items():
        sizes = collections.Counter(rows[m]["True Id"] for m in members).values()
        pairs = (sum(sizes) ** 2 - sum(s * s for s in sizes)) // 2
        if pairs:
            wrong.append((-pairs, int(orderer_id), members))
    print(f"wrongly joined pairs: {sum(-w[0] for w in wrong)}")
    for pairs, orderer_id, members in sorted(wrong)[:examples * 3]:
        print(f"{-pairs:6}  orderer {orderer_id}: " +
              "; ".join(sorted({describe(rows[m]) for m in members})[:3]))


if __name__ == "__main__":
    main()
