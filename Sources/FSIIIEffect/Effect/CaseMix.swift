import FSIIIStatistics

/// Case-mix strata of SPEC §7: baseline mean level band × age band at start.
package enum CaseMix {
    /// Age bands at course start: < 67, 67–79, 80–89, ≥ 90, unknown.
    package static let ageBands = ["<67", "67-79", "80-89", ">=90", "unknown"]
    /// Baseline mean level bands: [0,1), [1,2), [2,3), [3,4].
    package static let baselineBands = ["[0,1)", "[1,2)", "[2,3)", "[3,4]"]

    package static func ageBand(_ age: Int?) -> Int {
        guard let age else { return 4 }
        return age < 67 ? 0 : age < 80 ? 1 : age < 90 ? 2 : 3
    }

    /// Band of `b̄ = baselineSum / n` (levels 0–4, so b̄ = 4 joins [3,4]).
    static func baselineBand(_ r: CourseResult) -> Int {
        // Integer arithmetic: b̄ < k  ⇔  baselineSum < k·n.
        for k in 1...3 where r.baselineSum < k * r.n { return k - 1 }
        return 3
    }

    static func stratum(_ r: CourseResult) -> Int { baselineBand(r) * ageBands.count + ageBand(r.age) }

    /// The expected probability of improvement of each evaluable course:
    /// the improved share of its stratum over all evaluable courses in the
    /// run. Indexed like `results`; nil for courses that are not evaluable.
    static func probabilities(_ results: [CourseResult]) -> [Double?] {
        let strata = baselineBands.count * ageBands.count
        var improved = [Int](repeating: 0, count: strata)
        var total = [Int](repeating: 0, count: strata)
        for r in results where r.isEvaluable {
            let s = stratum(r)
            total[s] += 1
            if r.outcome == .improved { improved[s] += 1 }
        }
        return results.map { r in
            guard r.isEvaluable else { return nil }
            let s = stratum(r)
            return Double(improved[s]) / Double(total[s])
        }
    }
}

/// Funnel-plot benchmarking of groups against the case-mix expectation
/// (SPEC §7; Spiegelhalter 2005, "Funnel plots for comparing institutional
/// performance", with the multiplicative overdispersion of its §4).
package enum Funnel {
    /// z of the two-sided 95 % limits.
    package static let z95 = 1.959963984540054
    /// z of the two-sided 99.8 % limits (Φ⁻¹(0.999)).
    package static let z998 = 3.090232306167813

    /// Overdispersion φ: the groups' z values winsorised at their 10th and
    /// 90th percentiles (type 7), then the mean of their squares. 1 when no
    /// group has a z value.
    package static func overdispersion(_ zValues: [Double]) -> Double {
        guard !zValues.isEmpty else { return 1.0 }
        let w = Percentile.winsorized(zValues, lower: 0.1, upper: 0.9)
        return w.reduce(0) { $0 + $1 * $1 } / Double(w.count)
    }

    /// Sets the limits and flag of a group from its expected count and
    /// variance; limits widen by √φ when φ > 1.
    static func applyLimits(_ g: inout GroupFigures, phi: Double) {
        guard let e = g.expected, let v = g.variance, e > 0, v > 0, let ratio = g.ratio else { return }
        let se = v.squareRoot() / e * (phi > 1 ? phi.squareRoot() : 1)
        let l95 = Interval(low: 1 - z95 * se, high: 1 + z95 * se)
        let l998 = Interval(low: 1 - z998 * se, high: 1 + z998 * se)
        g.limit95 = l95
        g.limit998 = l998
        if ratio > l998.high { g.funnelFlag = .highAlarm } else if ratio > l95.high { g.funnelFlag = .highAlert } else if ratio < l998.low {
            g.funnelFlag = .lowAlarm
        } else if ratio < l95.low { g.funnelFlag = .lowAlert } else { g.funnelFlag = .within }
    }
}
