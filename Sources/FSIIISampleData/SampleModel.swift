import FSIIIEffect

/// What `SampleGenerator` makes for one citizen: synthetic but realistic
/// FSIII data (no real person's data; ids are CPR-shaped so the CPR
/// handling is exercised).
public struct SampleCitizen: Sendable {
    public var index: Int
    /// A synthetic CPR-shaped id, `DDMMYY-XXXX`, with a valid birth date.
    public var id: String
    public var birth: Day
    public var team: Int
    public var municipality: Int
    public var assessments: [SampleAssessment] = []
    public var courses: [SampleCourse] = []
    public var costs: [SampleCost] = []
}

/// One assessment row, with the cell styles it is written in.
public struct SampleAssessment: Sendable {
    public enum Status: Sendable { case active, resolved, enteredInError }
    /// A deliberately unreadable row (only in data made with `badRows`).
    public enum Defect: Sendable { case badDate, unknownCondition, badLevel, missingCitizen }
    public var day: Day
    public var condition: ConditionCode
    public var level: UInt8
    public var goal: UInt8?
    public var status: Status = .active
    public var id: String
    public var defect: Defect?
    /// Random numbers choosing the token style of each cell.
    public var style: UInt32 = 0
}

public struct SampleCourse: Sendable {
    public var id: String
    public var start: Day
    public var end: Day?
    public var team: Int
    /// The § 83a intervention (index into `Terminology.rehabilitation`'s interventions).
    public var intervention: Int
}

/// A home-care delivery: minutes of a service on a day.
public struct SampleCost: Sendable {
    public var day: Day
    public var minutes: Int
    public var service: Int
}

/// What to generate.
public struct SampleSpec: Sendable {
    public var citizens = 300
    public var seed: UInt64 = 1
    /// Number of teams; by default about one per 25 citizens, 3 to 40.
    public var teams: Int?
    public var firstDay = Day(year: 2023, month: 1, day: 1)!
    public var lastDay = Day(year: 2025, month: 9, day: 30)!
    /// Write conditions, levels and dates in mixed styles (SPEC §2).
    public var mixedTokens = true
    /// Add duplicates, entered-in-error rows, resolved rows and a few
    /// unreadable rows, so the import rules are exercised.
    public var badRows = true
    /// Cost rows: one per visit day (`daily`), one per week, or none.
    public var costDetail: CostDetail = .daily

    public enum CostDetail: String, Sendable, CaseIterable { case daily, weekly, none }

    public init() {}

    public var teamCount: Int { teams ?? min(40, max(3, citizens / 25)) }

    /// About how many assessment rows a citizen gets (for `--rows N`).
    public static let assessmentRowsPerCitizen = 9.5
}

/// Team, municipality and service names of the sample data.
public enum SampleNames {
    public static let municipalities = ["Kommune Nord", "Kommune Syd", "Kommune Øst"]
    static let places = ["Nørrebro", "Østerbro", "Vesterbro", "Amager", "Valby", "Brønshøj", "Vanløse", "Bispebjerg",
                         "Sundby", "Ørestad", "Christianshavn", "Frederiksberg", "Hvidovre", "Glostrup", "Ballerup", "Herlev",
                         "Gladsaxe", "Lyngby", "Gentofte", "Søborg", "Rødovre", "Albertslund", "Ishøj", "Brøndby",
                         "Tårnby", "Dragør", "Høje-Taastrup", "Egedal", "Furesø", "Allerød", "Hillerød", "Fredensborg",
                         "Helsingør", "Gribskov", "Halsnæs", "Frederikssund", "Roskilde", "Greve", "Solrød", "Køge"]

    public static func team(_ i: Int) -> String {
        i < places.count ? "Hold \(places[i])" : "Hold \(i + 1)"
    }

    /// Home-care services and their rates in kr per hour.
    public static let services: [(name: String, rate: Double)] = [
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
