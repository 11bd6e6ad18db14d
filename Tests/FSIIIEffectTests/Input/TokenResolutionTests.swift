import Testing
@testable import FSIIIEffect

/// SPEC §2: conditions by UUID, legacy key or display name; levels by
/// number, key, UUID or label; dates in four formats and ISO date-times in
/// Europe/Copenhagen.
@Suite("Token resolution")
struct TokenResolutionTests {
    let t = Terminology.builtIn

    @Test("a condition by UUID, legacy key, legacy slug or display name", arguments: [
        "4d46bd94-9518-431c-82e8-ebb91bca307a", "4D46BD94-9518-431C-82E8-EBB91BCA307A", "J1.1", "j1.1", "Vaske sig",
        "  vaske   SIG ", "Vaske\u{00A0}sig",
    ])
    func vaskeSig(token: String) {
        #expect(t.condition(forToken: token).map { t[$0].display } == "Vaske sig")
    }

    @Test("new-model concepts by their legacy-tree slug")
    func slugs() {
        #expect(t.condition(forToken: "Personlig_pleje").map { t[$0].display } == "Personlig pleje")
        #expect(t.condition(forToken: "Mobilitet_og_bevaegelse").map { t[$0].display } == "Mobilitet og bevægelse")
        #expect(t.condition(forToken: "Trivsel_funktionsevnetilstand").map { t[$0].display } == "Trivsel")
    }

    @Test("hyphen and en dash are the same in display names")
    func dashes() {
        #expect(t.condition(forToken: "Af– og påklædning").map { t[$0].display } == "Af- og påklædning")
        #expect(t.condition(forToken: "AF- OG PÅKLÆDNING").map { t[$0].display } == "Af- og påklædning")
    }

    @Test("only home-care functional conditions resolve")
    func onlyHomeCare() {
        #expect(t.condition(forToken: "Problemer med søvn og hvile") == nil)   // a nursing condition
        #expect(t.condition(forToken: "J1") == nil)                             // an area, not a condition
        #expect(t.condition(forToken: "Vaske sigg") == nil)
    }

    @Test("the nearest display name of a near miss")
    func suggestions() {
        #expect(t.nearestConditionName(to: "Vaske sigg") == "Vaske sig")
        #expect(t.nearestConditionName(to: "lave maad") == "Lave mad")
        #expect(t.nearestConditionName(to: "Mobilitet og bevægelser") == "Mobilitet og bevægelse")
        #expect(t.nearestConditionName(to: "xyz") == nil)
        // Characters compare as characters: a decomposed å is the å of the name.
        #expect(t.nearestConditionName(to: "Af- og pa\u{030A}klædningg") == "Af- og påklædning")
        #expect(Terminology.editDistance(Array("kitten"), Array("sitting")) == 3)
    }

    @Test("levels in every accepted form", arguments: [
        ("0", 0), ("4", 4), ("9", 9), ("B1", 0), ("b3", 2), ("B5", 4), ("B6", 9),
        ("9c5cfb57-a498-40e5-98a7-792bf5fb205b", 0), ("d7ff926a-4955-478f-b300-0b0ec0785013", 9),
        ("Ingen begrænsninger", 0), ("lette begrænsninger", 1), ("Moderate begrænsninger", 2),
        ("Svære begrænsninger", 3), ("Totale begrænsninger", 4), ("Ikke relevant", 9), ("Ingen/ubetydelige begrænsninger", 0),
    ])
    func levels(token: String, level: Int) {
        #expect(t.level(forToken: token).map { Int($0.rawValue) } == level)
    }

    @Test("not levels", arguments: ["5", "-1", "2.5", "x", "B7", "", "02"])
    func notLevels(token: String) {
        #expect(t.level(forToken: token) == nil)
    }

    @Test("the four date formats", arguments: ["2024-03-05", "05-03-2024", "05.03.2024", "05/03/2024", "5.3.2024", " 2024-03-05 "])
    func dates(text: String) {
        #expect(DateParser.parse(text)?.iso == "2024-03-05")
    }

    @Test("not dates", arguments: ["31-02-2024", "2024-13-01", "i går", "2024/03/05", "05-03-24", "", "2024-03-05T", "20240305"])
    func notDates(text: String) {
        #expect(DateParser.parse(text) == nil)
    }

    @Test("ISO date-times become the calendar date in Copenhagen", arguments: [
        ("2024-01-15T22:59:59Z", "2024-01-15"),        // 23:59:59 CET
        ("2024-01-15T23:00:00Z", "2024-01-16"),        // midnight CET
        ("2024-07-15T21:59:00Z", "2024-07-15"),        // 23:59 CEST
        ("2024-07-15T22:00:00Z", "2024-07-16"),        // midnight CEST
        ("2024-03-31T00:59:59Z", "2024-03-31"),        // just before summer time starts (01:00 UTC, last Sunday of March)
        ("2024-10-26T22:30:00Z", "2024-10-27"),        // 00:30 CEST on the night summer time ends
        ("2024-07-15T23:30:00+02:00", "2024-07-15"),
        ("2024-07-15T23:30:00-01:00", "2024-07-16"),   // 00:30 UTC = 02:30 CEST
        ("2021-02-25T02:00:36Z", "2021-02-25"),        // JensHansen-3's timestamp
        ("2024-07-15T10:00:00.123+0200", "2024-07-15"),
        ("2024-07-15T10:00", "2024-07-15"),            // no offset: already local
    ])
    func dateTimes(text: String, expected: String) {
        #expect(DateParser.parse(text)?.iso == expected)
    }

    @Test("days and civil dates round-trip, leap years included")
    func days() {
        #expect(Day(year: 1970, month: 1, day: 1)?.rawValue == 0)
        #expect(Day(year: 2024, month: 2, day: 29) != nil && Day(year: 2023, month: 2, day: 29) == nil)
        #expect(Day(year: 2000, month: 2, day: 29) != nil && Day(year: 1900, month: 2, day: 29) == nil)
        for raw in stride(from: -40000, to: 40000, by: 97) {
            let d = Day(rawValue: Int32(raw))
            let c = d.civil
            #expect(Day(year: c.year, month: c.month, day: c.day) == d)
        }
        // The month table (1850–2149) against the formula, every day and
        // every day that does not exist; years outside it use the formula.
        for year in [1849, 1850, 1900, 1999, 2000, 2024, 2100, 2149, 2150, 1700, 2500] {
            for month in 1...12 {
                let length = Day.daysIn(month: month, year: year)
                for day in 1...length {
                    #expect(Day(year: year, month: month, day: day)?.rawValue == Int32(Day.daysFromCivil(year, month, day)))
                }
                #expect(Day(year: year, month: month, day: length + 1) == nil && Day(year: year, month: month, day: 0) == nil)
            }
        }
        #expect(Day(year: 2024, month: 13, day: 1) == nil && Day(year: 2024, month: 0, day: 1) == nil)
        #expect(Day(year: 2024, month: 3, day: 31)?.weekday == 6)  // a Sunday
        #expect(Copenhagen.lastSunday(year: 2024, month: 10).iso == "2024-10-27")
    }

    @Test("CPR numbers: normalised, and the birth date by the century rule", arguments: [
        ("010140-1234", "1940-01-01"), ("0101401234", "1940-01-01"), ("020250-4321", "1950-02-02"),
        ("020210-4321", "2010-02-02"), ("311299-9999", "1999-12-31"), ("010160-5000", "1860-01-01"), ("010120-6000", "2020-01-01"),
    ])
    func cpr(id: String, birth: String) {
        var registry = CitizenRegistry()
        let c = registry.intern(rawID: id)
        #expect(registry.birthDay(Int(c))?.iso == birth)
        #expect(registry.find(rawID: id.replacingOccurrences(of: "-", with: "")) == Int(c))
    }

    @Test("ids that are not CPR numbers have no birth date")
    func notCPR() {
        var registry = CitizenRegistry()
        let opaque = registry.intern(rawID: "B-1001")
        let impossible = registry.intern(rawID: "3102401234")  // 31 February
        #expect(registry.birthDay(Int(opaque)) == nil)
        #expect(registry.birthDay(Int(impossible)) == nil)
    }
}
