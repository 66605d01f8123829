#!/usr/bin/env python3
"""Criterion's medians, one line per benchmark: scripts/medians.py [target/criterion/GROUP]"""
import json
import os
import sys

root = sys.argv[1] if len(sys.argv) > 1 else "target/criterion"
for folder, _, files in sorted(os.walk(root)):
    if not folder.endswith("/new") or "estimates.json" not in files:
        continue
    bench = json.load(open(os.path.join(folder, "benchmark.json")))
    median = json.load(open(os.path.join(folder, "estimates.json")))["median"]["point_estimate"]
    name = " / ".join(p for p in (bench.get("function_id"), bench.get("value_str")) if p)
    print(f"{bench['group_id']:16} {name:40} {median / 1e6:10.2f} ms")
