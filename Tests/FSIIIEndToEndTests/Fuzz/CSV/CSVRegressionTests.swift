import Foundation
import Testing
@testable import FSIIIEffect
@testable import FSIIIBytes
@testable import FSIIIReports
@testable import FSIIISampleData
import FSIIIStatistics
import FSIIITestSupport

/// Every crasher and hang the CSV fuzzing found, kept as a fixture
/// (`Fixtures/regressions/csv/`, or built here when large), with its exact
/// outcome: which rows are rejected at which line with which reason, and
/// the accounting.
@Suite("CSV regressions: inputs that once crashed or hung")
struct CSVRegressionTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: Fixtures.fixtureFolder().appendingPathComponent("regressions/csv/\(name)")))
    }

    /// `line: column: message` of each rejected row.
    static func rejected(_ d: Dataset) -> [String] {
        d.report.rejected.map { "\($0.line): \($0.column): \($0.message)" }
    }

    @Test("a date-time in year 10000 UTC (9999-12-31T23:00:00-14:00) is a rejected row, not a trap in the summer-time rule")
    func dateTimeInYear10000() throws {
        let d = Fixtures.dataset([.init("assessments.csv", .assessments, bytes: try Self.fixture("assessments-datetime-year-10000.csv"))])
        #expect(Self.rejected(d) == [
            "2: date: \"9999-12-31T23:00:00-14:00\" is outside the supported dates 1850-01-01 … 2149-12-31",
            "3: date: \"2149-12-31T23:30:00Z\" falls outside the supported dates 1850-01-01 … 2149-12-31 in Copenhagen time",
            "5: date: \"1850-01-01T00:30:00+03:00\" falls outside the supported dates 1850-01-01 … 2149-12-31 in Copenhagen time",
            "6: date: \"2024-05-01T10:00:00+18:01\" is not a date; use \(DateParser.formats)",
        ])
        #expect(d.report[.assessments] == ImportCounts(read: 6, accepted: 2, rejected: 4))
        #expect(Fixtures.rows(d).map(\.day) == ["1850-01-01", "2024-05-02"])
    }

    @Test("the Copenhagen rule is total: any instant has a date, the extremes saturate")
    func copenhagenIsTotal() {
        let instants: [Int64] = [.min, .min + 1, -1, 0, 253_402_300_800 /* 10000-01-01T00:00Z */, .max - 3599, .max]
        let days = instants.map { Copenhagen.localDay(utcSeconds: $0).rawValue }
        #expect(days == [Int32.min, Int32.min, 0, 0, 2_932_897, Int32.max, Int32.max])
        #expect(Copenhagen.offset(utcSeconds: .max) == 3600)
        #expect(Copenhagen.offset(utcSeconds: 1_719_792_000) == 7200)   // 2024-07-01: summer time
        #expect(Copenhagen.lastSunday(year: 10_000, month: 3).iso == "10000-03-26")
    }

    @Test("a citizen id of 100 bytes on a row rejected for its status is not copied into the 64-byte buffer")
    func longCitizenIDOnARejectedRow() throws {
        let d = Fixtures.dataset([.init("assessments.csv", .assessments, bytes: try Self.fixture("assessments-long-citizen-id.csv"))])
        #expect(Self.rejected(d) == [
            "2: status: unknown status \"unknown-status\"; use active, resolved or entered-in-error",
            "3: citizen: the citizen id has 100 bytes, more than the 64 an id may have; is this the citizen column?",
        ])
        #expect(d.report[.assessments] == ImportCounts(read: 3, accepted: 1, rejected: 2))
        // The rejects file has no pseudonym for an id that is no citizen id.
        let key = try PseudonymKey(bytes: Array("a key of more than sixteen bytes".utf8))
        let rejects = RejectsFile.write(d.report, pseudonymizer: Pseudonymizer(key: key))
        #expect(rejects.split(separator: "\n").dropFirst().allSatisfy { $0.contains(Redaction.placeholder) })
        #expect(!rejects.contains("AAAAAAAAAA"))
    }

    @Test("a 1 MB citizen id, on a good row or a row rejected for its status, is a rejected row with its line")
    func megabyteCitizenID() {
        let id = String(repeating: "7", count: 1 << 20)
        let text = "citizen;date;condition;level;status\n\(id);2024-01-01;Vaske sig;2;\n\(id);2024-01-01;Vaske sig;2;bogus\n1111111118;2024-01-01;Vaske sig;2;\n"
        let d = Fixtures.assessments(text)
        let message = "the field has 1048576 bytes, more than the limit of 65536 (64 KiB); check for a stray quote that runs on over many lines"
        #expect(Self.rejected(d) == ["2: citizen: \(message)", "3: citizen: \(message)"])
        #expect(d.report[.assessments] == ImportCounts(read: 3, accepted: 1, rejected: 2))
        #expect(d.report.rejected.allSatisfy { $0.cells.allSatisfy { $0.utf8.count < 100 } })
    }

    @Test("a CPR number as a header cell is masked where a rejected row names its column")
    func cprHeaderCell() throws {
        let d = Fixtures.dataset([.init("assessments.csv", .assessments, bytes: try Self.fixture("assessments-cpr-header-cell.csv"))])
        #expect(Self.rejected(d) == ["2: [fjernet]: text follows the closing quote; quote the whole value and double any quote inside it"])
        #expect(d.report.warnings.map(\.message) == ["ignoring unknown column \"[fjernet]\""])
        #expect(d.report[.assessments] == ImportCounts(read: 2, accepted: 1, rejected: 1))
        #expect(!d.report.problems.map(\.description).joined().contains("0101011234"))
    }

    @Test("course dates before 1850 or after 2149 (0001-01-01, 9999-12-31) are rejected rows")
    func farCourseDates() throws {
        let d = Fixtures.dataset([.init("courses.csv", .courses, bytes: try Self.fixture("courses-far-dates.csv"))])
        #expect(Self.rejected(d) == [
            "2: start: \"0001-01-01\" is outside the supported dates 1850-01-01 … 2149-12-31",
            "3: end: \"31.12.9999\" is outside the supported dates 1850-01-01 … 2149-12-31, or leave it empty for an open course",
            "4: start: \"1849-12-31\" is outside the supported dates 1850-01-01 … 2149-12-31",
        ])
        #expect(d.report[.courses] == ImportCounts(read: 4, accepted: 1, rejected: 3))
        #expect(d.courses.map { "\($0.start)…\($0.end.map(\.iso) ?? "")" } == ["2024-01-01…2149-12-31"])
    }

    @Test("hours, minutes and amounts of 1e308 or 1e20 are rejected rows, so no cost is infinite; the bounds themselves are read")
    func hugeCostNumbers() throws {
        let d = Fixtures.dataset([.init("costs.csv", .costs, bytes: try Self.fixture("costs-huge-numbers.csv"))], hourlyRate: 400)
        #expect(Self.rejected(d) == [
            "2: hours: \"1e308\" is more than 10000 hours, the most a cost row may have",
            // The cell is quoted masked: a run of ten or more digits may hide a CPR number.
            "3: minutes: \"[fjernet]\" is more than 600000 minutes, the most a cost row may have",
            "4: amount: \"1e308\" is more than 100000000 kr, the most a cost row may have",
            "5: amount: \"-1e308\" is less than -100000000 kr, the least a cost row may have",
            "6: hours: \"-1\" is less than 0 hours, the least a cost row may have",
            "8: hours: \"1e309\" is not a number",
        ])
        #expect(d.report.rejected.map(\.reason) == ["number out of range", "number out of range", "number out of range", "number out of range", "number out of range", "bad number"])
        #expect(d.report[.costs] == ImportCounts(read: 7, accepted: 1, rejected: 6))
        #expect(d.costs?.cost == [-100_000_000])
        #expect(d.costs?.hours == [20_000])
    }

    @Test("a row with no quantity in a costs file of amounts only is rejected at the amount column, not an index past the header")
    func amountOnlyCostsWithAnEmptyRow() throws {
        let d = Fixtures.dataset([.init("costs.csv", .costs, bytes: try Self.fixture("costs-amount-only-empty.csv"))])
        #expect(Self.rejected(d) == ["2: beløb: the row has no hours, minutes or amount"])
        #expect(d.report[.costs] == ImportCounts(read: 2, accepted: 1, rejected: 1))
        #expect(d.costs?.cost == [250])
    }

    @Test("rates of 1e308 or below 0 are rejected rows; the accounting holds with a superseded rate")
    func hugeRates() throws {
        let d = Fixtures.dataset([.init("rates.csv", .rates, bytes: try Self.fixture("rates-huge.csv"))])
        #expect(Self.rejected(d) == [
            "2: rate: \"1e308\" is more than 100000 kr per hour, the most a rate may have",
            "4: rate: \"-5\" is less than 0 kr per hour, the least a rate may have",
            "5: rate: \"100000,01\" is more than 100000 kr per hour, the most a rate may have",
        ])
        #expect(d.report[.rates] == ImportCounts(read: 5, accepted: 1, rejected: 3, superseded: 1))
        #expect(d.pricing.rates == ["hjælp": 365])
    }

    @Test("thousands of distinct long unknown conditions: no quadratic \"did you mean\", each rejected with its line")
    func longUnknownConditions() {
        var text = "citizen;date;condition;level\n"
        for k in 0..<500 { text += "1111111118;2024-01-01;tok\(k) \(String(repeating: "q", count: 1000));2\n" }
        text += "1111111118;2024-01-01;Vaske sigg;2\n"
        let started = DispatchTime.now().uptimeNanoseconds
        let d = Fixtures.assessments(text)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        #expect(d.report[.assessments] == ImportCounts(read: 501, rejected: 501))
        #expect(d.report.rejected.first?.message == "unknown condition \"tok0 \(String(repeating: "q", count: 55))… (1005 bytes)\"; use an FSIII home-care condition (UUID, key such as J1.1, or name; `fsiii codes` lists them)")
        #expect(d.report.rejected.first?.line == 2)
        #expect(d.report.rejected.last?.message == "unknown condition \"Vaske sigg\" — did you mean \"Vaske sig\"?")
        #expect(d.report.rejected.last?.line == 502)
        // Before the bound, the edit distances took minutes (500 × 1000 × 30 × 40 steps).
        #expect(seconds < 10, "\(seconds) s")
    }

    @Test("no suggestion is lost by the length bound: a name's near miss of any length is still suggested")
    func suggestionsStillFound() {
        let t = Terminology.builtIn
        let longest = t.conditions.max { $0.display.count < $1.display.count }!.display
        #expect(t.nearestConditionName(to: longest + "xx") == longest)
        #expect(t.nearestConditionName(to: "Vaske sigg") == "Vaske sig")
        #expect(t.nearestConditionName(to: String(repeating: "Vaske sig ", count: 100)) == nil)
    }
}
