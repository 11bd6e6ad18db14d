import FSIIIStatistics

/// The figures of one group, or of all courses together (SPEC §7).
/// An undefined figure is nil (`null` in JSON).
public struct GroupFigures: Sendable {
    /// The group's name as shown: a team or municipality name (CPR-shaped
    /// numbers masked, SPEC §10), `YYYY-MM`, an area or condition, `(ukendt)`,
    /// `(åben)` or `Total`.
    public package(set) var group: String
    /// Which group this is (`.total` for `EffectReport.total`).
    public package(set) var key: GroupKey = .total
    /// With a two-way `--by` (team,age-band): the name of each part of the
    /// group, in the order of `GroupingSpec.parts`; empty otherwise and for the total.
    public package(set) var parts: [String] = []
    /// Evaluable courses (compared pairs with `--by area|condition`).
    public package(set) var courses = 0
    /// Distinct citizens of those courses.
    public package(set) var citizens = 0
    /// Not-evaluable courses by reason (SPEC §5); with `--by area|condition` only in the total.
    public package(set) var notEvaluable = NotEvaluableCounts()
    /// Mean of the units' change (course: `Σ(b − f)/n`; pair: `b − f`), in points; positive is improvement; nil without units.
    public package(set) var meanChange: Double?
    /// 95 % t interval of the mean change; nil when fewer than two courses.
    public package(set) var meanChangeCI: Interval?
    /// Sample standard deviation of the same changes; nil when fewer than two units.
    public package(set) var changeSD: Double?
    /// Median of the same changes (type 7 percentile at 0.5).
    public package(set) var medianChange: Double?
    /// Units with change > 0.
    public package(set) var improved = 0
    /// Units with change < 0.
    public package(set) var worsened = 0
    /// `improved / courses`; nil without units.
    public package(set) var improvedShare: Double?
    /// 95 % Wilson score interval of `improvedShare`.
    public package(set) var improvedCI: Interval?
    /// Courses whose mean change exceeds MDC₉₅ (issue 21); nil for pair
    /// groupings or when the MDC is not estimable.
    public package(set) var improvedBeyondMDC: Int?
    /// `improvedBeyondMDC / courses`; nil likewise or without courses.
    public var improvedBeyondMDCShare: Double? {
        guard let k = improvedBeyondMDC, courses > 0 else { return nil }
        return Double(k) / Double(courses)
    }
    /// `worsened / courses`; nil without units.
    public package(set) var worsenedShare: Double?
    /// 95 % Wilson score interval of `worsenedShare`.
    public package(set) var worsenedCI: Interval?
    /// Compared conditions with a goal level (SPEC §6).
    public package(set) var goalsSet = 0
    /// Of those, the ones whose follow-up reached the goal (f ≤ goal).
    public package(set) var goalsMet = 0
    /// `goalsMet / goalsSet`; nil when no goal was set.
    public package(set) var goalAttainment: Double?
    /// 95 % Wilson score interval of `goalAttainment`.
    public package(set) var goalCI: Interval?
    /// Mean of `(Σb − Σf) / Σb` over the units with Σb > 0: the share of the limitation removed.
    public package(set) var meanEffectiveness: Double?
    /// z of the Wilcoxon signed-rank test of Σb against Σf (zero differences dropped, normal approximation with tie correction).
    public package(set) var wilcoxonZ: Double?
    /// Two-sided p of `wilcoxonZ`; nil without non-zero differences.
    public package(set) var wilcoxonP: Double?
    /// Case mix (course groupings only): improved courses…
    public package(set) var observed: Int?
    /// …and their expected number from the strata.
    public package(set) var expected: Double?
    /// O/E = `observed / expected`; nil when expected = 0.
    public package(set) var ratio: Double?
    /// `(O − E) / √variance`, before the overdispersion factor φ (SPEC §7).
    public package(set) var funnelZ: Double?
    /// `Σ p(1 − p)`, the binomial variance of `observed` under the case mix.
    public package(set) var variance: Double?
    /// The funnel's 95 % limits of O/E at this group's E, widened by √φ when φ > 1.
    public package(set) var limit95: Interval?
    /// The funnel's 99.8 % limits of O/E, likewise.
    public package(set) var limit998: Interval?
    /// Where O/E lies against `limit95` and `limit998`; nil for pair groupings.
    public package(set) var funnelFlag: FunnelFlag?
    /// With `--case-mix model` (issue 21): the mean of the linear model's
    /// expected `meanChange` over the group's courses; nil otherwise.
    public package(set) var expectedMeanChange: Double?
    /// The risk-adjusted mean change in the CMS form: observed mean −
    /// expected mean + the overall mean of all evaluable courses; nil
    /// without `--case-mix model`.
    public package(set) var riskAdjustedMeanChange: Double?
    /// `meanChangeCI` shifted by the same amount (expected means treated as
    /// known); nil when fewer than two courses.
    public package(set) var riskAdjustedMeanChangeCI: Interval?
    /// Fewer citizens than `--min-cell`, or suppressed to protect another
    /// group (SPEC §10); the outputs then hide the figures.
    public package(set) var suppressed = false
    /// Cost figures when cost data was given (SPEC §8).
    public package(set) var costs: GroupCosts?
    /// The group's courses by FSIII model (issue 20); nil for pair groupings.
    public package(set) var models: ModelCounts?

    package init(group: String, key: GroupKey = .total) {
        self.group = group
        self.key = key
    }
}

/// Counts of not-evaluable courses by reason (SPEC §5).
public struct NotEvaluableCounts: Sendable, Hashable {
    /// Courses without an end.
    public package(set) var open = 0
    /// Courses where no condition has a baseline.
    public package(set) var noBaseline = 0
    /// Courses where no condition with a baseline has a follow-up.
    public package(set) var noFollowUp = 0
    /// Courses whose every pair has a level 9 (not relevant).
    public package(set) var notRelevant = 0
    /// Courses whose baseline and follow-up are in different FSIII models
    /// (legacy and simplified) and that were not harmonised.
    public package(set) var modelSwitch = 0

    package init() {}

    /// The count of `reason`.
    public package(set) subscript(reason: NotEvaluableReason) -> Int {
        get {
            switch reason {
            case .open: return open
            case .noBaseline: return noBaseline
            case .noFollowUp: return noFollowUp
            case .notRelevant: return notRelevant
            case .modelSwitch: return modelSwitch
            }
        }
        set {
            switch reason {
            case .open: open = newValue
            case .noBaseline: noBaseline = newValue
            case .noFollowUp: noFollowUp = newValue
            case .notRelevant: notRelevant = newValue
            case .modelSwitch: modelSwitch = newValue
            }
        }
    }

    /// Every not-evaluable course: the sum of the reasons.
    public var total: Int { open + noBaseline + noFollowUp + notRelevant + modelSwitch }
}

/// The funnel-plot verdict of a group (SPEC §7).
public enum FunnelFlag: String, Sendable, Hashable {
    case highAlarm = "high_alarm", highAlert = "high_alert", within, lowAlert = "low_alert", lowAlarm = "low_alarm"
}
