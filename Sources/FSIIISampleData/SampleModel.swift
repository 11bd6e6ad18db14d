import FSIIIEffect

/// What `SampleGenerator` makes for one citizen: synthetic but realistic
/// FSIII data (no real person's data; ids are CPR-shaped so the CPR
/// handling is exercised).
package struct SampleCitizen: Sendable {
    package var index: Int
    /// A synthetic CPR-shaped id, `DDMMYY-XXXX`, with a valid birth date.
    package var id: String
    package var birth: Day
    package var team: Int
    package var municipality: Int
    package var assessments: [SampleAssessment] = []
    package var courses: [SampleCourse] = []
    package var costs: [SampleCost] = []
}

/// One assessment row, with the cell styles it is written in.
package struct SampleAssessment: Sendable {
    package enum Status: Sendable { case active, resolved, enteredInError }
    /// A deliberately unreadable row (only in data made with `badRows`).
    package enum Defect: Sendable { case badDate, unknownCondition, badLevel, missingCitizen }
    package var day: Day
    package var condition: ConditionCode
    package var level: UInt8
    package var goal: UInt8?
    package var status: Status = .active
    package var id: String
    package var defect: Defect?
    /// Random numbers choosing the token style of each cell.
    package var style: UInt32 = 0
}

package struct SampleCourse: Sendable {
    package var id: String
    package var start: Day
    package var end: Day?
    package var team: Int
    /// The § 83a intervention (index into `Terminology.rehabilitation`'s interventions).
    package var intervention: Int
}

/// A home-care delivery: minutes of a service on a day.
package struct SampleCost: Sendable {
    package var day: Day
    package var minutes: Int
    package var service: Int
}

/// What to generate.
package struct SampleSpec: Sendable {
    package var citizens = 300
    package var seed: UInt64 = 1
    /// Number of teams; by default about one per 25 citizens, 3 to 40.
    package var teams: Int?
    package var firstDay = Day(year: 2023, month: 1, day: 1)!
    package var lastDay = Day(year: 2025, month: 9, day: 30)!
    /// Write conditions, levels and dates in mixed styles (SPEC §2).
    package var mixedTokens = true
    /// Add duplicates, entered-in-error rows, resolved rows and a few
    /// unreadable rows, so the import rules are exercised.
    package var badRows = true
    /// Cost rows: one per visit day (`daily`), one per week, or none.
    package var costDetail: CostDetail = .daily

    package enum CostDetail: String, Sendable, CaseIterable { case daily, weekly, none }

    package init() {}

    package var teamCount: Int { teams ?? min(40, max(3, citizens / 25)) }

    /// About how many assessment rows a citizen gets (for `--rows N`).
    package static let assessmentRowsPerCitizen = 9.5
}

/// Team, municipality and service names of the sample data.
package enum SampleNames {
    package static let municipalities = ["Kommune Nord", "Kommune Syd", "Kommune Øst"]
    static let places = ["Nørrebro", "Østerbro", "Vesterbro", "Amager", "Valby", "Brønshøj", "Vanløse", "Bispebjerg",
                         "Sundby", "Ørestad", "Christianshavn", "Frederiksberg", "Hvidovre", "Glostrup", "Ballerup", "Herlev",
                         "Gladsaxe", "Lyngby", "Gentofte", "Søborg", "Rødovre", "Albertslund", "Ishøj", "Brøndby",
                         "Tårnby", "Dragør", "Høje-Taastrup", "Egedal", "Furesø", "Allerød", "Hillerød", "Fredensborg",
                         "Helsingør", "Gribskov", "Halsnæs", "Frederikssund", "Roskilde", "Greve", "Solrød", "Køge"]

    package static func team(_ i: Int) -> String {
        i < places.count ? "Hold \(places[i])" : "Hold \(i + 1)"
    }

    /// Home-care services and their rates in kr per hour.
    package static let services: [(name: String, rate: Double)] = [
        ("Personlig pleje § 83", 412.50),
        ("Praktisk hjælp § 83", 365.00),
        ("Rehabilitering § 83a", 468.00),
    ]

    /// A rate as the rates file writes it: the shortest digits with a
    /// decimal comma (`412,5`, `365`), as `CSVDialect.excelDA` writes a
    /// number in the reports (kept here so sample data needs no reports).
    static func rateCell(_ rate: Double) -> String {
        let s = rate.description
        return (s.hasSuffix(".0") ? String(s.dropLast(2)) : s).replacingOccurrences(of: ".", with: ",")
    }
}
