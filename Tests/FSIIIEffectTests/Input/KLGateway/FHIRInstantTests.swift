import Testing
@testable import FSIIIEffect

/// FHIR instants and date-times: UTC milliseconds and the Copenhagen date.
@Suite("FHIR instants")
struct FHIRInstantTests {
    @Test("an instant's date is its date in Copenhagen (CET in winter, CEST in summer)",
          arguments: [("2021-02-25T02:00:36Z", "2021-02-25"), ("2021-02-24T22:59:59Z", "2021-02-24"), ("2021-02-24T23:00:00Z", "2021-02-25"),
                      ("2021-06-30T21:59:00Z", "2021-06-30"), ("2021-06-30T22:00:00Z", "2021-07-01"),
                      ("2021-06-30T23:30:00+01:00", "2021-07-01"), ("2021-06-30T08:00:00-05:00", "2021-06-30")])
    func localDay(text: String, day: String) throws {
        #expect(try #require(FHIRInstant(text)).day.iso == day)
    }

    @Test("milliseconds since 1970 UTC, with offsets and fractions")
    func milliseconds() {
        #expect(FHIRInstant("1970-01-01T00:00:00Z")?.milliseconds == 0)
        #expect(FHIRInstant("1970-01-01T01:00:00+01:00")?.milliseconds == 0)
        let start = FHIRInstant("2021-02-13T08:05:00Z"), end = FHIRInstant("2021-02-13T08:25:00Z")
        #expect(start?.milliseconds == 1_613_203_500_000)
        let minutes: Int64 = ((end?.milliseconds ?? 0) - (start?.milliseconds ?? 0)) / 60_000
        #expect(minutes == 20)
        #expect(FHIRInstant("1970-01-01T00:00:01.25Z")?.milliseconds == 1250)
        // Without an offset: Copenhagen wall-clock time.
        #expect(FHIRInstant("1970-01-01T01:00:00")?.milliseconds == 0)
    }

    @Test("a bare date has no time; anything else is not an instant")
    func dates() {
        #expect(FHIRInstant("2021-02-10")?.hasTime == false)
        #expect(FHIRInstant("2021-02-10")?.day.iso == "2021-02-10")
        for bad in ["", "yesterday", "2021-02-30", "2021-02-10T25:00:00Z", "2021-02-10T10:00:00+0100", "2021-02-10T10:00:00Zx"] {
            #expect(FHIRInstant(bad) == nil, "\(bad)")
        }
    }

    /// A bare 0001-01-01 is local midnight, 23:00 UTC in year 0: not an
    /// instant (as a date it is, `localDate`).
    @Test("instants are years 0001 to 9999 in UTC and in Copenhagen; outside, a text is not an instant",
          arguments: [("0001-01-01T00:00:00Z", true), ("0001-01-01T00:59:59+01:00", false), ("0001-01-01", false), ("0001-01-02", true),
                      ("9999-12-31T22:59:59.999Z", true), ("9999-12-31T23:00:00Z", false), ("9999-12-31T23:59:59-14:00", false),
                      ("9999-12-31T24:59:60", false), ("9999-12-31", true), ("0000-12-31T23:00:00Z", false), ("-999999999-01-01", false),
                      ("+10000-01-01", false)])
    func range(text: String, accepted: Bool) {
        #expect((FHIRInstant(text) != nil) == accepted)
    }

    @Test("offsets up to ±14:00 are FHIR's; +99:99, -14:01 and +12:60 are not")
    func offsets() {
        #expect(FHIRInstant("2024-01-10T14:00:00+14:00")?.milliseconds == FHIRInstant("2024-01-10T00:00:00Z")?.milliseconds)
        #expect(FHIRInstant("2024-01-10T00:00:00-14:00")?.milliseconds == FHIRInstant("2024-01-10T14:00:00Z")?.milliseconds)
        for bad in ["2024-01-10T10:00:00+99:99", "2024-01-10T10:00:00-14:01", "2024-01-10T10:00:00+12:60", "2024-01-10T10:00:00+14:30"] {
            #expect(FHIRInstant(bad) == nil, "\(bad)")
        }
    }

    @Test("a fraction of a second of any length gives its first three digits as milliseconds")
    func longFraction() {
        let text = "1970-01-01T00:00:00." + String(repeating: "9", count: 10_000) + "Z"
        #expect(FHIRInstant(text)?.milliseconds == 999)
    }

    @Test("the local date of a FHIR date or date-time: a bare date as written, a date-time in Copenhagen, nothing else",
          arguments: [("2024-01-10", "2024-01-10"), (" 2024-01-10 ", "2024-01-10"), ("2024-01-10T23:30:00Z", "2024-01-11"),
                      ("2024-06-30T22:00:00Z", "2024-07-01"), ("2024-01-10T08:00:00", "2024-01-10"), ("0001-01-01", "0001-01-01"),
                      ("9999-12-31", "9999-12-31")])
    func localDate(text: String, day: String) {
        #expect(FHIRInstant.localDate(text)?.iso == day)
    }

    @Test("day-first dates of CSV files, and dates out of range, are not FHIR dates")
    func notLocalDates() {
        for bad in ["10-01-2024", "10.01.2024", "2024-02-30", "0000-01-01", "9999-12-31T23:59:59-14:00", "2024-01-10T25:00:00Z", ""] {
            #expect(FHIRInstant.localDate(bad) == nil, "\(bad)")
        }
    }

    @Test("an instant made from milliseconds outside the range still has a date: the nearest end's")
    func clampedDay() {
        #expect(FHIRInstant(milliseconds: .max).day.iso == "9999-12-31")
        #expect(FHIRInstant(milliseconds: .min).day.iso == "0001-01-01")
    }
}
