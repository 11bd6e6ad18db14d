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
}
