import FSIIIBytes

/// Nearest-neighbour matching on the logit within each treated course's own
/// eligible pseudo-courses (its "risk set", ``PseudoCourses``): the rules of
/// ``PropensityMatching`` — k nearest by |ηₜ − η_c| within the caliper
/// δ = w·σ, σ the sample SD of the logits of all treated and all
/// candidate pseudo-courses together, ties by candidate index, 1:k with
/// replacement, fewer when fewer are inside, none unmatched with a reason —
/// applied to a candidate set that differs per treated course (index date
/// near its t0, spacing near its t1 − t0), which the strata of
/// ``PropensityMatching`` cannot express. With `exactMunicipality`, only the
/// eligible controls of the treated course's municipality, when it has any.
package struct RiskSetMatching: Sendable {
    package enum Unmatched: String, Sendable, Hashable {
        /// No candidate pseudo-course in the index and spacing windows.
        case noCandidate = "no_candidate"
        /// Candidates, but none within the caliper.
        case noneWithinCaliper = "none_within_caliper"
    }

    /// Controls of each treated unit, nearest first (empty when unmatched).
    package var sets: [[Int]]
    /// Why each unmatched treated unit has none (nil when matched).
    package var unmatched: [Unmatched?]
    /// Σ over the treated a control serves of 1/mᵢ.
    package var controlWeights: [Double]
    package var caliper: Double
    package var logitStandardDeviation: Double

    package init(treatedLogits: [Double], controlLogits: [Double], eligible: [[Int]], ratio k: Int, caliperWidth w: Double,
                 treatedStrata: [UInt32]? = nil, controlStrata: [UInt32]? = nil) {
        let all = treatedLogits + controlLogits
        let n = Double(all.count)
        let mean = all.reduce(0, +) / max(n, 1)
        let variance = all.count > 1 ? all.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1) : 0
        let sd = variance.squareRoot(), delta = w * sd
        // Each treated course's set depends on its own candidates alone: pieces of them on all cores,
        // then the weights added up in treated order (the same sums on any number of threads).
        let pieces = Parallel.chunks(treatedLogits.count, minimum: 1 << 12)
        let chosen = Parallel.map(pieces.indices) { piece in
            pieces[piece].map { i -> [Int] in
                var pool = eligible[i]
                if let ts = treatedStrata, let cs = controlStrata {
                    let same = pool.filter { cs[$0] == ts[i] }
                    if !same.isEmpty { pool = same }
                }
                let eta = treatedLogits[i]
                let inside = pool.lazy.map { (distance: abs(controlLogits[$0] - eta), index: $0) }.filter { $0.distance <= delta }
                return inside.sorted { ($0.distance, $0.index) < ($1.distance, $1.index) }.prefix(k).map(\.index)
            }
        }
        var weights = [Double](repeating: 0, count: controlLogits.count)
        var sets: [[Int]] = [], unmatched: [Unmatched?] = []
        sets.reserveCapacity(treatedLogits.count)
        unmatched.reserveCapacity(treatedLogits.count)
        for (piece, range) in pieces.enumerated() {
            for (i, set) in zip(range, chosen[piece]) {
                sets.append(set)
                unmatched.append(set.isEmpty ? (eligible[i].isEmpty ? .noCandidate : .noneWithinCaliper) : nil)
                for j in set { weights[j] += 1 / Double(set.count) }
            }
        }
        self.sets = sets
        self.unmatched = unmatched
        controlWeights = weights
        logitStandardDeviation = sd
        caliper = delta
    }

    package var matchedCount: Int { sets.reduce(0) { $0 + ($1.isEmpty ? 0 : 1) } }
}
