/// How well predicted risks of a binary outcome separate and match the
/// outcomes: the C-statistic and calibration by deciles of predicted risk.
public enum Discrimination {
    /// The C-statistic (area under the ROC curve) in its Mann–Whitney form:
    /// over every pair of one event (y = 1) and one non-event (y = 0), the
    /// share in which the event has the higher score, a tie counting ½:
    ///
    ///     C = (R₁ − n₁(n₁ + 1)/2) / (n₁·n₀),
    ///
    /// R₁ the sum of the events' average ranks among all scores, n₁ events,
    /// n₀ non-events. Equals `wilcox.test(s[y], s[!y])$statistic / (n₁ n₀)`
    /// in R. Hanley, J. A. & McNeil, B. J. (1982), "The meaning and use of
    /// the area under a receiver operating characteristic (ROC) curve",
    /// Radiology 143(1), 29–36. nil when either class is empty or a score is NaN.
    public static func cStatistic(scores: [Double], outcomes: [Bool]) -> Double? {
        precondition(scores.count == outcomes.count, "one outcome per score")
        guard !scores.contains(where: \.isNaN) else { return nil }
        let events = outcomes.filter { $0 }.count, nonEvents = outcomes.count - events
        guard events > 0, nonEvents > 0 else { return nil }
        let ranks = Ranks.average(scores)
        var r1 = 0.0
        for (i, y) in outcomes.enumerated() where y { r1 += ranks[i] }
        let n1 = Double(events), n0 = Double(nonEvents)
        return (r1 - n1 * (n1 + 1) / 2) / (n1 * n0)
    }

    /// One group of a calibration table.
    public struct CalibrationGroup: Sendable, Hashable {
        /// Observations in the group.
        public var count: Int
        /// Mean predicted risk.
        public var meanPredicted: Double
        /// Share with the outcome.
        public var observedShare: Double
    }

    /// Calibration by `groups` quantile groups of predicted risk (deciles by
    /// default), as in the Hosmer–Lemeshow table: the observations sorted by
    /// predicted risk (ties in input order), group g holding positions
    /// ⌊g·n/G⌋ ..< ⌊(g + 1)·n/G⌋, so the sizes differ by at most one and
    /// tied risks may straddle a boundary; per group its size, mean
    /// predicted risk and observed share. Empty groups (n < G) are left out.
    /// Hosmer, D. W., Lemeshow, S. & Sturdivant, R. X. (2013), *Applied
    /// Logistic Regression*, 3rd ed., Wiley, §5.2.2.
    public static func calibration(predicted: [Double], outcomes: [Bool], groups: Int = 10) -> [CalibrationGroup] {
        precondition(predicted.count == outcomes.count, "one outcome per prediction")
        precondition(groups >= 1, "at least one group")
        let n = predicted.count
        let order = predicted.indices.sorted { predicted[$0] < predicted[$1] || (predicted[$0] == predicted[$1] && $0 < $1) }
        var out: [CalibrationGroup] = []
        for g in 0..<groups {
            let lower = g * n / groups, upper = (g + 1) * n / groups
            guard upper > lower else { continue }
            var sum = 0.0, events = 0
            for position in lower..<upper {
                sum += predicted[order[position]]
                if outcomes[order[position]] { events += 1 }
            }
            let count = upper - lower
            out.append(CalibrationGroup(count: count, meanPredicted: sum / Double(count), observedShare: Double(events) / Double(count)))
        }
        return out
    }
}
