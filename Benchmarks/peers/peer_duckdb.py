#!/usr/bin/env python3
"""The fsiii team report (courses, mean_change, improved_share) in DuckDB SQL.

What a data team would write: DuckDB's CSV reader with every column as
VARCHAR, then set-based SQL for the rest: token joins, date parsing, the
superseding rules by GROUP BY ... HAVING and joins, baseline and follow-up by
joins and aggregates, figures by GROUP BY. Python only sniffs each file's header and
delimiter (SPEC §3) and passes the token tables in. SPEC §3–§7, see README.md.

    python peer_duckdb.py DIR [--tokens FILE] > result.json
"""

import os
import shutil
import sys
import tempfile

import duckdb

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peer_common as pc  # noqa: E402


def sql_str(s):
    return "'" + s.replace("'", "''") + "'"


def ident(s):
    return '"' + s.replace('"', '""') + '"'


WS_RE2 = pc.WS_CLASS.replace("\\u00a0", "\\x{00A0}") + "+"  # the same class, in RE2 syntax

MACROS = f"""
-- a cell without surrounding spaces and tabs, NULL when empty (the test first is a fast path)
CREATE MACRO cell(x) AS nullif(
    CASE WHEN starts_with(x, ' ') OR starts_with(x, '\t') OR ends_with(x, ' ') OR ends_with(x, '\t')
         THEN trim(x, ' \t') ELSE x END, '');
CREATE MACRO norm_token(x) AS
    lower(trim(regexp_replace(replace(x, '\u2013', '-'), '{WS_RE2}', ' ', 'g')));
-- x a cell(): a CPR number written DDMMYY-XXXX is the same citizen as DDMMYYXXXX
CREATE MACRO citizen_key(x) AS
    CASE WHEN regexp_full_match(x, '{pc.CPR_DASH}') THEN replace(x, '-', '') ELSE x END;
-- SPEC §2: four date formats, and ISO date-times with an offset as the
-- Europe/Copenhagen calendar date (the session time zone below)
CREATE MACRO parse_day(x) AS (
    CASE
      WHEN regexp_full_match(cell(x), '{pc.DATE_ISO}') THEN try_strptime(cell(x), '%Y-%m-%d')::DATE
      WHEN regexp_full_match(cell(x), '{pc.DATE_DMY_DASH}') THEN try_strptime(cell(x), '%d-%m-%Y')::DATE
      WHEN regexp_full_match(cell(x), '{pc.DATE_DMY_DOT}') THEN try_strptime(cell(x), '%d.%m.%Y')::DATE
      WHEN regexp_full_match(cell(x), '{pc.DATE_DMY_SLASH}') THEN try_strptime(cell(x), '%d/%m/%Y')::DATE
      WHEN regexp_full_match(cell(x), '{pc.DATETIME_TZ}') THEN try_cast(cell(x) AS TIMESTAMPTZ)::DATE
      WHEN regexp_full_match(cell(x), '{pc.DATETIME_LOCAL}') THEN try_strptime(substr(cell(x), 1, 10), '%Y-%m-%d')::DATE
    END);
"""


def read_csv_sql(inp, path):
    return (f"read_csv({sql_str(path)}, delim={sql_str(inp.delimiter)}, header=true, all_varchar=true, "
            f"quote='\"', escape='\"', null_padding=true, strict_mode=false, encoding='utf-8')")


def load(con, inputs, table, wanted, tmpdir):
    """Append every file's wanted columns (VARCHAR) to `table`, in file order."""
    for i, inp in enumerate(inputs):
        path = inp.path
        cols = ", ".join(f"{ident(inp.columns[c][1])} AS {c}" if c in inp.columns else f"NULL::VARCHAR AS {c}"
                         for c in wanted)
        verb = f"CREATE TABLE {table} AS" if i == 0 else f"INSERT INTO {table}"
        try:
            con.execute(f"{verb} SELECT {cols} FROM {read_csv_sql(inp, path)}")
        except duckdb.InvalidInputException as e:
            if "UTF" not in str(e) and "unicode" not in str(e).lower():
                raise
            # SPEC §3: a file that is not valid UTF-8 is Windows-1252
            path = os.path.join(tmpdir, f"{table}{i}.csv")
            with open(inp.path, encoding="cp1252", newline="") as src, \
                    open(path, "w", encoding="utf-8", newline="") as dst:
                while True:
                    chunk = src.read(1 << 24)
                    if not chunk:
                        break
                    dst.write(chunk)
            con.execute(f"{verb} SELECT {cols} FROM {read_csv_sql(inp, path)}")


def steps(L, BG, FG):
    """The report as SQL statements, in order: (label, sql)."""
    P = L + BG + 2  # baseline priority: before/at start in (BG, P], after start in [1, BG]
    return [
        ("parse: distinct cells", """
        CREATE TABLE map_day AS SELECT date AS raw, parse_day(date) AS day FROM (SELECT DISTINCT date FROM raw);
        CREATE TABLE map_cond AS
            SELECT m.raw, k.code FROM (SELECT DISTINCT condition AS raw FROM raw) m
            JOIN (SELECT t.token, c.code FROM tok_cond t JOIN cond_code c USING (uuid)) k ON norm_token(m.raw) = k.token;
        CREATE TABLE map_lvl AS
            SELECT m.raw, k.lvl FROM (SELECT DISTINCT level AS raw FROM raw) m JOIN tok_lvl k ON norm_token(m.raw) = k.token;
        CREATE TABLE map_status AS
            SELECT raw, CASE norm_token(coalesce(raw, '')) WHEN '' THEN 0 WHEN 'active' THEN 0
                            WHEN 'resolved' THEN 1 WHEN 'entered-in-error' THEN 2 END AS st
            FROM (SELECT DISTINCT status AS raw FROM raw);
        """),
        # readable rows only (SPEC §4: the others are rejected); resolved = level 0
        ("parse: rows", """
        CREATE TABLE v AS
        SELECT rn, citizen_key(cit) AS cit, day, cond, lvl, st, team, id FROM (
            SELECT r.rowid AS rn, cell(r.citizen) AS cit, d.day, c.code AS cond,
                   CASE WHEN s.st = 1 THEN 0 ELSE l.lvl END::UTINYINT AS lvl, s.st::UTINYINT AS st,
                   cell(r.team) AS team, cell(r.id) AS id
            FROM raw r
            JOIN map_day d ON r.date = d.raw
            JOIN map_cond c ON r.condition = c.raw
            LEFT JOIN map_lvl l ON r.level = l.raw
            JOIN map_status s ON r.status IS NOT DISTINCT FROM s.raw
            -- fsiii's rule (docs/RULES.md): a resolved row is level 0 whatever
            -- its level cell holds; an entered-in-error row needs no level.
            WHERE d.day IS NOT NULL AND s.st IS NOT NULL AND (l.lvl IS NOT NULL OR s.st <> 0))
        WHERE cit IS NOT NULL;
        DROP TABLE raw;
        """),
        # SPEC §4: a row is superseded by any later row with the same id
        # (entered-in-error included) and by any later row of the same
        # citizen/condition/date (an entered-in-error row there only when it
        # has no id); entered-in-error rows themselves are removed. Only keys
        # that occur more than once can supersede: GROUP BY ... HAVING finds
        # them, and small joins keep each group's last row. (The same with
        # max(rn) OVER (PARTITION BY ...) windows gives the same rows but
        # sorts all rows: 4.7 s instead of 2.9 s at 5 M rows, 59 s instead
        # of 27 s at 30 M on the 2-core development machine.)
        ("import rules", """
        CREATE TABLE alive AS
        WITH dup_ccd AS (
            SELECT cit, cond, day, max(rn) FILTER (WHERE st <> 2 OR id IS NULL) AS keep
            FROM v GROUP BY cit, cond, day HAVING count(*) > 1),
        dup_id AS (
            SELECT id, max(rn) AS keep FROM v WHERE id IS NOT NULL GROUP BY id HAVING count(*) > 1)
        SELECT v.rn, v.cit, v.day, v.cond, v.lvl, v.team
        FROM v
        LEFT JOIN dup_ccd d ON d.cit = v.cit AND d.cond = v.cond AND d.day = v.day
        LEFT JOIN dup_id e ON e.id = v.id
        WHERE v.st <> 2 AND (d.cit IS NULL OR d.keep = v.rn) AND (e.id IS NULL OR e.keep = v.rn);
        DROP TABLE v;
        """),
        ("courses", """
        CREATE TABLE courses AS
        SELECT row_number() OVER (ORDER BY rn) AS k, * FROM (
            SELECT citizen_key(cell(citizen)) AS cit, parse_day(start) AS start, parse_day("end") AS "end",
                   cell("end") IS NULL AS is_open, cell(team) AS own_team, rowid AS rn
            FROM raw_courses)
        WHERE cit IS NOT NULL AND start IS NOT NULL
          AND (is_open OR ("end" IS NOT NULL AND "end" >= start));
        """),
        # SPEC §5: a course's team is its own, else the team of the citizen's
        # latest assessment dated on or before start + 14 days, else (ukendt)
        ("course teams", f"""
        CREATE TABLE course_team AS
        SELECT c.k, coalesce(c.own_team, t.team, '(ukendt)') AS team
        FROM courses c LEFT JOIN (
            SELECT c.k, arg_max(a.team, (a.day - DATE '1970-01-01')::BIGINT * 4294967296 + a.rn) AS team
            FROM (SELECT * FROM courses WHERE own_team IS NULL) c
            JOIN alive a ON a.cit = c.cit AND a.day <= c.start + {BG}
            GROUP BY c.k) t USING (k);
        """),
        # SPEC §5: baseline = the latest in [start - L, start], else the
        # earliest in (start, start + BG]; follow-up = the latest after the
        # baseline, on or before end + FG (an open course has none). One pass
        # over each course's assessments in [start - L, end + FG]: the latest
        # of them is the follow-up exactly when it is later than the baseline.
        ("baseline and follow-up", f"""
        CREATE TABLE pairs AS
        SELECT k, cond, blvl, CASE WHEN lday > bday THEN llvl END AS flvl FROM (
            SELECT c.k, a.cond,
                   arg_max(a.day, CASE WHEN a.day <= c.start THEN a.day - c.start + {P}
                                       ELSE {BG + 1} - (a.day - c.start) END)
                       FILTER (WHERE a.day <= c.start + {BG}) AS bday,
                   arg_max(a.lvl, CASE WHEN a.day <= c.start THEN a.day - c.start + {P}
                                       ELSE {BG + 1} - (a.day - c.start) END)
                       FILTER (WHERE a.day <= c.start + {BG}) AS blvl,
                   max(a.day) FILTER (WHERE a.day <= c."end" + {FG}) AS lday,
                   arg_max(a.lvl, a.day) FILTER (WHERE a.day <= c."end" + {FG}) AS llvl
            FROM courses c JOIN alive a ON a.cit = c.cit
            WHERE a.day >= c.start - {L}
              AND a.day <= greatest(c.start + {BG}, coalesce(c."end" + {FG}, c.start + {BG}))
            GROUP BY c.k, a.cond)
        WHERE bday IS NOT NULL;
        """),
        # SPEC §6: compared = both levels exist and neither is 9
        ("per course", """
        CREATE TABLE per_course AS
        SELECT k, count(*) AS n, sum(blvl::INTEGER - flvl::INTEGER) AS change
        FROM pairs
        WHERE flvl IS NOT NULL AND blvl <> 9 AND flvl <> 9
        GROUP BY k;
        """),
    ]


# SPEC §7, per team: evaluable courses, mean of the course meanChange, share improved
GROUPS_SQL = """
SELECT t.team, count(p.k) AS courses, avg(p.change::DOUBLE / p.n) AS mean_change,
       avg((p.change > 0)::DOUBLE) AS improved_share
FROM course_team t LEFT JOIN per_course p USING (k)
GROUP BY t.team
"""
TOTAL_SQL = """
SELECT 'Total', count(*), avg(change::DOUBLE / n), avg((change > 0)::DOUBLE) FROM per_course
"""


def main():
    args = pc.arg_parser(__doc__.splitlines()[0]).parse_args()
    t = pc.Timer(args.timing)
    a_files, c_files = pc.find_inputs(args.paths)
    cond_tokens, level_tokens = pc.load_tokens(args.tokens, args.fsiii)

    tmpdir = tempfile.mkdtemp(prefix="peer-duckdb-")
    try:
        con = duckdb.connect(config={"threads": args.threads, "temp_directory": tmpdir})
        con.execute(f"SET threads={int(args.threads)}")
        con.execute("SET TimeZone='Europe/Copenhagen'")
        con.execute(MACROS)
        con.execute("CREATE TABLE tok_cond(token VARCHAR, uuid VARCHAR)")
        con.executemany("INSERT INTO tok_cond VALUES (?, ?)", cond_tokens)
        con.execute("CREATE TABLE tok_lvl(token VARCHAR, lvl INTEGER)")
        con.executemany("INSERT INTO tok_lvl VALUES (?, ?)", level_tokens)
        con.execute("""CREATE TABLE cond_code AS
                       SELECT uuid, (row_number() OVER (ORDER BY uuid))::UTINYINT AS code
                       FROM (SELECT DISTINCT uuid FROM tok_cond)""")

        # every column as VARCHAR, files in input order (a later file wins)
        a_inputs = [pc.sniff(p, pc.ASSESSMENT_REQUIRED, pc.ASSESSMENT_OPTIONAL, check_encoding=False)
                    for p in a_files]
        load(con, a_inputs, "raw", pc.ASSESSMENT_REQUIRED + pc.ASSESSMENT_OPTIONAL, tmpdir)
        c_inputs = [pc.sniff(p, pc.COURSE_REQUIRED, pc.COURSE_OPTIONAL, check_encoding=False) for p in c_files]
        load(con, c_inputs, "raw_courses", ["citizen", "start", "end", "team"], tmpdir)
        t("read csv")
        # input order is kept in rn (rowid) from here on: let DuckDB reorder freely
        con.execute("SET preserve_insertion_order=false")
        for label, sql in steps(args.lookback_days, args.baseline_grace_days, args.follow_up_grace_days):
            con.execute(sql)
            t(label)
        rows = con.execute(GROUPS_SQL).fetchall()
        total = con.execute(TOTAL_SQL).fetchone()
        t("figures")
        con.close()
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)
    pc.write_report(rows, total)


if __name__ == "__main__":
    main()
