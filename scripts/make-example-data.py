#!/usr/bin/env python3
"""Writes examples/data/*.csv: the Wyvern Vale example figures for 2024/25, 2025/26 and 2026/27 Q1-Q2.

Earlier periods are generated near plan with seeded noise; the reported period (2026/27 Q2) is set by hand
so that the shipped scorecard shows every rating, an Amber exactly on its edge, a missing figure, a Red with
its exception commentary and a Red without it. Run it again only to change the example deliberately:
the CSV files are the source of truth and the golden reports depend on them.
"""
import csv, os, random

rng = random.Random(2024)
OUT = os.path.join(os.path.dirname(__file__), "..", "examples", "data")
YEARS = ["2024/25", "2025/26"]
CURRENT = "2026/27"

def quarters(y, upto=4): return [f"{y} Q{q}" for q in range(1, upto + 1)]
def halves(y, upto=2): return [f"{y} H{h}" for h in range(1, upto + 1)]
def months(y, upto=12):
    start = int(y[:4])
    out = []
    for i in range(upto):
        m = 4 + i
        yy = start + (m - 1) // 12
        out.append(f"{yy}-{(m - 1) % 12 + 1:02d}")
    return out

def periods(freq, y, upto=None):
    if freq == "q": return quarters(y, upto or 4)
    if freq == "h": return halves(y, upto or 2)
    if freq == "m": return months(y, upto or 12)
    return [y]

CURRENT_UPTO = {"q": 2, "h": 1, "m": 6, "a": 0}

rows = {"environment": [], "communities": [], "economy": [], "council": []}

def add(file, measure, period, **cols):
    rows[file].append(dict(measure=measure, period=period, **cols))

def ratio_series(file, measure, freq, num, den, pct_by_year, den_size, mult=100, current=None, dp=0):
    """Numerator/denominator rows with the period ratio near pct (per year), noise +-spread."""
    for y in YEARS + [CURRENT]:
        ps = periods(freq, y, CURRENT_UPTO[freq] if y == CURRENT else None)
        for i, p in enumerate(ps):
            if y == CURRENT and current is not None:
                if i >= len(current): break  # not supplied: a missing figure
                pct, d = current[i]
            else:
                pct = pct_by_year[y] * (1 + rng.uniform(-0.025, 0.025))
                d = int(den_size * rng.uniform(0.9, 1.1))
            n = round(d * pct / mult, dp)
            if dp == 0: n = int(n)
            add(file, measure, p, **{num: n, den: d})

def value_series(file, measure, freq, base_by_year, spread, dp=1, current=None, integer=False):
    for y in YEARS + [CURRENT]:
        ps = periods(freq, y, CURRENT_UPTO[freq] if y == CURRENT else None)
        for i, p in enumerate(ps):
            if y == CURRENT and current is not None:
                v = current[i]
            else:
                b = base_by_year[y]
                b = b[i] if isinstance(b, list) else b
                v = b + rng.uniform(-spread, spread)
            v = int(round(v)) if integer else round(v, dp)
            add(file, measure, p, value=v)

# --- Environment -------------------------------------------------------------------------------------
# SE1.1 recycling rate, ratio YTD, target 50 in 2026/27: 48.2% YTD is Amber (within 5% of 50).
ratio_series("environment", "SE1.1", "q", "recycled", "collected", {"2024/25": 45.8, "2025/26": 47.5}, 9000,
             current=[(48.6, 9400), (47.8, 9300)])
# SE1.2 carbon, annual: 2026/27 not reported until after March 2027 (Grey).
add("environment", "SE1.2", "2024/25", value=4420)
add("environment", "SE1.2", "2025/26", value=4050)
# SE1.3 residual kg per household, sum YTD, profile: 221.0 against 224.4 planned is Green.
for y, per in (("2024/25", [124.0, 119.5, 113.0, 117.2]), ("2025/26", [119.8, 114.6, 109.9, 113.5]), (CURRENT, [113.1, 107.9])):
    for p, v in zip(quarters(y, len(per)), per):
        hh = 52300 if y == "2024/25" else (52750 if y == "2025/26" else 53100)
        add("environment", "SE1.3", p, **{"residual-kg": int(round(v * hh)), "households": hh})
# SE1.4 EV charge points, latest: 17 against 19 planned is Red, with its exception commentary.
for p, v in zip(quarters("2024/25") + quarters("2025/26"), [12, 12, 13, 14, 15, 15, 16, 17]):
    add("environment", "SE1.4", p, value=v)
add("environment", "SE1.4", "2026/27 Q1", value=17)
add("environment", "SE1.4", "2026/27 Q2", value=17,
    comment="Two sites are waiting for grid connections.",
    cause="The distribution network operator moved both connection dates to the winter.",
    action="Escalated to the operator's account manager; temporary units ordered for Market Street.",
    recovery="2026/27 Q4")
# SE2.1 fly-tipping removed in time, monthly ratio: Green.
ratio_series("environment", "SE2.1", "m", "removed-in-time", "reported", {"2024/25": 90.4, "2025/26": 91.2}, 140,
             current=[(92.9, 150), (91.0, 160), (92.5, 171), (92.0, 150), (93.1, 160), (92.8, 155)])
# SE2.2 street cleanliness, half-yearly.
ratio_series("environment", "SE2.2", "h", "acceptable", "surveyed", {"2024/25": 92.5, "2025/26": 93.2}, 600,
             current=[(93.4, 610)])
# SE2.3 missed bins per 100,000, monthly, linear from 55 to 52: Green.
ratio_series("environment", "SE2.3", "m", "missed", "scheduled", {"2024/25": 57.5, "2025/26": 54.8}, 310000, mult=100000,
             current=[(53.0, 312000), (51.5, 315000), (50.9, 309000), (51.2, 318000), (50.4, 311000), (49.8, 314000)])
# SE2.4 fly-tipping reported (monitor).
value_series("environment", "SE2.4", "q", {"2024/25": 455, "2025/26": 430}, 40, integer=True, current=[418, 441])
# SE1.P1 project milestones: the last one is overdue (Red), with commentary.
for title, done in (("Sites surveyed", "2024-09-12"), ("Grid connection agreed", "2024-12-18"), ("Contract awarded", "2025-02-14"),
                    ("First three sites live", "2025-06-27"), ("All six sites live", "")):
    add("environment", "SE1.P1", "2026/27 Q2", **{"milestone": title, "completed on": done})
add("environment", "SE1.P1", "2026/27 Q2",
    comment="Three of six sites are live.",
    cause="Grid connections for the remaining sites are delayed by the network operator.",
    action="Weekly calls with the operator; contractor retained on site.",
    recovery="2026/27 Q4")

# --- Communities -------------------------------------------------------------------------------------
ratio_series("communities", "SC1.1", "q", "secured", "duties-ended", {"2024/25": 60.5, "2025/26": 62.4}, 180,
             current=[(66.3, 190), (65.7, 175)])
# SC1.2 temporary accommodation (latest, lower, stretch): 45 against 52 is Blue.
value_series("communities", "SC1.2", "q", {"2024/25": [63, 61, 60, 59], "2025/26": [58, 57, 55, 54]}, 1, integer=True, current=[49, 45])
# SC1.3 re-let days, monthly ratio: 29.1 against 28 is Amber.
ratio_series("communities", "SC1.3", "m", "void-days", "relets", {"2024/25": 31.5, "2025/26": 29.6}, 38, mult=1,
             current=[(29.0, 40), (29.5, 36), (28.8, 41), (29.4, 39), (28.9, 37), (29.0, 40)])
# SC1.4 hostel occupancy, band 85-95: 97 in September is Amber (within 3 points of the band).
value_series("communities", "SC1.4", "m", {"2024/25": 93, "2025/26": 91}, 3, integer=True, current=[94, 95, 93, 96, 96, 97])
# SC2.1 affordable homes, sum, profile: 60 against 76.5 is Red, and nobody has written the commentary (PM509).
value_series("communities", "SC2.1", "q", {"2024/25": [31, 36, 39, 47], "2025/26": [33, 41, 40, 50]}, 2, integer=True, current=[28, 32])
# SC2.2 disabled facilities grants: the 2026/27 Q2 figure is missing (PM507).
ratio_series("communities", "SC2.2", "q", "on-time", "completed", {"2024/25": 75.6, "2025/26": 77.0}, 45,
             current=[(79.5, 44)])
# SC3.1 leisure visits, sum, values: Green.
value_series("communities", "SC3.1", "q", {"2024/25": [166000, 149500, 147200, 171800], "2025/26": [168900, 156200, 151000, 176300]},
             1500, integer=True, current=[176400, 162100])
add("communities", "SC3.2", "2024/25", value=64.8)
add("communities", "SC3.2", "2025/26", value=66.3)
ratio_series("communities", "SC3.3", "q", "incidents", "population", {"2024/25": 5.9, "2025/26": 5.6}, 98000, mult=1000,
             current=[(5.2, 98400), (5.6, 98400)])

# --- Economy -----------------------------------------------------------------------------------------
ev = {"2024/25": [10.5, 19.0, 28.0, 37.0, 45.5, 54.0, 63.0, 71.5, 80.0, 88.5, 94.0, 98.0],
      "2025/26": [10.6, 19.1, 28.1, 37.1, 45.6, 54.2, 63.2, 71.7, 80.2, 88.7, 94.2, 98.2]}
for y in YEARS:
    for p, v in zip(months(y), ev[y]):
        due = 41_250_000
        add("economy", "EG1.1", p, collected=int(round(due * (v + rng.uniform(-0.3, 0.35)) / 100)), due=due)
for p, v in zip(months(CURRENT, 6), [10.9, 19.5, 28.3, 37.4, 45.8, 54.5]):
    add("economy", "EG1.1", p, collected=int(round(42_100_000 * v / 100)), due=42_100_000)
# EG1.2 start-ups, sum, profile 25% each: 57 against 50 is Blue (stretch: more than 10% better).
value_series("economy", "EG1.2", "q", {"2024/25": 23, "2025/26": 24}, 3, integer=True, current=[29, 28])
# EG1.3 vacancy rate, half-yearly, lower: 12.6 against 12.0 is exactly 5% worse: Amber on the edge.
for y, hs in (("2024/25", [(71, 520), (70, 522)]), ("2025/26", [(68, 524), (67, 523)]), (CURRENT, [(66, 524)])):
    for p, (v, u) in zip(halves(y, len(hs)), hs):
        add("economy", "EG1.3", p, vacant=v, units=u)
ratio_series("economy", "EG2.1", "q", "in-time", "decided", {"2024/25": 88.9, "2025/26": 90.6}, 22,
             current=[(91.3, 23), (91.3, 23)])
# EG2.2 minor applications: 82.0 against 88 is Red, with commentary.
ratio_series("economy", "EG2.2", "q", "in-time", "decided", {"2024/25": 84.6, "2025/26": 86.1}, 160,
             current=[(82.5, 160), (81.5, 160)])
rows["economy"][-1].update(
    comment="Minor applications decided in time fell for a second quarter.",
    cause="Two planning officer vacancies since May; agency cover started in August.",
    action="Agency officers in post; extensions of time agreed with applicants where possible.",
    recovery="2026/27 Q3")
for y, (a, n) in (("2024/25", (9, 36)), ("2025/26", (8, 34))):
    add("economy", "EG2.3", y, allowed=a, appeals=n)
value_series("economy", "EG2.4", "q", {"2024/25": 240, "2025/26": 232}, 25, integer=True, current=[251, 238])

# --- Council -----------------------------------------------------------------------------------------
for y, t0, t1 in (("2024/25", 97.2, 97.5), ("2025/26", 97.5, 97.7)):
    for i, p in enumerate(months(y)):
        v = t0 + (t1 - t0) * (i + 1) / 12 + rng.uniform(-0.25, 0.3)
        add("council", "OC1.1", p, collected=int(round(96_400_000 * v / 100)), due=96_400_000)
for p, v in zip(months(CURRENT, 6), [97.8, 97.8, 97.7, 97.7, 97.6, 97.6]):
    add("council", "OC1.1", p, collected=int(round(99_800_000 * v / 100)), due=99_800_000)
value_series("council", "OC1.2", "q", {"2024/25": [280000, 240000, 190000, 150000], "2025/26": [210000, 160000, 90000, 40000]},
             20000, integer=True, current=[150000, 120000])
ratio_series("council", "OC1.3", "m", "paid-on-time", "paid", {"2024/25": 96.1, "2025/26": 96.6}, 2100,
             current=[(97.4, 2050), (97.1, 2200), (97.3, 2150), (96.9, 2080), (97.5, 2120), (97.2, 2190)])
# OC2.1 sickness days, fixed bands: 9.2 is Amber (above 8, at most 10).
value_series("council", "OC2.1", "q", {"2024/25": [9.3, 9.1, 9.0, 8.9], "2025/26": [8.8, 8.7, 8.6, 8.5]}, 0.2, current=[8.9, 9.2])
ratio_series("council", "OC2.2", "q", "leavers", "headcount", {"2024/25": 14.1, "2025/26": 13.4}, 640,
             current=[(12.6, 645), (12.4, 648)])
ratio_series("council", "OC3.1", "m", "answered", "offered", {"2024/25": 88.2, "2025/26": 89.1}, 11000,
             current=[(89.4, 12100), (88.9, 11800), (88.6, 11900), (88.8, 12600), (89.2, 11000), (89.1, 11500)])
# OC3.2 complaints: exactly 88.0 against 88 is Green (on plan).
ratio_series("council", "OC3.2", "q", "on-time", "closed", {"2024/25": 82.6, "2025/26": 85.3}, 150,
             current=[(88.0, 150), (88.0, 175)])
# Quarterly council returns for 2026/27 Q2 record when they were submitted: due 14 October (10 working days);
# staff turnover came in late (PM510), and is still used.
for r in rows["council"]:
    if r["period"] == "2026/27 Q2":
        r["submitted"] = {"OC2.2": "2026-10-30"}.get(r["measure"], "2026-10-09")
add("council", "OC3.3", "2024/25", value=62)
add("council", "OC3.3", "2025/26", value=62)
value_series("council", "OC3.4", "m", {"2024/25": 58000, "2025/26": 61000}, 6000, integer=True,
             current=[63400, 61200, 59900, 64100, 60300, 66800])

os.makedirs(OUT, exist_ok=True)
for name, rs in rows.items():
    cols = ["measure", "period"]
    for r in rs:
        for k in r:
            if k not in cols: cols.append(k)
    # Commentary last, in a fixed order, as a collector's spreadsheet would have it.
    tail = [c for c in ("value", "milestone", "completed on", "comment", "cause", "action", "recovery", "submitted") if c in cols]
    cols = [c for c in cols if c not in tail]
    cols = cols[:2] + [c for c in tail if c == "value"] + cols[2:] + [c for c in tail if c != "value"]
    with open(os.path.join(OUT, f"{name}.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=cols, lineterminator="\n")
        w.writeheader()
        for r in rs: w.writerow(r)
print("wrote", ", ".join(f"{k}.csv ({len(v)} rows)" for k, v in rows.items()))
