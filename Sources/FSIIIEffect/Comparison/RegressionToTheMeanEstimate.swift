import FSIIIStatistics

/// The shift of the course population expected from regression to the mean
/// alone (issue 18 §2; Barnett, van der Pols & Dobson 2005), estimated from
/// repeat pairs of citizens without a course.
///
/// Repeat pairs: for each citizen with assessments and no course in the
/// data, the first two consecutive assessment dates at most 120 days apart
/// (one pair per citizen, so pairs are independent). For the mean level,
/// x₁ and x₂ are the mean levels (0–4, 9 left out) of the conditions
/// assessed on both dates; per condition, the first two consecutive
/// assessments of that condition at most 120 days apart.
///
/// With ρ the test–retest correlation and μ the mean at the first
/// occasion (``RegressionToTheMean``), a population with baseline mean x̄₀
/// is expected to change level by −(1 − ρ)(x̄₀ − μ); on the `meanChange`
/// scale (baseline − follow-up, positive is improvement) the expected
/// shift is +(1 − ρ)(x̄₀ − μ). x̄₀ is the mean over evaluable courses of
/// their baseline mean level (per condition: of that condition's baselines).
public struct RegressionToTheMeanEstimate: Sendable {
    /// One condition's (or the mean level's) estimate.
    public struct Row: Sendable, Hashable {
        /// The condition's display name; "mean level" for the mean level.
        public var name: String
        public var pairs: Int
        /// ρ, σ²_w, μ; nil when not estimable.
        public var correlation: Double?
        public var withinVariance: Double?
        public var populationMean: Double?
        /// x̄₀ of the courses.
        public var courseBaselineMean: Double?
        /// (1 − ρ)(x̄₀ − μ) on the `meanChange` scale.
        public var expectedShift: Double?
        /// The courses' observed mean change.
        public var observedMeanChange: Double?
        /// Why not estimable (the test–retest statistics' message).
        public var reason: String?
    }

    /// Days between the two assessments of a repeat pair, at most.
    public static let maximumSpacingDays = 120

    public var meanLevel: Row
    public var conditions: [Row]
    /// MDC₉₅ from the mean-level repeat pairs (issue 21).
    public var minimalDetectableChange: MinimalDetectableChangeEstimate

    /// The expected shift of the mean level, nil when not estimable.
    public var expectedShift: Double? { meanLevel.expectedShift }

    package static func make(_ evaluation: CourseEvaluation, inputs d: ComparisonInputs) -> RegressionToTheMeanEstimate {
        let a = d.assessments
        var treated = [Bool](repeating: false, count: d.citizens.count)
        for c in d.courses where Int(c.citizen) < treated.count { treated[Int(c.citizen)] = true }
        let conditionCount = d.terminology.conditions.count
        var first: [Double] = [], second: [Double] = []
        var byCondition = [(first: [Double], second: [Double])](repeating: ([], []), count: conditionCount)
        var level1 = [UInt8](repeating: 0xFF, count: conditionCount), level2 = level1
        for c in 0..<d.citizens.count where !treated[c] {
            let rows = a.rows(ofCitizen: c)
            guard rows.count >= 2 else { continue }
            // Per condition: rows are sorted by condition, then day.
            var r = rows.lowerBound
            while r < rows.upperBound {
                var end = r + 1
                while end < rows.upperBound && a.condition[end] == a.condition[r] { end += 1 }
                var i = r
                while i + 1 < end {
                    if a.day[i + 1] - a.day[i] <= maximumSpacingDays && a.level[i] != 9 && a.level[i + 1] != 9 {
                        let k = Int(a.condition[i])
                        if k < conditionCount {
                            byCondition[k].first.append(Double(a.level[i]))
                            byCondition[k].second.append(Double(a.level[i + 1]))
                        }
                        break
                    }
                    i += 1
                }
                r = end
            }
            // Mean level: the first two consecutive dates within the spacing.
            var days = rows.map { a.day[$0] }
            days.sort()
            var k = 0
            while k + 1 < days.count && (days[k + 1] == days[k] || days[k + 1] - days[k] > maximumSpacingDays) { k += 1 }
            guard k + 1 < days.count else { continue }
            let d1 = days[k], d2 = days[k + 1]
            // Levels of each condition on d1 and d2 (0xFF: none), reset after use.
            for row in rows where a.level[row] != 9 && Int(a.condition[row]) < conditionCount {
                if a.day[row] == d1 { level1[Int(a.condition[row])] = a.level[row] } else if a.day[row] == d2 { level2[Int(a.condition[row])] = a.level[row] }
            }
            var s1 = 0, s2 = 0, n = 0
            for row in rows where Int(a.condition[row]) < conditionCount {
                let k = Int(a.condition[row])
                if level1[k] != 0xFF && level2[k] != 0xFF { s1 += Int(level1[k]); s2 += Int(level2[k]); n += 1 }
                level1[k] = 0xFF
                level2[k] = 0xFF
            }
            guard n > 0 else { continue }
            first.append(Double(s1) / Double(n))
            second.append(Double(s2) / Double(n))
        }
        // The courses' baselines and observed changes.
        var evaluable = 0, baselineSum = 0.0, changeSum = 0.0
        for r in evaluation.results where r.isEvaluable {
            evaluable += 1
            baselineSum += Double(r.baselineSum) / Double(r.n)
            changeSum += r.meanChange
        }
        let baseline = evaluable == 0 ? nil : baselineSum / Double(evaluable)
        let observed = evaluable == 0 ? nil : changeSum / Double(evaluable)
        var courseSums = [(b: Int, change: Int, n: Int)](repeating: (0, 0, 0), count: conditionCount)
        for p in evaluation.pairs where p.condition.index < conditionCount {
            courseSums[p.condition.index].b += Int(p.baseline)
            courseSums[p.condition.index].change += p.change
            courseSums[p.condition.index].n += 1
        }
        let meanRow = row("mean level", first, second, baseline: baseline, observed: observed)
        var rows: [Row] = []
        for k in 0..<conditionCount where !byCondition[k].first.isEmpty || courseSums[k].n > 0 {
            let s = courseSums[k]
            rows.append(row(d.terminology.conditions[k].display, byCondition[k].first, byCondition[k].second,
                            baseline: s.n > 0 ? Double(s.b) / Double(s.n) : nil, observed: s.n > 0 ? Double(s.change) / Double(s.n) : nil))
        }
        return RegressionToTheMeanEstimate(meanLevel: meanRow, conditions: rows,
                                          minimalDetectableChange: MinimalDetectableChangeEstimate(first: first, second: second))
    }

    static func row(_ name: String, _ x1: [Double], _ x2: [Double], baseline: Double?, observed: Double?) -> Row {
        var row = Row(name: name, pairs: x1.count, courseBaselineMean: baseline, observedMeanChange: observed)
        do {
            let rtm = try RegressionToTheMean(first: x1, second: x2)
            row.correlation = rtm.correlation
            row.withinVariance = rtm.withinSubjectVariance
            row.populationMean = rtm.populationMean
            if let baseline { row.expectedShift = -rtm.expectedChange(baselineMean: baseline) }
            else { row.reason = "no evaluable course" }
        } catch {
            row.reason = x1.isEmpty ? "no repeat pairs (two assessments within \(maximumSpacingDays) days) of citizens without a course" : error.description
        }
        return row
    }
}
