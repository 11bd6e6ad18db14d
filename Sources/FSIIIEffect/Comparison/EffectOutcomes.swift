import FSIIIBytes

/// The report's hook for issue 18: regression to the mean and durability
/// on every run (cheap passes over the rows), the matched comparison with
/// `--compare-to matched`. Runs while the assessment rows are still held.
struct EffectOutcomes {
    var comparison: MatchedComparisonResult?
    var regressionToTheMean: RegressionToTheMeanEstimate?
    var durability: DurabilityResult?

    static func make(_ evaluation: CourseEvaluation, dataset: Dataset, courses: [Course], options: ReportOptions,
                     grouping classifier: GroupClassifier, dataEnd: Day?) -> EffectOutcomes {
        var o = EffectOutcomes()
        guard dataset.assessments.count > 0 else { return o }
        let inputs = ComparisonInputs(dataset, courses: courses)
        var t = StageTimings()   // sub-stages for `FSIII_STAGES=1`
        let rtm = t.measure("comparison: regression to mean") { RegressionToTheMeanEstimate.make(evaluation, inputs: inputs) }
        o.regressionToTheMean = rtm
        var controls: [(unit: ComparisonUnit, weight: Double)]?
        if options.matched.enabled {
            let run = MatchedComparison.run(evaluation, inputs: inputs, options: options,
                                            group: { classifier.name($0) },
                                            suppressed: [], rtm: rtm)
            o.comparison = run.result
            controls = run.controls.isEmpty ? nil : run.controls
        }
        // The units are made as they are read: a million of them are never held at once.
        let treated = evaluation.results.lazy.filter(\.isEvaluable).map { ComparisonUnit(result: $0, pairs: evaluation.pairs[$0.pairs]) }
        if evaluation.results.contains(where: \.isEvaluable) {
            o.durability = t.measure("comparison: durability") {
                DurabilityResult.make(treated: treated, controls: controls, assessments: dataset.assessments, costs: dataset.costs, dataEnd: dataEnd)
            }
        }
        return o
    }

    /// Drops the group effects of groups suppressed by SPEC §10.
    mutating func suppress(_ groups: [GroupFigures]) {
        guard comparison != nil else { return }
        for g in groups where g.suppressed { comparison?.groups[g.group] = nil }
    }
}
