#!/usr/bin/env python3
"""The fsiii team report (courses, mean_change, improved_share) in pandas.

What a data team would write: pd.read_csv with dtype=str, then vectorised
pandas/numpy only (no Python loop over rows). Each text column is factorised
once and only its distinct values are parsed (dates, tokens), the usual
idiom for low-cardinality columns. SPEC §3–§7, see README.md.

    python peer_pandas.py DIR [--tokens FILE] > result.json
"""

import os
import sys

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peer_common as pc  # noqa: E402

STATUS = {"": 0, "active": 0, "resolved": 1, "entered-in-error": 2}
NOT_A_DAY = np.iinfo(np.int32).min
NOT_A_DAY_ENC = np.iinfo(np.int64).min


def read(inp, engine):
    names = {canon: name for canon, (_, name) in inp.columns.items()}
    want = list(dict.fromkeys(names.values()))
    kw = dict(sep=inp.delimiter, dtype=str, keep_default_na=False, usecols=want, quotechar='"')
    if engine == "pyarrow":
        kw["engine"] = "pyarrow"
    else:
        kw["na_filter"] = False
    try:
        df = pd.read_csv(inp.path, encoding="utf-8-sig", **kw)
    except UnicodeDecodeError:  # SPEC §3: not valid UTF-8 -> Windows-1252
        df = pd.read_csv(inp.path, encoding="cp1252", **kw)
    return pd.DataFrame({canon: df[name] for canon, name in names.items()})


def distinct(s, strip=True):
    """codes (int64, -1 for an empty cell) and the distinct (stripped) values.

    Stripping runs on the Arrow-backed strings before factorising, so a
    column of unique ids is hashed once.
    """
    if strip:
        s = s.str.strip(pc.STRIP_CHARS)
    codes, uniq = pd.factorize(s)
    uniq = pd.Series(uniq)
    empty = np.flatnonzero((uniq == "").to_numpy(dtype=bool))
    if len(empty):
        codes = np.where(codes == empty[0], -1, codes)
    return codes, uniq


def citizen_key(uniq):
    """A CPR number written DDMMYY-XXXX is the same citizen as DDMMYYXXXX."""
    cpr = uniq.str.fullmatch(pc.CPR_DASH).to_numpy(dtype=bool)
    return uniq.where(~cpr, uniq.str.replace("-", "", regex=False))


def parse_days(uniq):
    """Distinct date cells -> days since 1970-01-01 (NOT_A_DAY when unreadable)."""
    out = np.full(len(uniq), NOT_A_DAY, dtype=np.int64)
    s = uniq.str.strip(pc.STRIP_CHARS)
    for pattern, fmt in ((pc.DATE_ISO, "%Y-%m-%d"), (pc.DATE_DMY_DASH, "%d-%m-%Y"),
                         (pc.DATE_DMY_DOT, "%d.%m.%Y"), (pc.DATE_DMY_SLASH, "%d/%m/%Y")):
        m = s.str.fullmatch(pattern).to_numpy(dtype=bool)
        if m.any():
            d = pd.to_datetime(s[m], format=fmt, errors="coerce")
            out[m] = np.where(d.isna(), NOT_A_DAY, d.to_numpy("datetime64[D]").astype(np.int64))
    m = s.str.fullmatch(pc.DATETIME_TZ).to_numpy(dtype=bool)
    if m.any():
        d = pd.to_datetime(s[m].str.replace(" ", "T", regex=False), utc=True, format="ISO8601", errors="coerce")
        local = d.dt.tz_convert("Europe/Copenhagen").dt.tz_localize(None).dt.normalize()
        out[m] = np.where(local.isna(), NOT_A_DAY, local.to_numpy("datetime64[D]").astype(np.int64))
    m = s.str.fullmatch(pc.DATETIME_LOCAL).to_numpy(dtype=bool)
    if m.any():
        d = pd.to_datetime(s[m].str.slice(0, 10), format="%Y-%m-%d", errors="coerce")
        out[m] = np.where(d.isna(), NOT_A_DAY, d.to_numpy("datetime64[D]").astype(np.int64))
    return out


def lookup(uniq, table, missing=-1):
    """Distinct cells -> value via the normalised token table."""
    normed = uniq.astype(object).map(pc.norm_token)
    return normed.map(dict(table)).fillna(missing).to_numpy().astype(np.int64)


def take(values, codes, fill, dtype=np.int64):
    """values[codes], fill where the code is -1 (an empty cell)."""
    return np.where(codes >= 0, values[np.maximum(codes, 0)], fill).astype(dtype)


def main():
    args = pc.arg_parser(__doc__.splitlines()[0]).parse_args()
    t = pc.Timer(args.timing)
    os.environ.setdefault("OMP_NUM_THREADS", str(args.threads))
    try:
        import pyarrow
        pyarrow.set_cpu_count(args.threads)
        pyarrow.set_io_thread_count(args.threads)
        engine = "pyarrow"
    except ImportError:
        engine = "c"
    a_files, c_files = pc.find_inputs(args.paths)
    cond_tokens, level_tokens = pc.load_tokens(args.tokens, args.fsiii)
    cond_uuids = sorted({v for _, v in cond_tokens})
    cond_code = [(tok, cond_uuids.index(v)) for tok, v in cond_tokens]
    L, BG, FG = args.lookback_days, args.baseline_grace_days, args.follow_up_grace_days

    # ---- read assessments (files in order: a later file wins) ----
    frames = []
    for p in a_files:
        inp = pc.sniff(p, pc.ASSESSMENT_REQUIRED, pc.ASSESSMENT_OPTIONAL, check_encoding=False)
        frames.append(read(inp, engine))
    a = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    del frames
    n = len(a)
    t(f"read assessments ({n} rows, {engine})")

    # ---- parse the cells via their distinct values (each column dropped once parsed) ----
    codes, uniq = distinct(a.pop("citizen"))
    key_codes, key_uniq = pd.factorize(citizen_key(uniq))
    cit = take(key_codes, codes, -1, np.int32)
    citizen_index = pd.Index(key_uniq)
    codes, uniq = distinct(a.pop("date"))
    day = take(parse_days(uniq), codes, NOT_A_DAY, np.int32)
    codes, uniq = distinct(a.pop("condition"), strip=False)
    cond = take(lookup(uniq, cond_code), codes, -1, np.int8)
    codes, uniq = distinct(a.pop("level"), strip=False)
    lvl = take(lookup(uniq, level_tokens), codes, -1, np.int8)
    if "status" in a:
        codes, uniq = distinct(a.pop("status"), strip=False)
        st = take(lookup(uniq, STATUS.items()), codes, 0, np.int8)
    else:
        st = np.zeros(n, dtype=np.int8)
    if "team" in a:
        codes, team_uniq = distinct(a.pop("team"))
        team = codes.astype(np.int32)
    else:
        team, team_uniq = np.full(n, -1, dtype=np.int32), pd.Series([], dtype=object)
    if "id" in a:
        codes, _ = distinct(a.pop("id"))
        rid = codes.astype(np.int32)
    else:
        rid = np.full(n, -1, dtype=np.int32)
    del a, codes, uniq
    t("parse cells")

    # ---- import rules (SPEC §4) ----
    # fsiii's rule (docs/RULES.md): a resolved row is level 0 whatever its
    # level cell holds, and an entered-in-error row needs no level.
    valid = (cit >= 0) & (day != NOT_A_DAY) & (cond >= 0) & ((lvl >= 0) | (st == 1) | (st == 2)) & (st >= 0)
    rn = np.flatnonzero(valid)  # input order of the readable rows
    cit, day, cond, lvl, st, team, rid = (x[rn] for x in (cit, day, cond, lvl, st, team, rid))
    lvl = np.where(st == 1, 0, lvl)  # resolved = level 0
    eie = st == 2
    dmin = int(day.min()) if len(day) else 0
    span = (int(day.max()) - dmin + 1) if len(day) else 1
    ncond = len(cond_uuids)
    ccd = (cit.astype(np.int64) * ncond + cond) * span + (day - dmin)
    # a row is superseded by any later row of the same citizen/condition/date
    # (an entered-in-error row acts on citizen/condition/date only without id)
    acts_on_ccd = ~eie | (rid < 0)
    last_ccd = np.zeros(len(rn), dtype=bool)
    sub = np.flatnonzero(acts_on_ccd)
    last_ccd[sub] = ~pd.Series(ccd[sub]).duplicated(keep="last").to_numpy()
    # ... and by any later row (entered-in-error included) with the same id
    last_id = np.ones(len(rn), dtype=bool)
    sub = np.flatnonzero(rid >= 0)
    last_id[sub] = ~pd.Series(rid[sub]).duplicated(keep="last").to_numpy()
    alive = ~eie & last_ccd & last_id
    A = pd.DataFrame({"cit": cit[alive], "day": day[alive], "cond": cond[alive],
                      "lvl": lvl[alive], "team": team[alive], "rn": rn[alive]})
    del cit, day, cond, lvl, st, team, rid, ccd, valid
    t(f"import rules ({len(A)} alive)")

    # ---- courses ----
    frames = []
    for p in c_files:
        inp = pc.sniff(p, pc.COURSE_REQUIRED, pc.COURSE_OPTIONAL, check_encoding=False)
        frames.append(read(inp, engine))
    c = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    codes, uniq = distinct(c["citizen"])
    ccit = take(citizen_index.get_indexer(citizen_key(uniq)), codes, -2)  # -1: no assessments, -2: empty
    codes, uniq = distinct(c["start"])
    start = take(parse_days(uniq), codes, NOT_A_DAY)
    if "end" in c:
        codes, uniq = distinct(c["end"])
        end = take(parse_days(uniq), codes, NOT_A_DAY)
        is_open = codes < 0
    else:
        end, is_open = np.full(len(c), NOT_A_DAY), np.ones(len(c), dtype=bool)
    ok = (ccit != -2) & (start != NOT_A_DAY) & (is_open | ((end != NOT_A_DAY) & (end >= start)))
    own_team = c["team"].str.strip(pc.STRIP_CHARS).to_numpy(dtype=object) if "team" in c else np.full(len(c), "", dtype=object)
    C = pd.DataFrame({"cit": ccit[ok], "start": start[ok], "end": np.where(is_open, NOT_A_DAY, end)[ok],
                      "team": own_team[ok]})
    C["k"] = np.arange(len(C))
    t(f"courses ({len(C)})")

    # ---- course team: own, else the citizen's latest assessment on or before start+14 ----
    need = C[C["team"] == ""]
    if len(need):
        j = need[["k", "cit", "start"]].merge(A[["cit", "day", "rn", "team"]], on="cit")
        j = j[j["day"] <= j["start"] + BG]
        j = j.sort_values(["k", "day", "rn"]).drop_duplicates("k", keep="last")
        tname = np.where(j["team"].to_numpy() >= 0, team_uniq.to_numpy()[np.maximum(j["team"].to_numpy(), 0)], "")
        C.loc[j["k"].to_numpy(), "team"] = tname
    C["team"] = C["team"].replace("", "(ukendt)")
    t("course teams")

    # ---- baseline and follow-up per course and condition (SPEC §5) ----
    # One pass over each course's assessments: the baseline is the latest in
    # [start-L, start], else the earliest in (start, start+BG]; the latest
    # assessment on or before end+FG is the follow-up when it is later than
    # the baseline (an open course has none).
    P = C.loc[C["cit"] >= 0, ["k", "cit", "start", "end"]].merge(A[["cit", "cond", "day", "lvl"]], on="cit")
    day = P["day"].to_numpy().astype(np.int64)
    rel = day - P["start"].to_numpy()
    end = P["end"].to_numpy()
    lvl = P["lvl"].to_numpy().astype(np.int64)
    pre = (rel >= -L) & (rel <= 0)
    post = (rel > 0) & (rel <= BG)
    # baseline priority, level in the low 4 bits: pre in [BG+2, L+BG+2] (later is higher), post in [1, BG]
    benc = np.where(pre, (rel + L + BG + 2) * 16 + lvl, np.where(post, (BG + 1 - rel) * 16 + lvl, -1))
    fenc = np.where((end != NOT_A_DAY) & (rel >= -L) & (day <= end + FG), day * 16 + lvl, NOT_A_DAY_ENC)
    key = P["k"].to_numpy().astype(np.int64) * ncond + P["cond"].to_numpy()
    m = (benc >= 0) | (fenc != NOT_A_DAY_ENC)
    del P, day, rel, end, lvl, pre, post
    g = pd.DataFrame({"key": key[m], "b": benc[m], "f": fenc[m]}).groupby("key", sort=False).max()
    del key, benc, fenc, m
    g = g[g["b"] >= 0]
    gkey = g.index.to_numpy()
    bprio, blvl = g["b"].to_numpy() // 16, g["b"].to_numpy() % 16
    gstart = C["start"].to_numpy()[gkey // ncond]
    bday = np.where(bprio > BG, gstart + bprio - L - BG - 2, gstart + BG + 1 - bprio)
    f = g["f"].to_numpy()
    has_f = (f != NOT_A_DAY_ENC) & ((f // 16) > bday)
    flvl = f % 16
    t("baseline and follow-up")

    # ---- compared pairs -> course figures (SPEC §6) -> team figures (§7) ----
    cmp = has_f & (blvl != 9) & (flvl != 9)
    per = pd.DataFrame({"k": gkey[cmp] // ncond, "d": (blvl - flvl)[cmp]}).groupby("k").agg(
        n=("d", "size"), change=("d", "sum"))
    per["mean_change"] = per["change"] / per["n"]
    per["improved"] = (per["change"] > 0).astype(np.float64)
    per["team"] = C["team"].to_numpy()[per.index.to_numpy()]
    g = per.groupby("team").agg(courses=("n", "size"), mean_change=("mean_change", "mean"),
                               improved_share=("improved", "mean"))
    teams = sorted(set(C["team"]))
    groups = []
    for name in teams:
        if name in g.index:
            r = g.loc[name]
            groups.append((name, int(r["courses"]), r["mean_change"], r["improved_share"]))
        else:
            groups.append((name, 0, None, None))
    total = ("Total", len(per), per["mean_change"].mean(), per["improved"].mean())
    t("figures")
    pc.write_report(groups, total)


if __name__ == "__main__":
    main()
