import Foundation
import FSIIIEffect

/// What `SampleGenerator` makes for one citizen: synthetic but realistic
/// FSIII data (no real person's data; ids are CPR-shaped so the CPR
/// handling is exercised).
package struct SampleCitizen: Sendable {
    package var index: Int
    /// A synthetic CPR-shaped id, `DDMMYY-XXXX`, with a valid birth date;
    /// the last digit is odd for a man, even for a woman.
    package var id: String
    package var birth: Day
    package var team: Int
    package var municipality: Int
    /// The days the citizen receives home care within the data: from the
    /// data's first day (or a later entry) to the last day (or an earlier
    /// exit: death, a move to a nursing home). No row lies outside.
    package var inCare: ClosedRange<Day>
    /// The citizen's function drops (a hospital stay, a fall), each
    /// followed by a reassessment and natural recovery.
    package var drops: [Day] = []
    /// Whether the citizen takes part in courses when referred (drawn
    /// independently of everything else): one who does not is never
    /// referred, one who does may be at any reassessment.
    package var acceptsCourses = false
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
    /// What the generator planted in this course: the answer a course
    /// effect estimator should find.
    package var truth: SampleTruth
}

/// The known answer for one course: why it was given and the effect it
/// has on the citizen's latent level of every condition, day by day
/// (points per condition, improvement positive: the `meanChange` scale of
/// SPEC §6).
///
/// The effect builds linearly from `effectStart` (the course start, or
/// its baseline assessment when that comes after the start) to `effectFull`
/// (two thirds of the way to the planned end), stays full until 14 days
/// after `plannedEnd` (the follow-up window of SPEC §5, so every follow-up
/// sees the full effect), then halves every `halfLifeDays` (exponential
/// decay; nil: it lasts).
/// In the counterfactual world (`SampleSpec.counterfactual`) it is 0 and
/// everything else is the same.
package struct SampleTruth: Sendable, Hashable {
    /// The assessment whose observed levels decided the referral (SPEC §5's
    /// baseline unless the course starts more than 30 days later).
    package var referralDay: Day
    /// The latest function drop before the referral (nil: none).
    package var dropDay: Day?
    /// The full effect: `SampleSpec.effect` times the team's modifier.
    package var fullEffect: Double
    package var effectStart: Day
    package var effectFull: Day
    /// The day the course really ended (also for a course recorded as open).
    package var plannedEnd: Day
    /// The half-life of the effect after `plannedEnd`, in days; nil when it lasts.
    package var halfLifeDays: Double?
    /// The course's own follow-up assessment, when one was made.
    package var followUpDay: Day?

    /// The planted effect on `day`, in points per condition.
    package func effect(on day: Day) -> Double {
        if day <= effectStart { return 0 }
        if day < effectFull { return fullEffect * Double(day - effectStart) / Double(effectFull - effectStart) }
        if day <= plannedEnd + 14 { return fullEffect }
        guard let halfLifeDays else { return fullEffect }
        return fullEffect * exp2(-Double(day - plannedEnd - 14) / halfLifeDays)
    }
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
    /// Number of teams; by default about one per 50 citizens, 3 to 40.
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
    /// The planted course effect: the extra improvement of the latent
    /// level of every condition that a course causes by its end, in points
    /// per condition (the `meanChange` scale of SPEC §6, improvement
    /// positive), on top of the natural recovery; each team's courses have
    /// a multiple of it (mean 1). 0: courses do nothing. −1 to 2.
    package var effect = 0.30
    /// Natural recovery after a function drop, with or without a course:
    /// the net expected latent improvement from the low point after a drop
    /// over `naturalSpanDays` (the mean span from a course's baseline to
    /// its follow-up), in points per condition (the `meanChange` scale),
    /// net of drift and new drops (`SampleGenerator.healingRate`); it lasts
    /// until the drop's recoverable part has healed. 0 to 0.5.
    package var natural = 0.20
    /// Half-life of the planted effect after the course (from 14 days
    /// after its end), in months of 30.4375 days; 0: the effect lasts.
    package var decayMonths = 6.0
    /// Write the world in which the courses had no effect: the same
    /// citizens, drops, referrals, courses and random draws, only the
    /// course effect left out (so hours and levels after a course differ).
    /// Its difference from the factual world is the planted effect.
    package var counterfactual = false
    /// The FSIII simplification (issue 20): municipality m switches from
    /// the legacy J conditions to the simplified model on `switchDate` +
    /// m · `switchStaggerDays` (a date after `lastDay`: never). Citizens
    /// then have legacy conditions only (J keys, the kept ones included),
    /// and from their municipality's switch on each occasion rates the
    /// simplified conditions instead: the most limited of the parts the
    /// crosswalk maps to it (as `--combine max`), one step off with
    /// probability `switchNoise`; parts without a successor are no longer
    /// rated. The latent levels go on as before, so the planted jump at
    /// the switch is zero. nil (the default): both models mixed, no switch.
    package var switchDate: Day?
    package var switchStaggerDays = 120
    package var switchNoise = 0.10

    /// The span `natural` is given over: 80 days, about the mean span from
    /// a course's baseline (at most 25 days before the start) to its
    /// follow-up (near the end of a course of 8–12 weeks).
    package static let naturalSpanDays = 80

    package enum CostDetail: String, Sendable, CaseIterable { case daily, weekly, none }

    package init() {}

    package var teamCount: Int { teams ?? min(40, max(3, citizens / 50)) }

    /// About how many assessment rows a citizen gets (for `--rows N`):
    /// 37.4 on 40,000 citizens with the defaults (1,494,628 rows; 16,553
    /// courses, 0.41 a citizen; 106 weekly cost rows a citizen). The
    /// generator before issue 18 made 9.5 (rows only around the courses).
    package static let assessmentRowsPerCitizen = 37.4
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
