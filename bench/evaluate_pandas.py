#!/usr/bin/env python3
"""The benchmark's baseline: the quarter's evaluation as a data analyst would write it in pandas.

    evaluate_pandas.py OUT_DIR --period "2026/27 Q2" --output result.json

Reads OUT_DIR/measures.csv (the framework as a table) and OUT_DIR/data/*.csv, drops the rows pmrun would
reject, and works out for each measure the year to date, the rating and the two trends, with pmrun's
rules (the brief's "Meaning of a rating"). Arithmetic is binary floating point with a small epsilon at the
rating edges, as an analyst would do it; pmrun's is exact decimal.
"""
import argparse, glob, json, os
import numpy as np
import pandas as pd

EPS = 1e-9

def round_half_away(x, places):
    f = 10.0 ** places
    return np.sign(x) * np.floor(np.abs(x) * f + 0.5 + EPS) / f

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--period", default="2026/27 Q2")
    ap.add_argument("--output", required=True)
    a = ap.parse_args()
    report_fy, report_q = int(a.period[:4]), int(a.period[-1])

    m = pd.read_csv(os.path.join(a.out, "measures.csv"), dtype={"id": str}, keep_default_na=False)
    m = m.set_index("id")
    files = sorted(glob.glob(os.path.join(a.out, "data", "*.csv")))
    d = pd.concat([pd.read_csv(f, dtype=str, keep_default_na=False, on_bad_lines="skip", engine="c") for f in files],
                  ignore_index=True)

    # Rows pmrun would reject: unknown measure, wrong period shape, not a number, impossible ratio, duplicates.
    d = d[d["measure"].isin(m.index)]
    freq = d["measure"].map(m["frequency"])
    quarterly = d["period"].str.fullmatch(r"\d{4}/\d{2} Q[1-4]")
    monthly = d["period"].str.fullmatch(r"\d{4}-\d{2}")
    d = d[(quarterly & (freq == "quarterly")) | (monthly & (freq == "monthly"))]
    for c in ("value", "done", "total"):
        d[c] = pd.to_numeric(d[c].where(d[c] != "", None), errors="coerce")
    mult = d["measure"].map(m["multiplier"]).replace("", np.nan).astype(float)
    formula = mult.notna()
    ok = np.where(formula, d["done"].notna() & d["total"].notna() & (d["total"] != 0), d["value"].notna())
    d = d[ok]
    mult = mult[ok]
    formula = formula[ok]
    unit = d["measure"].map(m["unit"])
    d = d[~((unit == "percent") & (d["done"] > d["total"]))]
    d = d.drop_duplicates(["measure", "period"], keep="first").copy()
    mult = mult.loc[d.index]
    formula = formula.loc[d.index]
    d["v"] = np.where(formula, d["done"] / d["total"] * mult, d["value"])

    # Financial year and position in it.
    is_q = d["period"].str.contains("Q")
    y = d["period"].str.slice(0, 4).astype(int)
    mo = pd.to_numeric(d["period"].str.slice(5, 7), errors="coerce")
    d["fy"] = np.where(is_q, y, np.where(mo >= 4, y, y - 1))
    d["idx"] = np.where(is_q, pd.to_numeric(d["period"].str.slice(-1), errors="coerce"), (mo - 4) % 12 + 1).astype(int)

    m["k"] = np.where(m["frequency"] == "quarterly", report_q, report_q * 3)
    m["n"] = np.where(m["frequency"] == "quarterly", 4, 12)
    d = d.join(m[["k", "n", "aggregate", "multiplier", "precision", "polarity"]], on="measure")

    def ytd(frame, year):
        f = frame[(frame["fy"] == year) & (frame["idx"] <= frame["k"])]
        g = f.sort_values("idx").groupby("measure")
        out = pd.DataFrame({"sum": g["v"].sum(), "mean": g["v"].mean(), "latest": g["v"].last(),
                            "done": g["done"].sum(), "total": g["total"].sum(), "count": g["v"].size()})
        agg = m.loc[out.index, "aggregate"]
        mu = pd.to_numeric(m.loc[out.index, "multiplier"], errors="coerce").fillna(1)
        out["ytd"] = np.select([agg == "sum", agg == "mean", agg == "latest", agg == "ratio"],
                               [out["sum"], out["mean"], out["latest"], out["done"] / out["total"] * mu])
        return out

    now = ytd(d, report_fy)
    last = ytd(d, report_fy - 1)
    at = d.set_index(["measure", "fy", "idx"])["v"]

    results = {}
    for mid, r in m.iterrows():
        places = int(r["precision"])
        k, n = int(r["k"]), int(r["n"])
        targets = {int(p.split(":")[0]): float(p.split(":")[1]) for p in r["targets"].split(";")} if r["targets"] else {}
        t = targets.get(report_fy)
        period_value = at.get((mid, report_fy, k))
        y = now["ytd"].get(mid)
        ytd_r = None if y is None or pd.isna(y) else float(round_half_away(y, places))
        rated = ytd_r if r["rate"] == "ytd" else (None if period_value is None else float(round_half_away(period_value, places)))

        # Plan for the rated figure.
        plan = None
        if t is not None:
            if r["trajectory"] == "flat":
                plan = t
            elif r["trajectory"] == "linear":
                b = targets.get(report_fy - 1, float(r["baseline"]) if r["baseline"] != "" else t)
                plan = b + (t - b) * k / n
            elif r["trajectory"] == "profile":
                shares = [8, 8, 8, 8, 8, 8, 8, 8, 8, 9, 9, 10]
                plan = t * sum(shares[:k]) / 100 if r["rate"] == "ytd" else t * shares[k - 1] / 100
            elif r["trajectory"] == "values":
                vals = dict(p.split(":") for p in r["plan_values"].split(";"))
                plan = float(vals[f"{report_fy}/{(report_fy + 1) % 100:02d} Q{k}"])

        pol = r["polarity"]
        def rate(a):
            if r["tolerance"] == "days-bands":
                return "green" if a <= 30 + EPS else ("amber" if a <= 35 + EPS else "red")
            amber = float(r["amber"]) if r["amber"] != "" else None
            if pol == "within":
                lo, hi = float(r["low"]), float(r["high"])
                if lo - EPS <= a <= hi + EPS: return "green"
                dist = lo - a if a < lo else a - hi
                return "amber" if amber is not None and dist <= amber + EPS else "red"
            gap = a - plan if pol == "higher" else plan - a
            allow = lambda x, kind: abs(plan) * x / 100 if kind == "relative" else x
            if gap >= -EPS:
                if r["blue"] != "" and gap > allow(float(r["blue"]), "relative") + EPS: return "blue"
                return "green"
            if amber is not None and -gap <= allow(amber, r["amber_kind"]) + EPS: return "amber"
            return "red"

        if int(r["monitor"]) == 1 or period_value is None or rated is None:
            rating = "grey"
        else:
            rating = rate(rated)

        def direction(old, new):
            if old is None or new is None or pd.isna(old) or pd.isna(new): return None
            a, b = round_half_away(old, places), round_half_away(new, places)
            if abs(a - b) < EPS: return "unchanged"
            if pol == "within":
                lo, hi = float(r["low"]), float(r["high"])
                da = lo - a if a < lo else (a - hi if a > hi else 0)
                db = lo - b if b < lo else (b - hi if b > hi else 0)
                if abs(da - db) < EPS: return "unchanged"
                return "improving" if db < da else "declining"
            better = b > a if pol == "higher" else b < a
            return "improving" if better else "declining"

        prev_key = (mid, report_fy, k - 1) if k > 1 else (mid, report_fy - 1, n)
        trend_prev = direction(at.get(prev_key), period_value)
        if r["rate"] == "ytd":
            then = last["ytd"].get(mid) if last["count"].get(mid, 0) == k else None
            trend_year = direction(then, y) if period_value is not None else None
        else:
            trend_year = direction(at.get((mid, report_fy - 1, k)), period_value)
        results[mid] = {"rating": rating, "ytd": None if ytd_r is None else f"{ytd_r:.{places}f}",
                        "trendPrev": trend_prev, "trendYear": trend_year}
    with open(a.output, "w") as f:
        json.dump(results, f, sort_keys=True)

if __name__ == "__main__":
    main()
