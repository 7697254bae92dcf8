#!/usr/bin/env python3
"""The benchmark, in one command:  python3 bench/run.py  [--quick]

Builds pmlint and pmrun in release mode, the C floor with -O2, and a Python virtual environment with pandas
from PyPI; generates the synthetic frameworks and data (bench/generate.py, fixed seeds); then times, as whole
processes (wall clock and peak resident memory, best of five runs; at 5M rows pmrun best of three and
pandas once):

  pmlint   on the whole framework at 1k, 10k and 100k measures, the largest also as one file, and on one
           small file (start-up cost);
  pmrun    evaluating 2026/27 Q2 with JSON and with HTML output, at 10k, 1M and 5M data rows;
  pandas   the same evaluation (bench/evaluate_pandas.py), checked equal to pmrun's at every size;
  floor    reading the same CSV and summing its value column (bench/floor.c);
  and, once each at the largest size, pmrun's other formats and commands (spec, template, due).

pmrun's JSON runs also write their phases (--timings); the best run's are tabled beside the floor.

Writes bench/results.md (the table BENCHMARKS.md quotes). --quick runs the two smaller sizes only.
Work files go to $BENCH_DIR (default .bench/, which git ignores).
"""
import os, platform, re, resource, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.environ.get("BENCH_DIR", os.path.join(ROOT, ".bench"))
QUICK = "--quick" in sys.argv

def sh(*args, **kw):
    return subprocess.run(args, check=True, cwd=ROOT, **kw)

def timed(args, runs=3, phases=None):
    """Best wall time (s) and the peak RSS (MB, 2^20 bytes) of that run, of `runs` runs of a whole process.
    With `phases` (a dict), it is filled with the best run's `--timings` lines: phase name -> (wall
    seconds, processor seconds on all cores)."""
    best = None
    for _ in range(runs):
        # Standard error to a file, not a pipe: pmrun lists every rejected row there, more than a pipe holds.
        with open(os.path.join(WORK, "stderr.txt"), "w+") as err:
            start = time.perf_counter()
            p = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err)
            _, status, usage = os.wait4(p.pid, 0)
            wall = time.perf_counter() - start
            err.seek(0)
            text = err.read() if phases is not None else ""
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            raise SystemExit(f"{args[0]} exited with {code}: {' '.join(args)}")
        if best is None or wall < best[0]:
            best = (wall, usage.ru_maxrss / 1024)
            if phases is not None:
                phases.clear()
                # "  read the data   0.823 s  cpu 1.496 s  4,994,741 rows in 7 files"
                for m in re.finditer(r"^  (\S.*?) +(\d+\.\d{3}) s  cpu +(\d+\.\d{3}) s", text, re.M):
                    phases[m.group(1)] = (float(m.group(2)), float(m.group(3)))
    return best

def dir_size_mb(path):
    # In MB of 2^20 bytes, as the peaks are (ru_maxrss is in KiB): a ratio of the two must not mix units.
    return sum(os.path.getsize(os.path.join(path, f)) for f in os.listdir(path)) / 2**20

def main():
    os.makedirs(WORK, exist_ok=True)
    print("building release binaries, the floor and the pandas environment...", flush=True)
    # Built as they would be shipped to a CI runner: one file each, the Swift runtime linked in
    # (--static-swift-stdlib), in a build folder of their own so as not to disturb the everyday one.
    build = ["swift", "build", "-c", "release", "--static-swift-stdlib", "--scratch-path", os.path.join(ROOT, ".build", "static")]
    sh(*build, stdout=subprocess.DEVNULL)
    bin_dir = subprocess.run(build + ["--show-bin-path"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    pmlint, pmrun = os.path.join(bin_dir, "pmlint"), os.path.join(bin_dir, "pmrun")
    floor = os.path.join(WORK, "floor")
    sh("cc", "-O2", "-o", floor, "bench/floor.c")
    venv = os.path.join(WORK, "venv")
    python = os.path.join(venv, "bin", "python")
    if not os.path.exists(python):
        sh(sys.executable, "-m", "venv", venv)
    sh(python, "-m", "pip", "install", "-q", "pandas", stdout=subprocess.DEVNULL)
    pandas_version = subprocess.run([python, "-c", "import pandas; print(pandas.__version__)"], capture_output=True, text=True).stdout.strip()

    sizes = [("S", 1000, 10_000, 1), ("M10", 10_000, 100_000, 2), ("M", 20_000, 1_000_000, 3), ("L", 100_000, 5_000_000, 4)]
    if QUICK: sizes = sizes[:3]
    for name, n, rows, seed in sizes:
        out = os.path.join(WORK, name)
        if not os.path.exists(os.path.join(out, "measures.csv")):
            print(f"generating {name}: {n} measures, {rows} rows...", flush=True)
            sh(sys.executable, "bench/generate.py", out, "--measures", str(n), "--rows", str(rows), "--seed", str(seed), stdout=subprocess.DEVNULL)

    lines = []
    lines.append(f"Machine: {platform.machine()}, {os.cpu_count()} cores, {open('/proc/cpuinfo').read().split('model name')[1].split(':')[1].splitlines()[0].strip() if os.path.exists('/proc/cpuinfo') else platform.processor()}; "
                 f"{round(os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30)} GiB; {platform.system()} {platform.release()}.")
    swift_version = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    lines.append(f"Swift: {swift_version}, release build with --static-swift-stdlib. Python {platform.python_version()}, pandas {pandas_version}. Floor: cc -O2.")
    lines.append("Sizes and peaks in MB of 2^20 bytes, files and memory alike.")
    lines.append("")

    # pmlint
    lines.append("| pmlint | measures | .pm size | wall | peak memory | per 1k measures |")
    lines.append("|---|--:|--:|--:|--:|--:|")
    small = os.path.join(ROOT, "Tests/Fixtures/lint/base/base.pm")
    walls = [timed([pmlint, small], runs=1)[0] for _ in range(21)]
    lines.append(f"| one small file (start-up) | 1 | {os.path.getsize(small) / 1e3:.1f} KB | {statistics.median(walls) * 1000:.0f} ms (median of 21) | | |")
    lint_times = {}
    for name, n, rows, seed in sizes:
        if name == "M": continue
        fw = os.path.join(WORK, name, "framework")
        wall, mb = timed([pmlint, fw], runs=5)
        lint_times[n] = wall
        lines.append(f"| whole framework | {n:,} | {dir_size_mb(fw):.1f} MB | {wall:.2f} s | {mb:.0f} MB | {wall / n * 1000 * 1000:.0f} ms |")
    # The largest framework again as one file, as a generator might write it: a file is lexed and
    # parsed on one core, and its tokens are held whole.
    name, n, rows, seed = sizes[-1]
    one = os.path.join(WORK, name + "-one", "framework.pm")
    if not os.path.exists(one):
        os.makedirs(os.path.dirname(one), exist_ok=True)
        fw = os.path.join(WORK, name, "framework")
        with open(one, "wb") as out:
            for f in sorted(os.listdir(fw)):
                with open(os.path.join(fw, f), "rb") as part: out.write(part.read())
    wall, mb = timed([pmlint, one], runs=5)
    lines.append(f"| whole framework in one file | {n:,} | {os.path.getsize(one) / 2**20:.1f} MB | {wall:.2f} s | {mb:.0f} MB | {wall / n * 1000 * 1000:.0f} ms |")
    ns = sorted(lint_times)
    if len(ns) > 1:
        growth = ", ".join(f"{ns[i + 1] // ns[i]}x measures: {lint_times[ns[i + 1]] / lint_times[ns[i]]:.1f}x time" for i in range(len(ns) - 1))
        lines.append(f"\nGrowth: {growth}.\n")

    # One line of N targets, each outside the plan: a finding for every item of one long line, as a
    # generated framework can have. Each finding once cost the whole line (over 20 s at 8,000); the
    # time must grow with N, not with its square.
    lines.append("| pmlint, one line of N targets outside the plan | N | wall | per 1k targets |")
    lines.append("|---|--:|--:|--:|")
    long_times = {}
    for n in [1_000, 3_000, 9_000]:
        path = os.path.join(WORK, "long", f"targets-{n}.pm")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if not os.path.exists(path):
            # Years from 1000/01 on, each once (a year has four digits): all but the plan's four are findings.
            years = ", ".join(f"{1000 + k}/{(1001 + k) % 100:02d} 5" for k in range(n))
            with open(path, "w") as f:
                f.write(f'framework "Long lines" {{ plan 2024/25 to 2027/28 }}\nmeasure L.1 "One long line" {{\n  target {years}\n}}\n')
        wall, _ = timed([pmlint, path], runs=3)
        long_times[n] = wall
        lines.append(f"| text | {n:,} | {wall:.2f} s | {wall / n * 1000 * 1000:.0f} ms |")
    growth = ", ".join(f"3x N: {long_times[b] / long_times[a]:.1f}x time" for a, b in [(1_000, 3_000), (3_000, 9_000)])
    lines.append(f"\nGrowth: {growth}.\n")

    # pmrun against pandas and the floor
    lines.append("| data rows | measures | CSV size | pmrun JSON | pmrun HTML | pmrun peak, JSON | pmrun peak, HTML | memory / CSV (JSON, HTML) | pandas | pandas peak | floor | pandas ÷ pmrun | pmrun ÷ floor | equal |")
    lines.append("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|")
    # pmrun's --timings phases, in its order; the best JSON run's go in a table of their own.
    phase_names = ["lint the framework", "prepare the measures", "read the data", "rate", "write the report"]
    phase_rows = []
    for name, n, rows, seed in sizes:
        if name == "M10": continue
        base = os.path.join(WORK, name)
        data = os.path.join(base, "data")
        csv = [os.path.join(data, f) for f in sorted(os.listdir(data))]
        csv_mb = dir_size_mb(data)
        # Best of five on a shared machine whose runs differ by up to a fifth; of three at 5M rows, where
        # one run had left the ratio to the floor at the mercy of the machine's moment. pandas, at a
        # minute a run there, runs once.
        runs = 3 if name == "L" else 5
        phases = {}
        j_wall, j_mb = timed([pmrun, os.path.join(base, "framework"), "--data", data, "--as-of", "2026-11-26", "--format", "json", "--output", os.path.join(base, "pmrun.json"), "--timings"], runs, phases)
        h_wall, h_mb = timed([pmrun, os.path.join(base, "framework"), "--data", data, "--as-of", "2026-11-26", "--format", "html", "--output", os.path.join(base, "pmrun.html")], runs)
        p_wall, p_mb = timed([python, "bench/evaluate_pandas.py", base, "--output", os.path.join(base, "pandas.json")], 1 if name == "L" else 5)
        f_wall, _ = timed([floor] + csv, 5)
        r = subprocess.run([sys.executable, "bench/compare.py", os.path.join(base, "pmrun.json"), os.path.join(base, "pandas.json")], cwd=ROOT, capture_output=True, text=True)
        equal = "yes" if r.returncode == 0 else "NO: " + r.stdout.splitlines()[0]
        lines.append(f"| {rows:,} | {n:,} | {csv_mb:.1f} MB | {j_wall:.2f} s | {h_wall:.2f} s | {j_mb:.0f} MB | {h_mb:.0f} MB | {j_mb / csv_mb:.1f}x, {h_mb / csv_mb:.1f}x | {p_wall:.2f} s | {p_mb:.0f} MB | {f_wall:.3f} s | "
                     f"{p_wall / j_wall:.1f}x | {j_wall / f_wall:.0f}x | {equal} |")
        if all(k in phases for k in phase_names + ["total"]):
            cells = " | ".join(f"{phases[k][0]:.2f} s ({phases[k][1]:.2f})" for k in phase_names + ["total"])
            phase_rows.append(f"| {rows:,} | {cells} | {phases['read the data'][0] / f_wall:.1f}x |")
    # Where the time of the best JSON run went; reading the data (every row split, checked and stored) is
    # the work the floor's run stands for.
    lines.append("")
    lines.append("pmrun's phases (`--timings`, the best JSON run above): wall clock, and in brackets the processor")
    lines.append("time on all cores, which is up to twice the wall clock on two cores:")
    lines.append("")
    lines.append("| data rows | " + " | ".join(phase_names) + " | total | read the data ÷ floor |")
    lines.append("|--:|" + "--:|" * (len(phase_names) + 2))
    lines.extend(phase_rows)

    # The other commands and formats, at the largest size: not targets, but what a national framework
    # asks of them is made visible here, so that none of them is left quadratic or grows out of memory.
    name, n, rows, seed = sizes[-1]
    base = os.path.join(WORK, name)
    fw, data = os.path.join(base, "framework"), os.path.join(base, "data")
    lines.append("")
    lines.append(f"pmrun's other outputs at {n:,} measures and {rows:,} rows (one run each; not targets):")
    lines.append("")
    lines.append("| command | output size | wall | peak memory |")
    lines.append("|---|--:|--:|--:|")
    # The quarterly batch names its period: with --period the years kept are fixed before reading.
    others = [("scorecard, JSON, --period 2026/27 Q2", ["--data", data, "--as-of", "2026-11-26", "--period", "2026/27 Q2", "--format", "json"])]
    others += [(f"scorecard, {f}", ["--data", data, "--as-of", "2026-11-26", "--format", f]) for f in ["text", "csv", "markdown"]]
    others += [("spec, Markdown", ["spec"]), ("spec, HTML", ["spec", "--format", "html"]),
               ("template for 2026/27 Q3", ["template", "--period", "2026/27 Q3"]),
               ("due, with the data", ["due", "--as-of", "2026-11-26", "--data", data]), ("due, without data", ["due", "--as-of", "2026-11-26"])]
    for label, args in others:
        out = os.path.join(base, "other.out")
        command = [pmrun] + ([args[0], fw] + args[1:] if args[0] in ("spec", "template", "due") else [fw] + args) + ["--output", out]
        wall, mb = timed(command, runs=1)
        lines.append(f"| {label} | {os.path.getsize(out) / 2**20:.1f} MB | {wall:.2f} s | {mb:.0f} MB |")
        os.remove(out)
    text = "\n".join(lines) + "\n"
    with open(os.path.join(ROOT, "bench", "results.md"), "w") as f:
        f.write(f"<!-- written by bench/run.py{' --quick' if QUICK else ''} -->\n" + text)
    print(text)

if __name__ == "__main__":
    main()
