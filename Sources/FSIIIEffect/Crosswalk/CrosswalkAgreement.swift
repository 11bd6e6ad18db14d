import FSIIIBytes
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
        // Course spans by citizen: sorted by citizen, then an offset per citizen.
        let byCitizen = courses.sorted { $0.citizen < $1.citizen }
        let citizenCount = max(a.citizenStart.count - 1, 0)
        var spanStart = [Int](repeating: 0, count: citizenCount + 1)
        for c in byCitizen where Int(c.citizen) < citizenCount { spanStart[Int(c.citizen) + 1] += 1 }
        for c in 0..<citizenCount { spanStart[c + 1] += spanStart[c] }
        let spans = byCitizen.filter { Int($0.citizen) < citizenCount }.map { ($0.start.rawValue, $0.end?.rawValue ?? Int32.max) }
        let target: [UInt8] = (0..<t.conditions.count).map { i in
            let code = ConditionCode(i)
            guard let s = crosswalk.simplified(of: code), s != code else { return 0xFF }
            return s.rawValue
        }
        // Pairs (condition, legacy, simplified, citizen) per chunk of citizens, on both cores.
        let parts = Parallel.chunks(citizenCount, minimum: 4096)
        let found = Parallel.map(0..<parts.count) { k -> [(UInt8, UInt8, UInt8, Int32)] in
            var out: [(UInt8, UInt8, UInt8, Int32)] = []
            // (target, day, level) of the citizen's mapped legacy rows, sorted; reused.
            var mapped: [(target: UInt8, day: Int32, level: UInt8)] = []
            var levels: [UInt8] = []
            for c in parts[k] {
                let rows = a.rows(ofCitizen: c)
                mapped.removeAll(keepingCapacity: true)
                var anyDirect = false
                for r in rows {
                    let condition = Int(a.condition[r])
                    if condition < hasParts.count && hasParts[condition] { anyDirect = true; continue }
                    let s = condition < target.count ? target[condition] : 0xFF
                    if s != 0xFF { mapped.append((s, a.day[r], a.level[r])) }
                }
                guard anyDirect, !mapped.isEmpty else { continue }
                mapped.sort { ($0.target, $0.day) < ($1.target, $1.day) }
                let citizenSpans = spans[spanStart[c]..<spanStart[c + 1]]
                for r in rows {
                    let condition = a.condition[r]
                    guard Int(condition) < hasParts.count, hasParts[Int(condition)], a.level[r] != 9 else { continue }
                    let day = a.day[r]
                    // The nearest mapped day of this condition within the window (the earlier on a tie).
                    var best: Int32?
                    var i = 0
                    while i < mapped.count && mapped[i].target < condition { i += 1 }
                    while i < mapped.count && mapped[i].target == condition {
                        let distance = abs(mapped[i].day - day)
                        if distance <= Int32(windowDays), best.map({ distance < abs($0 - day) }) ?? true { best = mapped[i].day }
                        i += 1
                    }
                    guard let legacyDay = best else { continue }
                    levels.removeAll(keepingCapacity: true)
                    for m in mapped where m.target == condition && m.day == legacyDay { levels.append(m.level) }
                    guard let legacy = combine.combine(levels), legacy != 9 else { continue }
                    let lo = min(legacyDay, day), hi = max(legacyDay, day)
                    if citizenSpans.contains(where: { $0.0 <= hi && $0.1 >= lo }) { continue }
                    out.append((condition, legacy, a.level[r], Int32(c)))
                }
            }
            return out
        }
        var first: [[Int]] = Array(repeating: [], count: t.conditions.count)
        var second: [[Int]] = Array(repeating: [], count: t.conditions.count)
        var citizens: [Set<Int32>] = Array(repeating: [], count: t.conditions.count)
        for part in found {
            for (condition, legacy, simplified, citizen) in part {
                first[Int(condition)].append(Int(legacy))
                second[Int(condition)].append(Int(simplified))
                citizens[Int(condition)].insert(citizen)
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
