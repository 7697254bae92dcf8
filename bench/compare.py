#!/usr/bin/env python3
"""Checks that pmrun's JSON scorecard and the pandas result agree on every measure's rating, year to
date and trends. Exit 1 and list the first differences when they do not."""
import json, sys

pm = json.load(open(sys.argv[1]))
pd_ = json.load(open(sys.argv[2]))
diffs = []
for m in pm["measures"]:
    p = pd_.get(m["measure"])
    mine = {"rating": m["rating"], "ytd": m["ytdActual"], "trendPrev": m["trend"]["previousPeriod"],
            "trendYear": m["trend"]["samePeriodLastYear"]}
    # JSON numbers come back as floats; compare the text at the measure's precision.
    if mine["ytd"] is not None and p and p["ytd"] is not None:
        places = len(p["ytd"].split(".")[1]) if "." in p["ytd"] else 0
        mine["ytd"] = f"{mine['ytd']:.{places}f}"
    if p != mine:
        diffs.append((m["measure"], mine, p))
print(f"{len(pm['measures'])} measures compared, {len(diffs)} differ")
for d in diffs[:10]:
    print("  ", d)
sys.exit(1 if diffs else 0)
