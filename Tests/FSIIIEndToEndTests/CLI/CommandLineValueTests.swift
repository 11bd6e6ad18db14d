import Foundation
import Testing
@testable import FSIIIEffect
import FSIIITestSupport

/// Every command-line value is range-checked: out of range, `nan`, `inf`,
/// hexadecimal, empty, given twice or missing is exit status 2 with a
/// message naming the option and what it takes — never a trap, and before
/// anything is read.
@Suite("Command-line values are checked", .serialized, .enabled(if: CLIRunner.available, "the fsiii executable was not built: skipped"))
struct CommandLineValueTests {
    /// `(arguments after "report ." unless they name a command, what the message says)`.
    static let refused: [([String], String)] = [
        (["--horizon-days", "999999999"], "--horizon-days needs a whole number from 1 to 3 650, not \"999999999\""),
        (["--horizon-days", "0"], "--horizon-days needs a whole number from 1 to 3 650, not \"0\""),
        (["--lookback-days", "3651"], "--lookback-days needs a whole number from 0 to 3 650"),
        (["--follow-up-grace-days", ""], "--follow-up-grace-days needs a whole number from 0 to 3 650, not \"\""),
        (["--baseline-grace-days", "0x10"], "--baseline-grace-days needs a whole number from 0 to 3 650, not \"0x10\""),
        (["--window", "2149-12-31..1850-01-01"], "--window ends before it starts: 2149-12-31 is after 1850-01-01"),
        (["--window", "9999-12-31..0001-01-01"], "--window needs FROM..TO with two dates of 1850-01-01 … 2149-12-31"),
        (["--window", "2024-03-02..2024-03-01"], "--window ends before it starts: 2024-03-02 is after 2024-03-01"),
        (["--window", "2024-01-01"], "--window needs FROM..TO with two dates"),
        (["--window", "2024-01-01..2024-13-01"], "--window needs FROM..TO with two dates"),
        (["--window", "0000-01-01..2024-01-01"], "--window needs FROM..TO with two dates"),
        (["--window", "2024-01-01..99999-01-01"], "--window needs FROM..TO with two dates"),
        (["--window", ""], "--window needs FROM..TO with two dates"),
        (["--bootstrap", "-1"], "--bootstrap needs a whole number from 0 to 100 000, not \"-1\""),
        (["--bootstrap", "100001"], "--bootstrap needs a whole number from 0 to 100 000"),
        (["--bootstrap", "99999999999999999999"], "--bootstrap needs a whole number from 0 to 100 000"),
        (["--min-cell", "-1"], "--min-cell needs a whole number from 0 to 1 000 000, not \"-1\""),
        (["--min-cell", "5", "--min-cell", "6"], "--min-cell is given twice"),
        (["--min-cell"], "--min-cell needs a value (K)"),
        (["--seed", "-1"], "--seed needs a whole number from 0 to 2^64 − 1, not \"-1\""),
        (["--seed", "18446744073709551616"], "--seed needs a whole number from 0 to 2^64 − 1"),
        (["--seed", "1.5"], "--seed needs a whole number from 0 to 2^64 − 1, not \"1.5\""),
        (["--wtp", "1e309"], "--wtp needs a number from 0 to 1 000 000 000 kr per point, not \"1e309\""),
        (["--wtp", "nan"], "--wtp needs a number from 0 to 1 000 000 000 kr per point, not \"nan\""),
        (["--wtp", "inf"], "--wtp needs a number from 0 to 1 000 000 000 kr per point, not \"inf\""),
        (["--wtp", "-infinity"], "--wtp needs a number from 0 to 1 000 000 000 kr per point"),
        (["--wtp", "0x10"], "--wtp needs a number from 0 to 1 000 000 000 kr per point, not \"0x10\""),
        (["--wtp", "-1"], "--wtp needs a number from 0 to 1 000 000 000 kr per point, not \"-1\""),
        (["--wtp", "1e10"], "--wtp needs a number from 0 to 1 000 000 000 kr per point, not \"1e10\""),
        (["--wtp", ""], "--wtp needs a number from 0 to 1 000 000 000 kr per point, not \"\""),
        (["--wtp", "1,2,3"], "--wtp needs a number"),
        (["--wtp", "1e"], "--wtp needs a number"),
        (["--wtp", "0x1p4"], "--wtp needs a number"),
        (["--wtp", "NaN"], "--wtp needs a number"),
        (["--wtp", "1 000"], "--wtp needs a number"),
        (["--wtp", " 5"], "--wtp needs a number"),
        (["--wtp", "٣"], "--wtp needs a number"),
        (["--wtp", "1.2.3"], "--wtp needs a number"),
        (["--wtp", "5-"], "--wtp needs a number"),
        (["--hourly-rate", "-5"], "--hourly-rate needs a number from 0 to 1 000 000 kr per hour, not \"-5\""),
        (["--hourly-rate", "nan"], "--hourly-rate needs a number from 0 to 1 000 000 kr per hour, not \"nan\""),
        (["--hourly-rate", "Infinity"], "--hourly-rate needs a number from 0 to 1 000 000 kr per hour"),
        (["--wtp-grid", "0:1e309:1"], "--wtp-grid needs FROM:TO:STEP in kr per point with 0 ≤ FROM ≤ TO ≤ 1 000 000 000 and STEP > 0"),
        (["--wtp-grid", "0:nan:1"], "--wtp-grid needs FROM:TO:STEP"),
        (["--wtp-grid", "0:50000:0"], "--wtp-grid needs FROM:TO:STEP"),
        (["--wtp-grid", "50000:0:1"], "--wtp-grid needs FROM:TO:STEP"),
        (["--wtp-grid", "-1:1:1"], "--wtp-grid needs FROM:TO:STEP"),
        (["--wtp-grid", "0:1e12:1e9"], "--wtp-grid needs FROM:TO:STEP"),
        (["--wtp-grid", "0:1:0.000001"], "(at most 100 001 values)"),
        (["--wtp-grid", "0:1"], "--wtp-grid needs FROM:TO:STEP"),
        (["--ceac", "curve.txt"], "--ceac FILE must end in .csv or .json"),
        (["--by", ""], "--by must be one of team, municipality, month, area, condition, age-band, sex, baseline-level, baseline-hours, or two course groupings joined by a comma (team,age-band), not \"\""),
        (["--by", "team,area"], "--by area groups condition pairs and cannot be half of a two-way table"),
        (["--by", "sex,sex"], "--by names sex twice"),
        (["--format", "xml"], "--format must be one of table, csv, json"),
        (["--lang", "xx"], "--lang must be one of"),
        (["--dialect", "excel"], "--dialect must be one of standard, excel-da"),
        (["--spc", "u"], "--spc must be one of p, laney, not \"u\""),
        (["--mdc=yes"], "--mdc takes no value"),
        (["--compare=yes"], "--compare takes no value"),
        (["-o", "--html", "x.html"], "--output needs a value (FILE) before the option --html; for a file of that name write ./--html"),
        (["--html", "-o", "x.csv"], "--html needs a value (FILE) before the option -o"),
        (["--window", "--min-cell", "5"], "--window needs a value (FROM..TO) before the option --min-cell"),
        (["-x"], "unknown option -x"),
        (["--bad\nfake line"], #"unknown option --bad\nfake line"#),
        (["--by", "team\nfake line"], #"--by must be one of team, municipality, month, area, condition, age-band, sex, baseline-level, baseline-hours, or two course groupings joined by a comma (team,age-band), not "team\nfake line""#),
        (["--min-cell", "5\u{1B}[2J"], #"--min-cell needs a whole number from 0 to 1 000 000, not "5\u{1B}[2J""#),
        (["courses", ".", "--horizon-days", "-1"], "--horizon-days needs a whole number from 1 to 3 650, not \"-1\""),
        (["courses", ".", "--window", "2024-02-01..2024-01-01"], "--window ends before it starts"),
        (["generate", "out", "--citizens", "0"], "--citizens needs a whole number from 1 to 10 000 000, not \"0\""),
        (["generate", "out", "--citizens", "-5"], "--citizens needs a whole number from 1 to 10 000 000, not \"-5\""),
        (["generate", "out", "--citizens", "10000001"], "--citizens needs a whole number from 1 to 10 000 000"),
        (["generate", "out", "--citizens", "99999999999999999999999"], "--citizens needs a whole number from 1 to 10 000 000"),
        (["generate", "out", "--rows", "0"], "--rows needs a whole number from 1 to 100 000 000"),
        (["generate", "out", "--rows", "100000001"], "--rows needs a whole number from 1 to 100 000 000"),
        (["generate", "out", "--seed", "-1"], "--seed needs a whole number from 0 to 2^64 − 1"),
        (["generate", "out", "--format", "xml"], "--format must be one of csv, fhir"),
        (["generate", ""], "give an output folder, not an empty name"),
        (["generate"], "give exactly one output folder"),
        (["generate", "a", "b"], "give exactly one output folder"),
        (["generate", "out", "--effect", "2.5"], "--effect needs a number from -1 to 2 points per condition, not \"2.5\""),
        (["generate", "out", "--effect", "nan"], "--effect needs a number from -1 to 2 points per condition, not \"nan\""),
        (["generate", "out", "--natural", "-0.1"], "--natural needs a number from 0 to 0.5 points per condition per 80 days, not \"-0.1\""),
        (["generate", "out", "--natural", "0.6"], "--natural needs a number from 0 to 0.5 points per condition per 80 days"),
        (["generate", "out", "--decay-months", "-1"], "--decay-months needs a number from 0 to 600 months, not \"-1\""),
        (["generate", "out", "--decay-months", ""], "--decay-months needs a number from 0 to 600 months"),
    ]

    static func folder() throws -> URL {
        let folder = try Fixtures.temporaryFolder()
        try Data(OutputSafetyTests.assessments.utf8).write(to: folder.appendingPathComponent("assessments.csv"))
        try Data(OutputSafetyTests.courses.utf8).write(to: folder.appendingPathComponent("courses.csv"))
        return folder
    }

    @Test("a value out of range, not a number, empty, twice or missing is exit status 2 with a clear message", arguments: refused)
    func refusedValue(_ arguments: [String], _ message: String) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let commands = ["report", "courses", "validate", "generate", "codes"]
        let full = commands.contains(arguments.first ?? "") ? arguments : ["report", "."] + arguments
        let r = try CLIRunner.run(full, in: folder)
        OutputSafetyTests.noCrash(r)
        #expect(r.status == 2, "\(full): \(r.stderr)")
        #expect(r.stderr.contains(message), "\(full): \(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(!r.stderr.contains(": read "), "checked before the import")
        #expect(!r.stderr.split(separator: "\n").contains { $0.hasPrefix("fake line") }, "an echoed value stays on its line")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["assessments.csv", "courses.csv"], "nothing written")
    }

    @Test("extreme values inside the ranges run to the end", arguments: [
        ["--window", "1850-01-01..2149-12-31"], ["--window", "1850-01-01..2149-12-31", "--by", "month"],
        ["--horizon-days", "3650", "--lookback-days", "3650", "--baseline-grace-days", "3650", "--follow-up-grace-days", "3650"],
        ["--bootstrap", "0", "--compare"], ["--seed", "18446744073709551615", "--compare"], ["--wtp", "1e9", "--format", "json"],
        ["--wtp", "0,5"], ["--hourly-rate", "0"], ["--min-cell", "1000000"], ["--wtp-grid", "0:1e9:1e4"],
    ])
    func extremes(_ arguments: [String]) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Without courses, so that --window applies.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("courses.csv"))
        let windowed = arguments.contains("--window") ? arguments : arguments + ["--window", "2024-01-01..2024-03-31"]
        let r = try CLIRunner.run(["report", ".", "--quiet", "--format", "csv"].filter { !(arguments.contains("--format") && ($0 == "--format" || $0 == "csv")) } + windowed,
                                  in: folder)
        OutputSafetyTests.noCrash(r)
        #expect(r.status == 0, "\(arguments): \(r.stderr)")
        #expect(r.stdout.contains("\r\nTotal,") || r.stdout.contains("\"total\": {"), "a whole report: \(r.stdout)")
    }
}
