/// The figures of one course (SPEC §6), or why it has none (SPEC §5).
///
/// A run holds a million of these at once, so they are stored in 32 bits
/// or less (76 bytes, against 140 with `Int`s) and read as `Int`s.
public struct CourseResult: Sendable, Hashable {
    private var course32: UInt32
    public var citizen: UInt32
    /// The team the course is attributed to: its own, else from the
    /// citizen's assessments (SPEC §5); 0 = `(ukendt)`.
    public var team: UInt32
    public var municipality: UInt32
    public var start: Day
    public var end: Day?
    /// nil when the course is evaluable.
    public var notEvaluable: NotEvaluableReason?
    private var n32: Int32 = 0, baselineSum32: Int32 = 0, followUpSum32: Int32 = 0
    private var improved32: Int32 = 0, unchanged32: Int32 = 0, worsened32: Int32 = 0
    private var goalsSet32: Int32 = 0, goalsMet32: Int32 = 0
    private var pairsLower: UInt32 = 0, pairsUpper: UInt32 = 0
    private var age16: Int16?

    public init(course: Int, citizen: UInt32, team: UInt32, municipality: UInt32, start: Day, end: Day?) {
        course32 = UInt32(course)
        self.citizen = citizen
        self.team = team
        self.municipality = municipality
        self.start = start
        self.end = end
    }

    /// Index into the courses the evaluation was given.
    public var course: Int { get { Int(course32) } set { course32 = UInt32(newValue) } }
    /// Compared conditions.
    public var n: Int { get { Int(n32) } set { n32 = Int32(newValue) } }
    public var baselineSum: Int { get { Int(baselineSum32) } set { baselineSum32 = Int32(newValue) } }
    public var followUpSum: Int { get { Int(followUpSum32) } set { followUpSum32 = Int32(newValue) } }
    public var improved: Int { get { Int(improved32) } set { improved32 = Int32(newValue) } }
    public var unchanged: Int { get { Int(unchanged32) } set { unchanged32 = Int32(newValue) } }
    public var worsened: Int { get { Int(worsened32) } set { worsened32 = Int32(newValue) } }
    public var goalsSet: Int { get { Int(goalsSet32) } set { goalsSet32 = Int32(newValue) } }
    public var goalsMet: Int { get { Int(goalsMet32) } set { goalsMet32 = Int32(newValue) } }
    /// This course's pairs in `CourseEvaluation.pairs`.
    public var pairs: Range<Int> {
        get { Int(pairsLower)..<Int(pairsUpper) }
        set { pairsLower = UInt32(newValue.lowerBound); pairsUpper = UInt32(newValue.upperBound) }
    }
    /// Age in whole years at start, from a CPR number; nil when unknown.
    public var age: Int? { get { age16.map(Int.init) } set { age16 = newValue.map(Int16.init) } }

    public var isEvaluable: Bool { notEvaluable == nil }
    /// `Σ(b − f)` in points; positive is improvement.
    public var change: Int { baselineSum - followUpSum }
    /// `change / n`.
    public var meanChange: Double { n > 0 ? Double(change) / Double(n) : .nan }
    /// `change / baselineSum`: the share of the limitation removed; nil when baselineSum = 0.
    public var effectiveness: Double? { baselineSum > 0 ? Double(change) / Double(baselineSum) : nil }
    public var outcome: CourseOutcome { change > 0 ? .improved : change < 0 ? .worsened : .unchanged }
    /// `end − start + 1`.
    public var days: Int? { end.map { $0 - start + 1 } }
}
