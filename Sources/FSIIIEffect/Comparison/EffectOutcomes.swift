import FSIIIBytes

/// The report's hook for issue 18: regression to the mean and durability
/// on every run (cheap passes over the rows), the matched comparison with
/// `--compare-to matched`. Runs while the assessment rows are still held.
struct EffectOutcomes {
    var comparison: MatchedComparisonResult?
    var regressionToTheMean: RegressionToTheMeanEstimate?
    var durability: DurabilityResult?

    static func make(_ evaluation: CourseEvaluation, dataset: Dataset, courses: [Course], options: ReportOptions,
                     grouping classifier: GroupClassifier, dataEnd: Day?,
                     candidateDates: BackgroundValue<PseudoCourses.CandidateDates>? = nil) -> EffectOutcomes {
        var o = EffectOutcomes()
        guard dataset.assessments.count > 0 else { return o }
        let inputs = ComparisonInputs(dataset, courses: courses, candidateDates: candidateDates)
        let assessments = dataset.assessments, costs = dataset.costs
        // Regression to the mean and the treated courses' durability depend on nothing the comparison
        // makes: they run on other threads beside it, started once its candidates are evaluated, where its
        // covariates, design and fit leave a core idle in their serial parts (started before, they took a
        // core from the candidate search, which keeps both busy).
        var rtm: BackgroundValue<RegressionToTheMeanEstimate?>?
        var treated: BackgroundValue<[DurabilityResult.Accumulated]>?
        func start() {
            rtm = BackgroundValue {
                var t = StageTimings()   // sub-stages for `FSIII_STAGES=1`
                return t.measure("comparison: regression to mean") { RegressionToTheMeanEstimate.make(evaluation, inputs: inputs) }
            }
            treated = evaluation.results.contains(where: \.isEvaluable) ? BackgroundValue {
                var t = StageTimings()
                // The units are made as they are read: a million of them are never held at once.
                let units = evaluation.results.lazy.filter(\.isEvaluable).map { ComparisonUnit(result: $0, pairs: evaluation.pairs[$0.pairs]) }
                return t.measure("comparison: durability") { DurabilityResult.make(units, assessments: assessments, costs: costs, dataEnd: dataEnd) }
            } : nil
        }
        // The matched controls' durability, started as soon as the matching has chosen them.
        var controls: BackgroundValue<[DurabilityResult.Accumulated]>?
        if options.matched.enabled {
            let run = MatchedComparison.run(evaluation, inputs: inputs, options: options, groups: classifier,
                                            suppressed: [], rtm: nil, evaluated: { start() }) { chosen in
                controls = BackgroundValue {
                    var t = StageTimings()
                    return t.measure("comparison: control durability") {
                        DurabilityResult.make(chosen.map(\.unit), weights: chosen.map(\.weight), assessments: assessments, costs: costs, dataEnd: dataEnd)
                    }
                }
            }
            o.comparison = run.result
        }
        if rtm == nil { start() }   // no comparison, or it ended before its candidates were evaluated
        o.regressionToTheMean = rtm?.wait() ?? nil
        o.comparison?.rtmExpected = o.regressionToTheMean?.expectedShift
        if let treated {
            o.durability = DurabilityResult.combine(treated: treated.wait(), controls: controls?.wait(), dataEnd: dataEnd)
        }
        return o
    }

    /// Drops the group effects of groups suppressed by SPEC §10.
    mutating func suppress(_ groups: [GroupFigures]) {
        guard comparison != nil else { return }
        for g in groups where g.suppressed { comparison?.groups[g.group] = nil }
    }
}
