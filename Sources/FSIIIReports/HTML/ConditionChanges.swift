import FSIIIEffect

/// The condition chart's figures: over all compared pairs (SPEC §5) of a
/// condition, the mean of `b − f` (positive is improvement), so a reader
/// sees which functions improve. Sorted by mean change, largest first.
struct ConditionChanges: Sendable {
    struct Row: Sendable, Hashable {
        var code: ConditionCode
        var name: String
        var pairs = 0
        var citizens = 0
        var changeSum = 0
        var improved = 0
        var worsened = 0
        /// Fewer than `minCell` citizens, or hidden with another (SPEC §10).
        var suppressed = false
        var meanChange: Double { Double(changeSum) / Double(pairs) }
    }

    /// Conditions with at least one compared pair, shown ones first by mean
    /// change (ties by terminology order), then the suppressed ones.
    var rows: [Row]

    init(_ evaluation: CourseEvaluation, terminology: Terminology, minCell: Int) {
        var rows: [Int: Row] = [:]
        var citizens: [Int: Set<UInt32>] = [:]
        for p in evaluation.pairs {
            let i = p.condition.index
            var row = rows[i] ?? Row(code: p.condition, name: terminology[p.condition].display)
            row.pairs += 1
            row.changeSum += p.change
            if p.change > 0 { row.improved += 1 } else if p.change < 0 { row.worsened += 1 }
            rows[i] = row
            citizens[i, default: []].insert(evaluation.results[Int(p.course)].citizen)
        }
        var list = rows.keys.sorted().compactMap { i -> Row? in
            guard var row = rows[i] else { return nil }
            row.citizens = citizens[i]?.count ?? 0
            return row
        }
        let hidden = ChartSuppression.suppressed(citizens: list.map(\.citizens), names: list.map(\.name), minCell: minCell)
        for i in list.indices { list[i].suppressed = hidden[i] }
        self.rows = list.enumerated().sorted { a, b in
            if a.element.suppressed != b.element.suppressed { return !a.element.suppressed }
            if a.element.meanChange != b.element.meanChange { return a.element.meanChange > b.element.meanChange }
            return a.offset < b.offset
        }.map(\.element)
    }

    var shown: [Row] { rows.filter { !$0.suppressed } }
}
