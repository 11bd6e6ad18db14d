import FSIIIBytes

/// The options of a report run; defaults are SPEC §5, §8 and §10's.
public struct ReportOptions: Sendable {
    public var grouping: Grouping = .team
    public var windows = CourseWindows()
    /// `--window FROM..TO`: one course per citizen when there is no course data.
    public var window: ClosedRange<Day>?
    /// `--horizon-days`: the before- and after-windows of the cost join.
    public var horizonDays = 90
    /// `--min-cell`: groups with fewer citizens are suppressed.
    public var minCell = 5
    /// `--reference`, `--wtp`, `--bootstrap`, `--seed`: the cost comparison.
    public var comparison = CostComparisonOptions()
    /// `--compare-to matched` and its options (issue 18 §1).
    public var matched = MatchedComparisonOptions()

    public init() {}
}

/// Everything `fsiii report` prints, computed once: the import accounting,
/// the course results and the figures per group and in total.
public struct EffectReport: Sendable {
    public var options: ReportOptions
    public var imports: ImportReport
    public var evaluation: CourseEvaluation
    /// Per-course cost figures, indexed like `evaluation.results`; nil without cost data.
    public var courseCosts: [CourseCosts]?
    public var groups: [GroupFigures]
    public var total: GroupFigures
    /// The overdispersion factor of the funnel limits (SPEC §7).
    public var phi: Double
    /// First and last assessment date.
    public var period: ClosedRange<Day>?
    /// Citizens with at least one accepted assessment or course.
    public var citizenCount: Int
    /// Where the courses came from.
    public var courseSource: CourseSource
    /// Time spent per stage (`courses`, `cost join`, `aggregation`, `cost comparison`).
    package var timings = StageTimings()
    /// Each group compared with the reference (SPEC §8); nil without cost data.
    public var costComparison: CostComparisonReport?
    /// The matched comparison (issue 18 §1); nil without `--compare-to matched`.
    public var comparison: MatchedComparisonResult?
    /// Regression to the mean from repeat pairs (issue 18 §2); nil without evaluable courses or assessments.
    public var regressionToTheMean: RegressionToTheMeanEstimate?
    /// Durability 3/6/12 months after the end (issue 18 §3); nil without evaluable courses.
    public var durability: DurabilityResult?

    public enum CourseSource: String, Sendable { case courses, window, none }
}

/// Runs the pipeline on an imported dataset: courses (§5), course figures
/// (§6), group figures and case mix (§7), costs (§8), suppression (§10).
public enum EffectReporter {
    /// The report of `dataset` under `options`.
    ///
    /// The dataset is consumed: once the courses are evaluated its
    /// assessment table and courses are freed (when no one else holds them), so the
    /// aggregation does not run on top of it. Pass `consume dataset` when
    /// the caller has no further use for it.
    public static func report(_ dataset: consuming Dataset, options: ReportOptions = ReportOptions()) -> EffectReport {
        var courses = dataset.courses
        var windows = options.windows
        var source = EffectReport.CourseSource.courses
        if courses.isEmpty, let window = options.window {
            let made = WindowCourses.make(from: window.lowerBound, to: window.upperBound, assessments: dataset.assessments,
                                          citizenCount: dataset.citizens.count, windows: windows)
            courses = made.courses
            windows = made.windows
            source = .window
        } else if courses.isEmpty {
            source = .none
        }
        var timings = StageTimings()
        let w = windows
        let evaluation = timings.measure("courses") {
            CourseEvaluator.evaluate(courses, assessments: dataset.assessments, citizens: dataset.citizens, windows: w)
        }
        // Citizens with an accepted assessment or a course (a bitmap, not a set).
        var seen = [Bool](repeating: false, count: dataset.citizens.count)
        for c in 0..<dataset.citizens.count where !dataset.assessments.rows(ofCitizen: c).isEmpty { seen[c] = true }
        for c in courses where Int(c.citizen) < seen.count { seen[Int(c.citizen)] = true }
        let citizenCount = seen.reduce(0) { $0 + ($1 ? 1 : 0) }
        seen = []
        let period = dataset.period
        // Issue 18: read the rows before they are freed.
        var outcomes = timings.measure("comparison") {
            EffectOutcomes.make(evaluation, dataset: dataset, courses: courses, options: options, dataEnd: period?.upperBound)
        }
        courses = []
        dataset.courses = []
        dataset.assessments = AssessmentTable()
        let courseCosts = timings.measure("cost join") {
            dataset.costs.map { CostJoin.join(evaluation.results, costs: $0, horizonDays: options.horizonDays) }
        }
        var (groups, total, phi) = timings.measure("aggregation") {
            EffectAnalysis.figures(evaluation, dataset: dataset, grouping: options.grouping, costs: courseCosts)
        }
        SmallCellSuppression.apply(&groups, total: &total, minCell: options.minCell)
        outcomes.suppress(groups)
        let comparison: CostComparisonReport? = timings.measure("cost comparison") {
            guard options.comparison.enabled, let costs = courseCosts else { return nil }
            return CostComparisonReport.make(evaluation, costs: costs, dataset: dataset, groups: groups, grouping: options.grouping,
                                             options: options.comparison)
        }
        return EffectReport(options: options, imports: dataset.report, evaluation: evaluation, courseCosts: courseCosts,
                            groups: groups, total: total, phi: phi, period: period, citizenCount: citizenCount,
                            courseSource: source, timings: timings, costComparison: comparison, comparison: outcomes.comparison,
                            regressionToTheMean: outcomes.regressionToTheMean, durability: outcomes.durability)
    }
}
