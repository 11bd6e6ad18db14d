#!/usr/bin/env python3
"""Time fsiii against its peers (DuckDB SQL, pandas) on one data folder.

    run_peers.sh DIR [--runs N] [--json FILE] [--tools fsiii,duckdb,pandas]

For each run and tool one child process is started and reaped with
os.wait4, whose resource usage is that child's alone (and its reaped
descendants'): wall time, CPU time and peak RSS are per tool, never
cumulative. Every
tool gets two threads. Medians over the runs are reported, with ratios
against fsiii, and the figures of every team and the total are checked to
agree (courses equal, mean_change and improved_share to 1e-9 relative).
Exit status: 0 agree, 1 the numbers disagree, 2 a tool failed or bad usage.
"""

import argparse
import json
import math
import glob
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import peer_common as pc  # noqa: E402

THREADS = 2
REL_TOL = 1e-9
ABS_TOL = 1e-12  # floor for figures that cancel to ~0 (summation order)
TOOLS = ("fsiii", "duckdb", "pandas")


def thread_env():
    env = dict(os.environ)
    for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS",
              "VECLIB_MAXIMUM_THREADS", "ARROW_NUM_THREADS", "RAYON_NUM_THREADS", "FSIII_THREADS"):
        env[k] = str(THREADS)
    return env


def command(tool, data, fsiii_bin, tokens_file):
    if tool == "fsiii":
        # The same inputs as the peers: the assessments and courses files only
        # (a generated folder also holds costs, which the peers do not read).
        files = []
        if os.path.isdir(data):
            for pattern, option in (("assessments*.csv", "--assessments"), ("courses*.csv", "--courses")):
                for f in sorted(glob.glob(os.path.join(data, pattern))):
                    files += [option, f]
        else:
            files = [data]
        return [fsiii_bin, "report", *files, "--format", "json", "--min-cell", "0", "--quiet"]
    script = os.path.join(HERE, f"peer_{tool}.py")
    return [sys.executable, script, data, "--tokens", tokens_file, "--threads", str(THREADS)]


def measure(cmd, env):
    """Run cmd once: (exit status, wall s, CPU s, peak RSS in MB, stdout bytes, stderr text)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        peak_mb = usage.ru_maxrss / 1024  # Linux: KiB
        cpu = usage.ru_utime + usage.ru_stime
        return proc.returncode, wall, cpu, peak_mb, out.read(), err.read().decode("utf-8", "replace")


def figures(report):
    """{group: (courses, mean_change, improved_share)} with the total under None."""
    out = {}
    for g in report.get("groups", []):
        out[g["group"]] = (g.get("courses"), g.get("mean_change"), g.get("improved_share"))
    t = report["total"]
    out[None] = (t.get("courses"), t.get("mean_change"), t.get("improved_share"))
    return out


def compare(ref_name, ref, name, other):
    """Mismatches of `other` against `ref`; a group missing on one side counts as 0 courses."""
    bad = []
    empty = (0, None, None)
    for g in sorted(set(ref) | set(other), key=lambda x: (x is not None, x or "")):
        a, b = ref.get(g, empty), other.get(g, empty)
        label = "total" if g is None else g
        if (a[0] or 0) != (b[0] or 0):
            bad.append(f"{label}: courses {ref_name}={a[0]} {name}={b[0]}")
            continue
        if not (a[0] or 0):
            continue
        for i, key in ((1, "mean_change"), (2, "improved_share")):
            x, y = a[i], b[i]
            if x is None or y is None or not math.isclose(x, y, rel_tol=REL_TOL, abs_tol=ABS_TOL):
                bad.append(f"{label}: {key} {ref_name}={x!r} {name}={y!r}")
    return bad


def count_rows(path):
    n = 0
    with open(path, "rb") as f:
        while True:
            b = f.read(1 << 24)
            if not b:
                break
            n += b.count(b"\n")
    return max(n - 1, 0)


def versions():
    v = {"python": platform.python_version()}
    for mod in ("duckdb", "pandas", "pyarrow", "numpy"):
        try:
            v[mod] = __import__(mod).__version__
        except ImportError:
            pass
    return v


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", help="folder with assessments.csv and courses.csv")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--json", help="write the results as JSON to FILE")
    ap.add_argument("--tools", default=",".join(TOOLS), help="comma-separated subset of fsiii,duckdb,pandas")
    ap.add_argument("--tokens", help="token table CSV instead of `fsiii codes --tokens` (for running without fsiii)")
    args = ap.parse_args()
    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    if not tools or any(t not in TOOLS for t in tools) or args.runs < 1:
        ap.error("--tools takes fsiii, duckdb, pandas; --runs at least 1")
    fsiii_bin = pc.default_fsiii_bin()
    if "fsiii" in tools and not os.access(fsiii_bin, os.X_OK):
        print(f"fsiii binary not found at {fsiii_bin} (build with `swift build -c release` or set FSIII_BIN)",
              file=sys.stderr)
        return 2
    a_files, c_files = pc.find_inputs([args.data])
    env = thread_env()

    # token tables once, from fsiii itself unless given
    tmpdir = tempfile.mkdtemp(prefix="run-peers-")
    try:
        return run(args, tools, fsiii_bin, a_files, c_files, env, tmpdir)
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)


def run(args, tools, fsiii_bin, a_files, c_files, env, tmpdir):
    tokens_file = args.tokens
    if not tokens_file and any(t != "fsiii" for t in tools):
        tokens_file = os.path.join(tmpdir, "tokens.csv")
        try:
            with open(tokens_file, "wb") as f:
                subprocess.run([fsiii_bin, "codes", "--tokens"], check=True, stdout=f, env=env)
        except (OSError, subprocess.CalledProcessError) as e:
            print(f"`{fsiii_bin} codes --tokens` failed ({e}); give --tokens FILE", file=sys.stderr)
            return 2

    rows = sum(count_rows(p) for p in a_files)  # also warms the page cache for every tool alike
    size = sum(os.path.getsize(p) for p in a_files + c_files)
    print(f"data {args.data}: {rows} assessment rows, {size / 1e6:.1f} MB; {args.runs} run(s), {THREADS} threads",
          file=sys.stderr)

    results = {t: {"wall_s": [], "cpu_s": [], "peak_mb": [],
                   "command": command(t, args.data, fsiii_bin, tokens_file)} for t in tools}
    load_before = os.getloadavg()
    if load_before[0] > 0.5:
        print(f"note: load average {load_before[0]:.2f} before the runs: other work on the machine "
              f"inflates wall times (CPU times less so)", file=sys.stderr)
    outputs = {}
    failed = False
    for run in range(args.runs):
        for t in tools:
            code, wall, cpu, peak, out, err = measure(results[t]["command"], env)
            print(f"  run {run + 1} {t}: {wall:.2f} s wall, {cpu:.2f} s CPU, {peak:.0f} MB, exit {code}",
                  file=sys.stderr)
            if code != 0:
                print(err[-4000:], file=sys.stderr)
                results[t]["error"] = err[-4000:]
                failed = True
                continue
            results[t]["wall_s"].append(wall)
            results[t]["cpu_s"].append(cpu)
            results[t]["peak_mb"].append(peak)
            try:
                outputs[t] = figures(json.loads(out))
            except (ValueError, KeyError) as e:
                results[t]["error"] = f"unreadable JSON output: {e}"
                failed = True
        if failed:
            break

    # agreement: every peer against fsiii (or against the first tool without it)
    mismatches = {}
    ref = "fsiii" if "fsiii" in outputs else (tools[0] if tools[0] in outputs else None)
    if ref:
        for t in tools:
            if t != ref and t in outputs:
                bad = compare(ref, outputs[ref], t, outputs[t])
                if bad:
                    mismatches[t] = bad
    agree = not failed and not mismatches and ref is not None

    # table
    def med(xs):
        return statistics.median(xs) if xs else None
    base = results.get("fsiii") if "fsiii" in tools else None
    base_wall = med(base["wall_s"]) if base else None
    base_mem = med(base["peak_mb"]) if base else None
    print(f"{'tool':<8} {'wall s':>9} {'CPU s':>9} {'peak MB':>9} {'time/fsiii':>11} {'mem/fsiii':>10}")
    for t in tools:
        r = results[t]
        w, c, m = med(r["wall_s"]), med(r["cpu_s"]), med(r["peak_mb"])
        r["wall_s_median"], r["cpu_s_median"], r["peak_mb_median"] = w, c, m
        tr = w / base_wall if w and base_wall else None
        mr = m / base_mem if m and base_mem else None
        r["time_ratio_vs_fsiii"], r["memory_ratio_vs_fsiii"] = tr, mr

        def f(x, fmt):
            width = int(fmt.split(".")[0])
            return format(x, fmt) if x is not None else "-".rjust(width)
        print(f"{t:<8} {f(w, '9.2f')} {f(c, '9.2f')} {f(m, '9.0f')} {f(tr, '11.2f')} {f(mr, '10.2f')}")
    for t, bad in mismatches.items():
        print(f"{t} disagrees with {ref} ({len(bad)}):", file=sys.stderr)
        for line in bad[:20]:
            print(f"  {line}", file=sys.stderr)
    print("figures agree" if agree else "FIGURES DO NOT AGREE" if mismatches else "no comparison (a tool failed)")

    if args.json:
        doc = {"data": os.path.abspath(args.data), "assessment_rows": rows, "input_bytes": size,
               "runs": args.runs, "threads": THREADS, "tolerance": {"rel": REL_TOL, "abs": ABS_TOL},
               "reference": ref, "agree": agree, "mismatches": mismatches,
               "load_average": {"before": load_before, "after": os.getloadavg()},
               "tools": results, "versions": versions(), "machine": {"cpus": os.cpu_count(),
                                                                       "platform": platform.platform()}}
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=1)
            f.write("\n")
    if failed:
        return 2
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
