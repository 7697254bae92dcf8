#!/usr/bin/env python3
"""Writes a synthetic, realistic framework and period data of a given size, deterministically from a seed.

    bench/generate.py OUT_DIR --measures N --rows R [--seed S]

OUT_DIR/framework/   framework.pm and measures-NNN.pm (500 measures a file): 8 priorities of 5 aims, people
                     with deputies, every unit, polarity, trajectory form and tolerance kind.
OUT_DIR/data/        one CSV per financial year: quarterly and monthly figures over up to seven years, with
                     missing figures, late submissions, commentary with commas and quotes, and bad rows
                     (unknown measure, not a number, a duplicate, a period of the wrong frequency).
OUT_DIR/measures.csv the framework as the table an analyst would keep beside it (read by the pandas version).

The period reported is 2026/27 Q2 as of 2026-11-26. Measure kinds cycle through eight shapes (see KINDS).
"""
import argparse, os, random

PLAN = list(range(2021, 2028))            # 2021/22 .. 2027/28
DATA_YEARS = [2020] + PLAN                 # the year before the plan gives last year's outturn
REPORT = (2026, 2)                         # 2026/27 Q2: data runs to September 2026

def fy(y): return f"{y}/{(y + 1) % 100:02d}"

# kind: unit, precision, polarity, frequency, aggregate, trajectory, tolerance
KINDS = [
    ("percent", 1, "higher", "quarterly", "ratio", "flat", "standard"),     # done / total * 100
    ("count", 0, "higher", "monthly", "sum", "profile", "stretch"),         # blue beyond 10%
    ("number", 1, "lower", "quarterly", "mean", "linear", "points"),        # absolute tolerance
    ("currency", 0, "within", "monthly", "latest", "flat", "inline"),       # band, inline absolute tolerance
    ("days", 1, "lower", "monthly", "ratio", "flat", "days-bands"),         # done / total, fixed thresholds
    ("rate per 1000", 1, "lower", "quarterly", "ratio", "linear", "standard"),
    ("ratio", 2, "higher", "quarterly", "latest", "values", "standard"),
    ("count", 0, "lower", "monthly", "sum", "flat", None),                  # a monitor
]
SHARES = [8, 8, 8, 8, 8, 8, 8, 8, 8, 9, 9, 10]

def periods(frequency, y):
    if frequency == "quarterly":
        return [f"{fy(y)} Q{q}" for q in range(1, 5)]
    return [f"{y + (m >= 13)}-{(m - 1) % 12 + 1:02d}" for m in range(4, 16)]

def reported(frequency, y, i):
    """Whether period i (0-based) of year y has ended by the end of the reported quarter."""
    if y < REPORT[0]: return True
    if y > REPORT[0]: return False
    return i < (REPORT[1] if frequency == "quarterly" else REPORT[1] * 3)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--measures", type=int, required=True)
    ap.add_argument("--rows", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    n = a.measures
    os.makedirs(os.path.join(a.out, "framework"), exist_ok=True)
    os.makedirs(os.path.join(a.out, "data"), exist_ok=True)
    people = max(8, n // 25)

    head = [f'framework "Synthetic framework of {n} measures" {{',
            '  council    "Benchmark District Council"',
            f'  plan       {fy(PLAN[0])} to {fy(PLAN[-1])}',
            '  year-start april', '  approved   2021-06-30 by "Cabinet"', '}']
    head += [f'person p{k} "Person {k}" {{ role "Officer {k}" }}' for k in range(people)]
    for p in range(8):
        head.append(f'priority PR{p} "Priority {p}" {{')
        head += [f'  aim A{p}{q} "Aim {p}.{q}"' for q in range(5)]
        head.append('}')
    head += ['tolerance standard "Amber within 5% of target" {', '  amber within 5% of target', '}',
             'tolerance stretch "Amber within 10%, Blue beyond 10% better" {', '  amber within 10% of target',
             '  blue beyond 10% of target', '}',
             'tolerance points "Amber within 2 points" {', '  amber within 2 points', '}',
             'thresholds days-bands "Days bands" {', '  green at most 30', '  amber at most 35', '  red above 35', '}',
             'defaults {', '  lag 10 working days', '}']
    with open(os.path.join(a.out, "framework", "framework.pm"), "w") as f:
        f.write("\n".join(head) + "\n")

    table = ["id,kind,unit,precision,polarity,low,high,frequency,aggregate,rate,trajectory,multiplier,baseline,targets,plan_values,tolerance,amber,amber_kind,blue,monitor"]
    specs = []
    chunk = []
    for i in range(n):
        kind = i % 8
        unit, prec, pol, freq, agg, traj, tol = KINDS[kind]
        mid = f"M{i:06d}"
        p0 = (i * 4) % people
        acc, dep, lead, ldep = p0, (p0 + 1) % people, (p0 + 2) % people, (p0 + 3) % people
        base = {0: rng.uniform(40, 80), 1: rng.randint(200, 2000), 2: rng.uniform(5, 50), 3: 0,
                4: rng.uniform(24, 32), 5: rng.uniform(20, 60), 6: rng.uniform(0.5, 3), 7: rng.randint(100, 900)}[kind]
        step = {0: 0.5, 1: 20, 2: -0.3, 3: 0, 4: -0.2, 5: -0.5, 6: 0.02, 7: 0}[kind]
        targets = {y: round(base + step * (k + 1), 0 if prec == 0 else 1) for k, y in enumerate(PLAN)}
        if kind == 0: targets = {y: min(99.0, t) for y, t in targets.items()}
        if kind == 6: targets = {y: round(base + step * (k + 1), 2) for k, y in enumerate(PLAN)}
        baseline = round(base, prec)
        band = rng.randint(100, 500) * 1000 if kind == 3 else 0
        lines = [f'{"monitor" if kind == 7 else "measure"} {mid} "Synthetic measure {i}" {{',
                 f'  aim         A{(i // 8) % 8}{i % 5}',
                 '  definition  "A synthetic measure generated for the benchmark, with a specific definition."',
                 f'  unit        {unit}, {prec} dp',
                 f'  better      {"within -%d to %d" % (band, band) if pol == "within" else pol}',
                 f'  frequency   {freq}',
                 '  source      system "Synthetic system"',
                 f'  aggregate   {agg}']
        mult = {0: 100, 4: 1, 5: 1000}.get(kind)
        if mult is not None:
            lines.append(f'  formula     done / total{"" if mult == 1 else " * %d" % mult}')
        values = {}
        if kind != 7:
            lines.append(f'  baseline    {fy(PLAN[0] - 1)} {baseline}')
            lines.append('  target      ' + ", ".join(f"{fy(y)} {t}" for y, t in targets.items()))
            if traj == "profile":
                lines.append('  trajectory  profile ' + ", ".join(f"{s}%" for s in SHARES))
            elif traj == "values":
                for y in PLAN:
                    t = targets[y]
                    for q, p in enumerate(periods("quarterly", y)):
                        values[p] = round(t - (3 - q) * step, 2)
                lines.append('  trajectory  values ' + ", ".join(f"{p} {v}" for p, v in values.items()))
            else:
                lines.append(f'  trajectory  {traj}')
            if tol == "inline":
                lines.append(f'  tolerance   {{ amber within {band // 5} }}')
            else:
                lines.append(f'  tolerance   {tol}')
        lines += [f'  accountable p{acc}, deputy p{dep}', f'  lead        p{lead}, deputy p{ldep}',
                  f'  collector   p{ldep}', f'  reviewer    p{dep}', f'  committee   "Committee {i % 6}"', '}']
        chunk.append("\n".join(lines))
        if len(chunk) == 500 or i == n - 1:
            with open(os.path.join(a.out, "framework", f"measures-{i // 500:04d}.pm"), "w") as f:
                f.write("\n\n".join(chunk) + "\n")
            chunk = []
        amber = {"standard": "5", "stretch": "10", "points": "2", "inline": str(band // 5)}.get(tol, "")
        amber_kind = {"standard": "relative", "stretch": "relative", "points": "absolute", "inline": "absolute"}.get(tol, "thresholds" if tol else "")
        table.append(",".join(map(str, [
            mid, kind, unit, prec, pol, -band if pol == "within" else "", band if pol == "within" else "", freq, agg,
            "ytd" if agg in ("sum", "ratio") else "period", traj, mult or "", baseline if kind != 7 else "",
            ";".join(f"{y}:{t}" for y, t in targets.items()) if kind != 7 else "",
            ";".join(f"{p}:{v}" for p, v in values.items()), tol or "", amber, amber_kind, "10" if tol == "stretch" else "",
            1 if kind == 7 else 0])))
        specs.append((mid, kind, freq, prec, base, step, targets, band))
    with open(os.path.join(a.out, "measures.csv"), "w") as f:
        f.write("\n".join(table) + "\n")

    # How many periods each measure reports, so the total is about --rows: the latest periods up to the
    # reported quarter, monthly measures three times as many as quarterly ones.
    per = a.rows / n
    quarterly_count = sum(1 for s in specs if s[2] == "quarterly")
    monthly_count = n - quarterly_count
    lq = max(1, min(4 * len(DATA_YEARS) - 2, round(a.rows / (quarterly_count + 3 * monthly_count)) if n else 1))
    lm = max(1, min(12 * len(DATA_YEARS) - 6, 3 * lq))
    files = {y: open(os.path.join(a.out, "data", f"{fy(y).replace('/', '-')}.csv"), "w") for y in DATA_YEARS}
    header = "measure,period,value,done,total,comment,cause,action,recovery,submitted\n"
    for f in files.values(): f.write(header)
    buffers = {y: [] for y in DATA_YEARS}
    written = 0
    for mid, kind, freq, prec, base, step, targets, band in specs:
        all_periods = []
        for y in DATA_YEARS:
            for k, p in enumerate(periods(freq, y)):
                if reported(freq, y, k): all_periods.append((y, k, p))
        keep = all_periods[-(lq if freq == "quarterly" else lm):]
        for y, k, p in keep:
            if rng.random() < 0.005: continue                     # a missing figure
            t = targets.get(y, base)
            noise = rng.uniform(-0.08, 0.08)
            value = done = total = ""
            if kind == 0:
                total = rng.randint(200, 2000); done = round(total * min(100, t * (1 + noise)) / 100)
            elif kind == 1:
                value = max(0, round(t * SHARES[k] / 100 * (1 + noise)))
            elif kind == 2:
                value = round(t * (1 + noise), 1)
            elif kind == 3:
                value = round(rng.uniform(-1.3, 1.3) * band)
            elif kind == 4:
                total = rng.randint(20, 60); done = round(total * t * (1 + noise))
            elif kind == 5:
                total = rng.randint(50000, 150000); done = round(total * t * (1 + noise) / 1000)
            elif kind == 6:
                value = round(t * (1 + noise), 2)
            else:
                value = max(0, round(base / 12 * (1 + noise)))
            comment = cause = action = recovery = ""
            if rng.random() < 0.02:
                comment = '"Figure checked, with a note: ""provisional"", pending audit"'
                cause = "Staff vacancies"; action = '"Recruiting, and agency cover"'; recovery = fy(REPORT[0]) + " Q4"
            end_month = None
            submitted = ""
            if rng.random() < 0.3:
                # Late in about one case in ten of those that record a date.
                yy, mm = (int(p[:4]), int(p[5:7])) if "-" in p and "/" not in p else (None, None)
                if yy is None:
                    q = int(p[-1]); yy = y + (q == 4); mm = (3 * q + 3 - 1) % 12 + 1
                late = rng.random() < 0.1
                day = 27 if late else 8
                nm = mm % 12 + 1; ny = yy + (mm == 12)
                submitted = f"{ny}-{nm:02d}-{day:02d}"
            row = f"{mid},{p},{value},{done},{total},{comment},{cause},{action},{recovery},{submitted}\n"
            buffers[y].append(row)
            written += 1
            r = rng.random()
            if r < 0.001:
                buffers[y].append(row)                                         # a duplicate
            elif r < 0.002:
                buffers[y].append(f"X{mid[1:]},{p},1,,,,,,,\n")               # an unknown measure
            elif r < 0.003:
                buffers[y].append(f"{mid},{p},n/a,,,,,,,\n" if kind in (1, 2, 3, 6, 7) else f"{mid},{p},,x,1,,,,,\n")  # not a number
            elif r < 0.004:
                buffers[y].append(f"{mid},{fy(y)} Q1,1,1,1,,,,,\n" if freq == "monthly" else f"{mid},{y}-05,1,1,1,,,,,\n")  # wrong frequency
            if len(buffers[y]) >= 10000:
                files[y].write("".join(buffers[y])); buffers[y] = []
    for y in DATA_YEARS:
        files[y].write("".join(buffers[y])); files[y].close()
        if os.path.getsize(files[y].name) == len(header):
            os.remove(files[y].name)
    print(f"{n} measures, about {written} figures ({lq} quarters or {lm} months each) in {a.out}")

if __name__ == "__main__":
    main()
