import FSIIIStatistics

/// The check of the crosswalk on the data itself (issue 20): where a
/// citizen has a direct rating of a simplified condition and, within
/// `windowDays`, legacy ratings of its parts with no course in between,
/// how often the mapped (combined) legacy level equals the simplified one,
/// and Cohen's linearly weighted kappa of the two (`WeightedKappa`, levels
/// 0–4; pairs with a 9 on either side are left out). This is the evidence
/// to trust or replace the derived crosswalk; nobody publishes it.
///
/// Each direct rating is paired with the nearest legacy day that rated a
/// part of it (the earlier on a tie). A course whose span [start, end]
/// touches the interval between the two dates rules the pair out: the
/// course is meant to change the level. Only simplified conditions with
/// legacy parts other than themselves are checked (the six that keep their
/// J key map to themselves). A condition rated by fewer than `minCell`
/// citizens shows its pair count as suppressed and no figures (SPEC §10).
public struct CrosswalkAgreement: Sendable, Hashable {
    /// One simplified condition's agreement.
    public struct Condition: Sendable, Hashable {
        /// The simplified condition's name.
        public let condition: String
        /// Pairs (direct simplified rating, mapped legacy rating).
        public let pairs: Int
        /// Distinct citizens among the pairs.
        public let citizens: Int
        /// Share of pairs with equal levels; nil when suppressed or no pairs.
        public let exactAgreement: Double?
        /// Linearly weighted kappa; nil when suppressed, no pairs, or no disagreement to expect.
        public let weightedKappa: Double?
        /// Fewer than `--min-cell` citizens: figures hidden.
        public let suppressed: Bool
    }

    /// The largest distance in days between the two ratings of a pair.
    public static let windowDays = 30

    /// One entry per simplified condition with legacy parts, in terminology order.
    public let conditions: [Condition]

    package static func make(assessments a: AssessmentTable, courses: [Course], crosswalk: Crosswalk, combine: LevelCombination,
                             terminology t: Terminology, minCell: Int) -> CrosswalkAgreement {
        // Simplified conditions with parts other than themselves.
        var hasParts = [Bool](repeating: false, count: t.conditions.count)
        for r in crosswalk.rows { if let s = r.simplified, s != r.legacy { hasParts[s.index] = true } }
        var spans: [UInt32: [(Int32, Int32)]] = [:]
        for c in courses { spans[c.citizen, default: []].append((c.start.rawValue, c.end?.rawValue ?? Int32.max)) }
        var first: [[Int]] = Array(repeating: [], count: t.conditions.count)
        var second: [[Int]] = Array(repeating: [], count: t.conditions.count)
        var citizens: [Set<Int>] = Array(repeating: [], count: t.conditions.count)
        var parts: [Int32: [UInt8: [UInt8]]] = [:]
        for c in 0..<max(a.citizenStart.count - 1, 0) {
            let rows = a.rows(ofCitizen: c)
            guard !rows.isEmpty else { continue }
            parts.removeAll(keepingCapacity: true)
            var direct: [(condition: UInt8, day: Int32, level: UInt8)] = []
            for r in rows {
                let code = ConditionCode(a.condition[r])
                if hasParts[code.index] { direct.append((a.condition[r], a.day[r], a.level[r])); continue }
                guard let s = crosswalk.simplified(of: code), s != code else { continue }
                parts[a.day[r], default: [:]][s.rawValue, default: []].append(a.level[r])
            }
            guard !direct.isEmpty, !parts.isEmpty else { continue }
            let citizenSpans = spans[UInt32(c)] ?? []
            let days = parts.keys.sorted()
            for d in direct where d.level != 9 {
                var best: (distance: Int32, day: Int32)?
                for day in days where parts[day]?[d.condition] != nil {
                    let distance = abs(day - d.day)
                    guard distance <= Int32(windowDays) else { continue }
                    if best.map({ distance < $0.distance }) ?? true { best = (distance, day) }
                }
                guard let best, let levels = parts[best.day]?[d.condition], let legacy = combine.combine(levels), legacy != 9 else { continue }
                let lo = min(best.day, d.day), hi = max(best.day, d.day)
                if citizenSpans.contains(where: { $0.0 <= hi && $0.1 >= lo }) { continue }
                first[Int(d.condition)].append(Int(legacy))
                second[Int(d.condition)].append(Int(d.level))
                citizens[Int(d.condition)].insert(c)
            }
        }
        var out: [Condition] = []
        for concept in t.conditions where hasParts[concept.code.index] {
            let i = concept.code.index
            let n = first[i].count
            let suppressed = citizens[i].count < minCell
            let exact = n == 0 || suppressed ? nil : Double(zip(first[i], second[i]).filter { $0 == $1 }.count) / Double(n)
            let kappa = suppressed ? nil : WeightedKappa(first: first[i], second: second[i], categories: 5, weights: .linear)?.kappa
            out.append(Condition(condition: concept.display, pairs: n, citizens: citizens[i].count, exactAgreement: exact,
                                 weightedKappa: kappa, suppressed: suppressed && n > 0))
        }
        return CrosswalkAgreement(conditions: out)
    }
}
