/// The figures of one course (SPEC §6), or why it has none (SPEC §5):
/// read-only outside the package, one per course of `EffectReport.courses`.
///
/// A run holds a million of these at once, so they are stored in 32 bits
/// or less (76 bytes, against 140 with `Int`s) and read as `Int`s.
public struct CourseResult: Sendable, Hashable {
    private var course32: UInt32
    /// The citizen's index in the import (never an id; no use outside the package).
    package var citizen: UInt32
    /// The team the course is attributed to: its own, else from the
    /// citizen's assessments (SPEC §5); 0 = `(ukendt)`.
    package var team: UInt32
    package var municipality: UInt32
    /// The course's first day (SPEC §5).
    public package(set) var start: Day
    /// The course's last day; nil while it is open (then `notEvaluable` is `.open`).
    public package(set) var end: Day?
    /// Why the course has no figures (the first reason of SPEC §5 that
    /// applies); nil when the course is evaluable.
    public package(set) var notEvaluable: NotEvaluableReason?
    private var n32: Int32 = 0, baselineSum32: Int32 = 0, followUpSum32: Int32 = 0
    private var improved32: Int32 = 0, unchanged32: Int32 = 0, worsened32: Int32 = 0
    private var goalsSet32: Int32 = 0, goalsMet32: Int32 = 0
    private var pairsLower: UInt32 = 0, pairsUpper: UInt32 = 0
    private var age16: Int16?

    package init(course: Int, citizen: UInt32, team: UInt32, municipality: UInt32, start: Day, end: Day?) {
        course32 = UInt32(course)
        self.citizen = citizen
        self.team = team
        self.municipality = municipality
        self.start = start
        self.end = end
    }

    /// The team the course is attributed to (`team`), typed: its own, else
    /// the one of the citizen's assessments (SPEC §5); `.unknown` for none.
    public var teamID: TeamID { TeamID(team) }
    /// The municipality the course is attributed to, like `teamID`.
    public var municipalityID: MunicipalityID { MunicipalityID(municipality) }

    /// Index into the courses the evaluation was given (course order of the import).
    public package(set) var course: Int { get { Int(course32) } set { course32 = UInt32(newValue) } }
    /// n, the compared conditions (pairs of baseline and follow-up, SPEC §6).
    public package(set) var n: Int { get { Int(n32) } set { n32 = Int32(newValue) } }
    /// Σb, the baseline levels of the compared conditions summed (0–4 each).
    public package(set) var baselineSum: Int { get { Int(baselineSum32) } set { baselineSum32 = Int32(newValue) } }
    /// Σf, the follow-up levels of the compared conditions summed.
    public package(set) var followUpSum: Int { get { Int(followUpSum32) } set { followUpSum32 = Int32(newValue) } }
    /// Compared conditions with f < b.
    public package(set) var improved: Int { get { Int(improved32) } set { improved32 = Int32(newValue) } }
    /// Compared conditions with f = b.
    public package(set) var unchanged: Int { get { Int(unchanged32) } set { unchanged32 = Int32(newValue) } }
    /// Compared conditions with f > b.
    public package(set) var worsened: Int { get { Int(worsened32) } set { worsened32 = Int32(newValue) } }
    /// Compared conditions with a goal level (a goal of 9 is none, SPEC §6).
    public package(set) var goalsSet: Int { get { Int(goalsSet32) } set { goalsSet32 = Int32(newValue) } }
    /// Of those, the conditions whose follow-up reached the goal (f ≤ goal).
    public package(set) var goalsMet: Int { get { Int(goalsMet32) } set { goalsMet32 = Int32(newValue) } }
    /// This course's pairs in `CourseEvaluation.pairs`.
    package var pairs: Range<Int> {
        get { Int(pairsLower)..<Int(pairsUpper) }
        set { pairsLower = UInt32(newValue.lowerBound); pairsUpper = UInt32(newValue.upperBound) }
    }
    /// Age in whole years at start, from a CPR number; nil when unknown.
    public package(set) var age: Int? { get { age16.map(Int.init) } set { age16 = newValue.map(Int16.init) } }

    /// Whether the course has figures (`notEvaluable == nil`).
    public var isEvaluable: Bool { notEvaluable == nil }
    /// `Σ(b − f)` in points; positive is improvement.
    public var change: Int { baselineSum - followUpSum }
    /// `change / n` in points per condition; NaN when n = 0 (not evaluable).
    public var meanChange: Double { n > 0 ? Double(change) / Double(n) : .nan }
    /// `change / baselineSum`: the share of the limitation removed; nil when baselineSum = 0.
    public var effectiveness: Double? { baselineSum > 0 ? Double(change) / Double(baselineSum) : nil }
    /// Improved when `change > 0`, worsened when `change < 0`, else unchanged (SPEC §6).
    public var outcome: CourseOutcome { change > 0 ? .improved : change < 0 ? .worsened : .unchanged }
    /// `end − start + 1`.
    /// `end − start + 1` in days; nil while the course is open.
    public var days: Int? { end.map { $0 - start + 1 } }
}
