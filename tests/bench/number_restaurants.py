#!/usr/bin/env python3
"""The restaurants data set has no record id: writes a copy with its rows numbered (row_id) and the quotes
around values taken off, for the benchmarks to import. usage: number_restaurants.py IN.csv OUT.csv"""
import csv
import sys

rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8'), skipinitialspace=True))
with open(sys.argv[2], 'w', newline='', encoding='utf-8') as out:
    w = csv.writer(out)
    w.writerow(['row_id'] + rows[0])
    for i, r in enumerate(rows[1:], 1):
        w.writerow([str(i)] + [c.strip().strip("'") for c in r])
