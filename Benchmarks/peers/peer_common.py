"""Input plumbing shared by the two peers (peer_duckdb.py, peer_pandas.py).

Only what is not the computation lives here: the command line, finding the
input files, sniffing each file's delimiter, encoding and header (SPEC §3),
loading the token tables from `fsiii codes --tokens` (or a file), and writing
the JSON result. Parsing the cells, superseding, baseline / follow-up and the
figures are done by each peer in its own engine.
"""

import argparse
import codecs
import csv
import glob
import io
import json
import math
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def package_root():
    """The folder holding Package.swift, searched upwards from this file."""
    d = HERE
    while True:
        if os.path.exists(os.path.join(d, "Package.swift")):
            return d
        parent = os.path.dirname(d)
        if parent == d:
            return os.path.dirname(os.path.dirname(HERE))
        d = parent


def default_fsiii_bin():
    return os.environ.get("FSIII_BIN") or os.path.join(package_root(), ".build", "release", "fsiii")


# Canonical column -> accepted header names (SPEC §3), compared case-insensitively.
ALIASES = {
    "citizen": ["citizen", "cpr", "borger"],
    "date": ["date", "dato", "vurderingsdato"],
    "condition": ["condition", "tilstand", "funktionsevnetilstand"],
    "level": ["level", "niveau", "funktionsniveau"],
    "team": ["team", "hold", "gruppe", "enhed"],
    "goal": ["goal", "forventet_niveau", "forventet_tilstand"],
    "status": ["status"],
    "id": ["id"],
    "start": ["start"],
    "end": ["end"],
}
ASSESSMENT_REQUIRED = ["citizen", "date", "condition", "level"]
ASSESSMENT_OPTIONAL = ["team", "status", "id"]
COURSE_REQUIRED = ["citizen", "start"]
COURSE_OPTIONAL = ["end", "team"]

# White space for token and cell normalisation: the same set in both peers.
WS_CLASS = "[ \\t\\n\\r\\f\\v\\u00a0]"
WS_RE = re.compile(WS_CLASS + "+")


def norm_token(s):
    """trim, lowercase, collapse inner white space to one space, en dash -> '-'."""
    return WS_RE.sub(" ", s.replace("\u2013", "-")).strip(" ").lower()


# Characters stripped from the ends of a cell: the same in both peers.
STRIP_CHARS = " \t"


# Date cells (SPEC §2): shapes recognised by both peers, checked as full matches.
DATE_ISO = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
DATE_DMY_DASH = r"[0-9]{2}-[0-9]{2}-[0-9]{4}"
DATE_DMY_DOT = r"[0-9]{2}\.[0-9]{2}\.[0-9]{4}"
DATE_DMY_SLASH = r"[0-9]{2}/[0-9]{2}/[0-9]{4}"
# ISO 8601 date-time with an offset or Z: converted to the Europe/Copenhagen date.
DATETIME_TZ = r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)"
# A date-time without an offset is taken as local (Copenhagen) time: its date part.
DATETIME_LOCAL = r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?"
CPR_DASH = r"[0-9]{6}-[0-9]{4}"


class Input:
    """One CSV file: path, encoding, delimiter and canonical -> header name."""

    def __init__(self, path, encoding, bom, delimiter, columns):
        self.path = path
        self.encoding = encoding  # "utf-8" or "cp1252"
        self.bom = bom
        self.delimiter = delimiter
        self.columns = columns  # canonical -> (index, header name as in the file)


def is_utf8(path, chunk=1 << 24):
    dec = codecs.getincrementaldecoder("utf-8")()
    try:
        with open(path, "rb") as f:
            while True:
                b = f.read(chunk)
                if not b:
                    dec.decode(b"", final=True)
                    return True
                dec.decode(b)
    except UnicodeDecodeError:
        return False


def sniff(path, required, optional, check_encoding=True):
    """Delimiter from the header line (';', ',' or tab), encoding, header aliases."""
    with open(path, "rb") as f:
        head = f.read(1 << 16)
    bom = head.startswith(codecs.BOM_UTF8)
    if bom:
        head = head[3:]
    line = head.split(b"\n", 1)[0].rstrip(b"\r")
    encoding = "utf-8"
    if check_encoding and not is_utf8(path):
        encoding = "cp1252"
    text = line.decode(encoding, errors="replace")
    counts = {d: text.count(d) for d in (";", "\t", ",")}
    delimiter = max((";", "\t", ","), key=lambda d: counts[d])  # ties: ';' then tab then ','
    names = next(csv.reader(io.StringIO(text), delimiter=delimiter))
    lookup = {}
    for i, n in enumerate(names):
        key = n.strip().lower()
        for canon, al in ALIASES.items():
            if key in al and canon not in lookup:
                lookup[canon] = (i, n)
    missing = [c for c in required if c not in lookup]
    if missing:
        sys.exit(f"{path}: missing column(s) {', '.join(missing)}")
    cols = {c: lookup[c] for c in required + optional if c in lookup}
    return Input(path, encoding, bom, delimiter, cols)


def find_inputs(paths):
    """Folders are searched (not recursively) for assessments*.csv and courses*.csv."""
    assessments, courses = [], []
    for p in paths:
        if os.path.isdir(p):
            assessments += sorted(glob.glob(os.path.join(p, "assessments*.csv")))
            courses += sorted(glob.glob(os.path.join(p, "courses*.csv")))
        else:
            base = os.path.basename(p)
            if base.startswith("assessments"):
                assessments.append(p)
            elif base.startswith("courses"):
                courses.append(p)
            else:
                sys.exit(f"{p}: not an assessments*.csv or courses*.csv file")
    if not assessments:
        sys.exit("no assessments*.csv found")
    if not courses:
        sys.exit("no courses*.csv found")
    return assessments, courses


def load_tokens(tokens_file, fsiii_bin):
    """Token tables as two lists of (normalised token, value), earlier rows first.

    From `fsiii codes --tokens` (CSV, header kind,token,value) or a file of the
    same shape. When a normalised token occurs twice in a kind, the first row
    wins (fsiii lists UUIDs, then legacy keys, then display names).
    """
    if tokens_file:
        with open(tokens_file, encoding="utf-8-sig", newline="") as f:
            text = f.read()
    else:
        try:
            text = subprocess.run([fsiii_bin, "codes", "--tokens"], check=True,
                                  capture_output=True).stdout.decode("utf-8-sig")
        except (OSError, subprocess.CalledProcessError) as e:
            sys.exit(f"cannot get token tables from `{fsiii_bin} codes --tokens` ({e}); use --tokens FILE")
    conditions, levels = {}, {}
    for row in csv.DictReader(io.StringIO(text)):
        kind = row["kind"].strip().lower()
        table = conditions if kind == "condition" else levels if kind == "level" else None
        if table is None:
            continue
        table.setdefault(norm_token(row["token"]), row["value"].strip())
    if not conditions or not levels:
        sys.exit("token tables are empty")
    return list(conditions.items()), [(t, int(v)) for t, v in levels.items()]


def arg_parser(description):
    p = argparse.ArgumentParser(description=description)
    p.add_argument("paths", nargs="+", help="data folder(s) or assessments*.csv / courses*.csv files")
    p.add_argument("--tokens", help="token table CSV (kind,token,value) instead of `fsiii codes --tokens`")
    p.add_argument("--fsiii", default=default_fsiii_bin(), help="fsiii binary for `codes --tokens`")
    p.add_argument("--lookback-days", type=int, default=30)
    p.add_argument("--baseline-grace-days", type=int, default=14)
    p.add_argument("--follow-up-grace-days", type=int, default=14)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--timing", action="store_true", help="print stage timings to standard error")
    return p


def _num(x):
    if x is None:
        return None
    x = float(x)
    return None if math.isnan(x) else x


def write_report(groups, total):
    """groups: iterable of (name, courses, mean_change, improved_share); total the same."""
    def obj(name, n, mc, imp):
        n = int(n)
        return {"group": name, "courses": n,
                "mean_change": _num(mc) if n else None,
                "improved_share": _num(imp) if n else None}
    out = {"groups": [obj(*g) for g in sorted(groups, key=lambda g: g[0])],
           "total": obj("Total", *total[1:])}
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


class Timer:
    def __init__(self, enabled):
        import time
        self.enabled, self.time = enabled, time.perf_counter
        self.t0 = self.last = self.time()

    def __call__(self, label):
        if self.enabled:
            now = self.time()
            import resource
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"  {label}: {now - self.last:.2f}s (total {now - self.t0:.2f}s, peak {peak:.0f} MB)",
                  file=sys.stderr)
            self.last = now
