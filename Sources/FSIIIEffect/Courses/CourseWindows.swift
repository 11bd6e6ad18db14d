/// The windows of SPEC §5, all configurable (`--lookback-days`,
/// `--baseline-grace-days`, `--follow-up-grace-days`).
public struct CourseWindows: Sendable, Hashable {
    /// Baseline: the latest assessment in `[start − lookbackDays, start]`…
    public var lookbackDays = 30
    /// …else the earliest in `(start, start + baselineGraceDays]`.
    public var baselineGraceDays = 14
    /// Follow-up: the latest after the baseline, on or before `end + followUpGraceDays`.
    public var followUpGraceDays = 14
    /// A course without a team takes the team of the citizen's latest
    /// assessment on or before `start + teamLookaheadDays`.
    public var teamLookaheadDays = 14

    /// The windows of SPEC §5 (30, 14 and 14 days by default; `teamLookaheadDays` 14).
    public init(lookbackDays: Int = 30, baselineGraceDays: Int = 14, followUpGraceDays: Int = 14) {
        self.lookbackDays = lookbackDays
        self.baselineGraceDays = baselineGraceDays
        self.followUpGraceDays = followUpGraceDays
    }
}

/// Why a course has no compared condition (SPEC §5), the first that applies.
public enum NotEvaluableReason: String, Sendable, CaseIterable, Hashable {
    /// The course has no end.
    case open
    /// No condition has a baseline.
    case noBaseline = "no_baseline"
    /// No condition with a baseline has a follow-up.
    case noFollowUp = "no_follow_up"
    /// Every pair has a level 9.
    case notRelevant = "not_relevant"
    /// (Listed last so the earlier outputs' columns keep their order.)
    /// No condition with a baseline has a follow-up because the baseline
    /// was assessed in one FSIII model (legacy J conditions) and the
    /// assessments after it in the other (the simplified model): the
    /// course straddles a municipality's switch. `--harmonize simplified`
    /// maps the legacy conditions so such a course is compared (issue 20).
    case modelSwitch = "model_switch"
}

/// A course's result by sign of its change (SPEC §6).
public enum CourseOutcome: String, Sendable, Hashable {
    case improved, unchanged, worsened
}

/// One compared condition of a course: baseline and follow-up level and
/// the goal that applies (SPEC §5).
package struct ConditionPair: Sendable, Hashable {
    /// Index of the course in `CourseEvaluation.results`.
    package var course: Int32
    package var condition: ConditionCode
    package var baseline: UInt8
    package var followUp: UInt8
    /// The goal level, nil when none (a goal of 9 counts as none, SPEC §6).
    package var goal: UInt8?
    package var baselineDay: Day
    package var followUpDay: Day

    /// `b − f`: positive is improvement.
    package var change: Int { Int(baseline) - Int(followUp) }
    package var goalMet: Bool? { goal.map { followUp <= $0 } }
}
