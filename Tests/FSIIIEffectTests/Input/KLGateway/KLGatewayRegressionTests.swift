import Foundation
import Testing
@testable import FSIIIEffect
import FSIIITestSupport
import FSIIIStatistics
@testable import FSIIIBytes

/// Inputs that crashed the KL Gateway import (year-10000 instants trapped
/// in the Copenhagen time-zone rules) or were read wrongly (an offset of
/// +99:99 was taken as 100 hours), kept as fixtures in
/// `Fixtures/regressions/fhir/` (issue 16), each with the exact outcome it
/// has now: the bad field is one rejected item with its reason, the rest
/// of the file is read, and the accounting balances. The fixtures'
/// severity `B3` is level 2 of the FSIII scale.
@Suite("KL Gateway regressions")
struct KLGatewayRegressionTests {
    static func load(_ name: String) throws -> Dataset {
        let url = Fixtures.fixtureFolder().appendingPathComponent("regressions/fhir").appendingPathComponent(name)
        return try DatasetLoader.load([InputPath(url.path, kind: .fhir)], options: ImportOptions(hourlyRate: 400))
    }

    /// `line: place: reason` of each problem, for exact comparisons.
    static func outline(_ d: Dataset) -> [String] {
        d.report.problems.map { "\($0.line): \($0.column): \($0.reason)" }
    }

    @Test("a Bundle.timestamp in year 10000 (UTC) rejects its report, which once crashed the time-zone rules; the next report is read")
    func timestampInYear10000() throws {
        let d = try Self.load("year-10000-timestamp.ndjson")
        #expect(Self.outline(d) == ["1: Bundle: bad timestamp"])
        #expect(d.report.problems.first?.message.contains("\"9999-12-31T23:59:59-14:00\" is not an instant") == true)
        #expect(d.report[.fhir] == ImportCounts(read: 4, accepted: 2, rejected: 2))
        #expect(d.assessed(KLFixture.cpr) == [Assessed("Vaske sig", "2024-01-10", 2)])
    }

    @Test("dates and times past 9999-12-31 or before 0001-01-01 in every field reject their resource; the rest of the report is read")
    func datesOutOfRange() throws {
        let d = try Self.load("year-10000-dates.ndjson")
        #expect(Self.outline(d) == [
            "1: entry 2 (Condition): bad date",        // recordedDate, in year 10000 in UTC
            "1: entry 3 (Condition): bad timestamp",   // meta.lastUpdated
            "1: entry 5 (CarePlan): bad date",         // period.start
            "1: entry 6 (Encounter): bad time",        // period.end, local time past 9999-12-31
            "1: entry 7 (Goal): bad date",             // startDate in year 0
            "1: entry 8 (Observation): bad date",      // effectiveDateTime before 0001-01-01 in UTC
        ])
        #expect(d.report[.fhir] == ImportCounts(read: 8, accepted: 2, rejected: 6))
        #expect(d.assessed(KLFixture.cpr) == [Assessed("Af- og påklædning", "2024-01-10", 2)])
    }

    @Test("offsets beyond ±14:00, negative and zero years are not instants; a long fraction of a second is")
    func extremeInstants() throws {
        let d = try Self.load("extreme-instants.ndjson")
        #expect(Self.outline(d) == ["1: Bundle: bad timestamp", "2: Bundle: bad timestamp", "3: Bundle: bad timestamp"])
        #expect(d.report[.fhir] == ImportCounts(read: 8, accepted: 2, rejected: 6))
        // 20:00:00.999… at +14:00 is 06:00 UTC, 07:00 in Copenhagen: the same day.
        #expect(d.assessed(KLFixture.cpr) == [Assessed("Vaske sig", "2024-01-10", 2)])
    }
}
