import FSIIIBytes
import FSIIIStatistics

/// The options of a report run; defaults are SPEC §5, §8 and §10's.
public struct ReportOptions: Sendable {
    /// `--by`: what the figures are grouped by (SPEC §7, §12), one
    /// grouping or two; teams by default.
    public var groupBy = GroupingSpec(.team)
    /// The first (or only) grouping of `groupBy`; setting it makes the
    /// grouping one-way.
    public var grouping: Grouping {
        get { groupBy.primary }
        set { groupBy = GroupingSpec(newValue) }
    }
    /// `--lookback-days` and the grace days: how baseline and follow-up are found (SPEC §5).
    public var windows = CourseWindows()
    /// `--window FROM..TO`: one course per citizen when there is no course data.
    public var window: ClosedRange<Day>?
    /// `--horizon-days`: the before- and after-windows of the cost join, in days (SPEC §8).
    public var horizonDays = 90
    /// `--min-cell`: groups with fewer citizens are suppressed (SPEC §10), 5 by default.
    public var minCell = 5
    /// `--reference`, `--wtp`, `--bootstrap`, `--seed`: the cost comparison (off by default).
    public var comparison = CostComparisonOptions()
    /// `--compare-to matched` and its options (issue 18 §1).
    public var matched = MatchedComparisonOptions()
    /// `--harmonize simplified`: legacy assessments mapped onto the
    /// simplified model before the courses are evaluated, with this
    /// crosswalk (`Crosswalk.builtIn` or `--crosswalk FILE`); nil (the
    /// default) compares conditions as assessed, and a course that
    /// straddles a model switch is `model_switch` (issue 20).
    public var harmonize: Crosswalk?
    /// `--combine`: how several legacy levels become one simplified level (max by default).
    public var combine = LevelCombination.max
    /// `--funnel`, `--funnel-transform`, `--limits` (issue 21): SPEC §7's by default.
    public var funnel = FunnelOptions()
    /// `--spc`: the improved share by month as a p-chart (default) or Laney's p′ chart (issue 21).
    public var spc = SPCChart.p
    /// `--mdc`: the CSV and the table show `improved_beyond_mdc_share` and
    /// MDC₉₅ too (the JSON always does); off so the default CSV keeps its columns.
    public var mdcColumns = false
    /// `--case-mix strata|model` (issue 21): SPEC §7's strata by default.
    public var caseMix = CaseMixMethod.strata
    /// `--pseudonym-key`: orders citizens tied at the k-th total of the cost
    /// concentration (SPEC §12); nil orders them by a pseudonym under a
    /// fixed built-in key, so a run without a key is still reproducible.
    public var pseudonymizer: Pseudonymizer?

    /// The defaults: by team, SPEC §5's windows, 90-day horizon, min cell 5, no comparison.
    public init() {}
}

/// Everything `fsiii report` prints, computed once: the import accounting,
/// the course results and the figures per group and in total, with the
/// team and municipality names (masked, SPEC §10) so that no dataset is
/// needed afterwards. Suppressed groups (SPEC §10) keep their figures
/// here; every output of the package hides them, and so should a consumer.
public struct EffectReport: Sendable {
    /// The options the report was made with.
    public package(set) var options: ReportOptions
    /// The accounting of the import (SPEC §4).
    public package(set) var imports: ImportReport
    package var evaluation: CourseEvaluation
    /// Per-course cost figures, indexed like `evaluation.results`; nil without cost data.
    package var courseCosts: [CourseCosts]?
    /// The figures per group, sorted by name (UTF-8 order), after suppression.
    public package(set) var groups: [GroupFigures]
    /// The figures of every course (pair) together; `key` is `.total`.
    public package(set) var total: GroupFigures
    /// φ, the overdispersion factor of the funnel limits (SPEC §7); 1 without overdispersion.
    public package(set) var phi: Double
    /// First and last assessment date.
    public package(set) var period: ClosedRange<Day>?
    /// Citizens with at least one accepted assessment or course.
    public package(set) var citizenCount: Int
    /// Where the courses came from.
    public package(set) var courseSource: CourseSource
    /// Time spent per stage (`courses`, `cost join`, `aggregation`, `cost comparison`).
    package var timings = StageTimings()
    /// Each group compared with the reference (SPEC §8); nil without cost
    /// data or when the comparison was not asked for.
    public package(set) var costComparison: CostComparisonReport?
    /// How concentrated the cost is over the citizens (SPEC §12); nil without cost data.
    public package(set) var costConcentration: CostConcentration?
    /// The matched comparison (issue 18 §1); nil without `--compare-to matched`.
    public package(set) var comparison: MatchedComparisonResult?
    /// Regression to the mean from repeat pairs (issue 18 §2); nil without evaluable courses or assessments.
    public package(set) var regressionToTheMean: RegressionToTheMeanEstimate?
    /// Durability 3/6/12 months after the end (issue 18 §3); nil without evaluable courses.
    public package(set) var durability: DurabilityResult?
    /// What `--harmonize simplified` did; nil without it.
    public package(set) var harmonization: HarmonizationSummary?
    /// When each municipality and team moved to the simplified model (issue
    /// 20); nil when the data has only one model.
    public package(set) var modelSwitch: ModelSwitchMarkers?
    /// The funnel's method, φ, τ² and test of overdispersion (issue 21); nil for pair groupings.
    public package(set) var funnel: FunnelSummary?
    /// MDC₉₅ of a course's mean change from repeat pairs (issue 21).
    public var minimalDetectableChange: MinimalDetectableChangeEstimate {
        regressionToTheMean?.minimalDetectableChange ?? .noAssessments
    }
    /// The funnel of mean change against courses, under `--funnel`'s method (issue 21); nil for pair
    /// groupings, without groups or without an overall mean.
    public package(set) var meanChangeFunnel: MeanChangeFunnel?
    /// What `--case-mix` came to; nil for pair groupings.
    public package(set) var caseMix: CaseMixSummary?
    /// The team names as shown, by `TeamID` index (index 0 is "").
    package var teamNames: [String] = []
    /// The municipality names as shown, by `MunicipalityID` index.
    package var municipalityNames: [String] = []

    /// Where the courses came from: the course files (`courses`), one per
    /// citizen over `--window` (`window`), or none at all (`none`).
    public enum CourseSource: String, Sendable { case courses, window, none }

    /// Every course's result, in course order (`CourseResult.course`).
    public var courses: [CourseResult] { evaluation.results }

    /// The name of `team` as every output shows it (a CPR-shaped number in
    /// it masked, SPEC §10); `(ukendt)` for `.unknown` or an id of another import.
    public func name(of team: TeamID) -> String {
        let i = Int(team.index)
        return i > 0 && i < teamNames.count ? teamNames[i] : EffectAnalysis.unknownGroup
    }

    /// The name of `municipality`, masked like a team's; `(ukendt)` for `.unknown`.
    public func name(of municipality: MunicipalityID) -> String {
        let i = Int(municipality.index)
        return i > 0 && i < municipalityNames.count ? municipalityNames[i] : EffectAnalysis.unknownGroup
    }

    /// Every team of the import with its name, in order of first appearance
    /// (`.unknown` not among them).
    public var teams: [(id: TeamID, name: String)] {
        teamNames.indices.dropFirst().map { (TeamID(UInt32($0)), teamNames[$0]) }
    }

    /// Every municipality of the import with its name, like `teams`.
    public var municipalities: [(id: MunicipalityID, name: String)] {
        municipalityNames.indices.dropFirst().map { (MunicipalityID(UInt32($0)), municipalityNames[$0]) }
    }
}

/// Runs the pipeline on an imported dataset: courses (§5), course figures
/// (§6), group figures and case mix (§7), costs (§8), suppression (§10).
public enum EffectReporter {
    /// Orders tied citizens of the cost concentration when no key is given
    /// (SPEC §12): a fixed key, so the order is the same on every run and
    /// machine. Only an order: these pseudonyms are never shown.
    static let tieBreakPseudonymizer: Pseudonymizer = {
        // 32 fixed bytes ≥ PseudonymKey.minimumLength, so the init cannot throw.
        guard let key = try? PseudonymKey(bytes: Array("fsiii cost concentration ties v1".utf8)) else { fatalError("built-in key too short") }
        return Pseudonymizer(key: key)
    }()
    /// The report of `dataset` under `options`: every course evaluated
    /// (SPEC §5–6), the figures per group and in total (§7: mean change
    /// `Σ(b − f)/n` per course averaged, positive is improvement, with its
    /// 95 % t interval; improved share = improved courses / evaluable
    /// courses, with its Wilson interval), costs (§8) when the dataset has
    /// cost rows, and small groups suppressed (§10). Throws nothing: an
    /// input without courses gives a report without figures.
    ///
    /// The dataset is consumed: once the courses are evaluated its
    /// assessment table and courses are freed (when no one else holds them), so the
    /// aggregation does not run on top of it. Pass `consume dataset` when
    /// the caller has no further use for it.
    public static func report(_ dataset: consuming Dataset, options: ReportOptions = ReportOptions()) -> EffectReport {
        var timings = StageTimings()
        // The matched comparison's candidate dates depend on the rows and courses alone: gathered and
        // indexed on other threads while the model switch markers (one core) and the courses are worked
        // out. Not when harmonising or making window courses changes the rows or the courses first.
        var candidateDates: BackgroundValue<PseudoCourses.CandidateDates>?
        if options.matched.enabled && options.harmonize == nil && !dataset.courses.isEmpty {
            let (a, n, c, o) = (dataset.assessments, dataset.citizens.count, dataset.courses, options.matched)
            candidateDates = BackgroundValue { PseudoCourses.CandidateDates(assessments: a, citizenCount: n, courses: c, options: o) }
        }
        let markers = timings.measure("model switch") { ModelSwitchMarkers.make(dataset, minCell: options.minCell) }
        var harmonization: HarmonizationSummary?
        if let crosswalk = options.harmonize {
            let (table, counts) = timings.measure("harmonize") {
                Harmonizer.harmonize(dataset.assessments, crosswalk: crosswalk, combine: options.combine)
            }
            let agreement = timings.measure("crosswalk agreement") {
                CrosswalkAgreement.make(assessments: dataset.assessments, courses: dataset.courses, crosswalk: crosswalk,
                                        combine: options.combine, terminology: dataset.terminology, minCell: options.minCell)
            }
            dataset.assessments = table
            harmonization = HarmonizationSummary(crosswalk: crosswalk, combine: options.combine, counts: counts, agreement: agreement)
        }
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
        let w = windows
        // Without harmonising, a course across a model switch is named as such.
        let models = options.harmonize == nil ? ConditionModels(dataset.terminology) : nil
        let evaluation = timings.measure("courses") {
            CourseEvaluator.evaluate(courses, assessments: dataset.assessments, citizens: dataset.citizens, windows: w, models: models)
        }
        // Citizens with an accepted assessment or a course (a bitmap, not a set).
        var seen = [Bool](repeating: false, count: dataset.citizens.count)
        for c in 0..<dataset.citizens.count where !dataset.assessments.rows(ofCitizen: c).isEmpty { seen[c] = true }
        for c in courses where Int(c.citizen) < seen.count { seen[Int(c.citizen)] = true }
        let citizenCount = seen.reduce(0) { $0 + ($1 ? 1 : 0) }
        seen = []
        let period = dataset.period
        let classifier = GroupClassifier(options.groupBy, dataset: dataset, results: evaluation.results, horizonDays: options.horizonDays)
        // Issue 18: read the rows before they are freed.
        var outcomes = timings.measure("comparison") {
            EffectOutcomes.make(evaluation, dataset: dataset, courses: courses, options: options, grouping: classifier,
                                dataEnd: period?.upperBound, candidateDates: candidateDates)
        }
        candidateDates = nil
        // Issue 21: the case-mix model reads prior trends from the assessments before they are freed.
        var caseMix: CaseMixSummary? = classifier.spec.primary.groupsPairs ? nil : CaseMixSummary(requested: options.caseMix)
        var modelFit: CaseMixModel.Fit?
        if options.caseMix == .model && !classifier.spec.primary.groupsPairs {
            let attempt = timings.measure("case-mix model") { CaseMixModel.attempt(evaluation, dataset: dataset) }
            switch attempt {
            case let .success(fit):
                modelFit = fit
                caseMix?.model = fit.report
            case let .failure(failure):
                caseMix?.fallbackReason = failure.description
            }
        }
        // SPEC §12: a citizen's municipality is read from its assessments before they are freed.
        let citizenMunicipality = dataset.costs == nil ? [] : timings.measure("concentration municipalities") {
            CostConcentration.municipalities(assessments: dataset.assessments, results: evaluation.results,
                                             citizenCount: dataset.citizens.count)
        }
        courses = []
        dataset.courses = []
        dataset.assessments = AssessmentTable()
        let courseCosts = timings.measure("cost join") {
            dataset.costs.map { CostJoin.join(evaluation.results, costs: $0, horizonDays: options.horizonDays) }
        }
        var (groups, total, phi) = timings.measure("aggregation") {
            EffectAnalysis.figures(evaluation, dataset: dataset, grouping: classifier, costs: courseCosts, model: modelFit)
        }
        let funnel = classifier.spec.primary.groupsPairs ? nil : Funnel.apply(options.funnel, groups: &groups, phi: phi)
        if !classifier.spec.primary.groupsPairs {
            let counts = ModelCounts.make(evaluation, models: ConditionModels(dataset.terminology), classifier: classifier)
            for i in groups.indices { groups[i].models = counts.groups[groups[i].key] ?? ModelCounts() }
            total.models = counts.total
        }
        // Issue 21: courses whose mean change exceeds MDC₉₅, per group.
        if !classifier.spec.primary.groupsPairs, let mdc = outcomes.regressionToTheMean?.minimalDetectableChange.mdc95 {
            var beyond: [GroupKey: Int] = [:]
            var all = 0
            for r in evaluation.results where r.isEvaluable && r.meanChange > mdc {
                beyond[classifier.typedKey(r), default: 0] += 1
                all += 1
            }
            for i in groups.indices { groups[i].improvedBeyondMDC = beyond[groups[i].key] ?? 0 }
            total.improvedBeyondMDC = all
        }
        let concentration: CostConcentration? = timings.measure("cost concentration") {
            guard let costs = dataset.costs, let courseCosts else { return nil }
            let tieKey = options.pseudonymizer ?? EffectReporter.tieBreakPseudonymizer
            return CostConcentration.make(costs: costs, results: evaluation.results, courseCosts: courseCosts,
                                          citizenMunicipality: citizenMunicipality, municipalityNames: dataset.municipalities.names,
                                          unknownName: EffectAnalysis.unknownGroup, minCell: options.minCell,
                                          tieOrder: { dataset.citizens.pseudonym(of: $0, tieKey) })
        }
        SmallCellSuppression.apply(&groups, total: &total, minCell: options.minCell)
        // Issue 21: by course groupings only (a pair grouping's units are not independent courses).
        let meanChangeFunnel = classifier.spec.primary.groupsPairs ? nil : MeanChangeFunnel.make(groups: groups, total: total, method: options.funnel.method)
        outcomes.suppress(groups)
        let comparison: CostComparisonReport? = timings.measure("cost comparison") {
            guard options.comparison.enabled, let costs = courseCosts else { return nil }
            return CostComparisonReport.make(evaluation, costs: costs, dataset: dataset, groups: groups, grouping: classifier,
                                             options: options.comparison)
        }
        var report = EffectReport(options: options, imports: dataset.report, evaluation: evaluation, courseCosts: courseCosts,
                            groups: groups, total: total, phi: phi, period: period, citizenCount: citizenCount,
                            courseSource: source, timings: timings, costComparison: comparison, costConcentration: concentration,
                            comparison: outcomes.comparison,
                            regressionToTheMean: outcomes.regressionToTheMean, durability: outcomes.durability, harmonization: harmonization,
                            modelSwitch: markers, funnel: funnel, caseMix: caseMix,
                            teamNames: dataset.teams.names, municipalityNames: dataset.municipalities.names)
        report.meanChangeFunnel = meanChangeFunnel
        return report
    }
}
