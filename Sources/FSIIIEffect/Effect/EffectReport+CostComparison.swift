/// The conformances through which Costs reads Effect's units and groups.
extension EffectUnit: CostedCourse {}
extension GroupFigures: ComparedGroup {}

extension CostComparisonReport {
    /// The comparison of a report's groups: each evaluable course is a
    /// ``CourseSample`` (its cost, its `meanChange`) in its group. Here in
    /// Effect, which knows each course's group; Costs gets the groups' indices.
    static func make(_ evaluation: CourseEvaluation, costs: [CourseCosts], dataset: Dataset, groups: [GroupFigures],
                     grouping classifier: GroupClassifier, options: CostComparisonOptions) -> CostComparisonReport {
        let grouping = classifier.spec.primary
        var options = options
        // `--reference` may name a group as given in the inputs; its group
        // is shown otherwise when the name holds a CPR-shaped number (SPEC §10).
        if let name = options.reference {
            let table: NameTable? = classifier.spec.secondary != nil ? nil : grouping == .team ? dataset.teams
                : grouping == .municipality ? dataset.municipalities : nil
            if let shown = table?.shownName(ofGiven: name) { options.reference = shown }
        }
        var samples: [(group: Int, sample: CourseSample)] = []
        if !grouping.groupsPairs {
            let index = Dictionary(groups.enumerated().map { ($1.group, $0) }, uniquingKeysWith: { a, _ in a })
            for (i, r) in evaluation.results.enumerated() where r.isEvaluable {
                guard let k = index[classifier.name(r)] else { continue }
                samples.append((k, CourseSample(cost: costs[i].cost, effect: r.meanChange)))
            }
        }
        return make(samples: samples, groups: groups, grouping: grouping, options: options)
    }
}
