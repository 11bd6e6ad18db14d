/// The figures of one course (SPEC §6), or why it has none (SPEC §5).
public struct CourseResult: Sendable, Hashable {
    /// Index into the courses the evaluation was given.
    public var course: Int
    public var citizen: UInt32
    /// The team the course is attributed to: its own, else from the
    /// citizen's assessments (SPEC §5); 0 = `(ukendt)`.
    public var team: UInt32
    public var municipality: UInt32
    public var start: Day
    public var end: Day?
    /// nil when the course is evaluable.
    public var notEvaluable: NotEvaluableReason?
    /// Compared conditions.
    public var n = 0
    public var baselineSum = 0
    public var followUpSum = 0
    public var improved = 0
    public var unchanged = 0
    public var worsened = 0
    public var goalsSet = 0
    public var goalsMet = 0
    /// This course's pairs in `CourseEvaluation.pairs`.
    public var pairs: Range<Int> = 0..<0
    /// Age in whole years at start, from a CPR number; nil when unknown.
    public var age: Int?

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
