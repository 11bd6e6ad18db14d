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
    /// The number of treated units with at least one control.
    package let matchedCount: Int

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
            // The k nearest inside the caliper by (distance, index), kept sorted as they are found: the
            // prefix of all of them sorted, without an array of them per treated course.
            var best: [(distance: Double, index: Int)] = []
            best.reserveCapacity(k + 1)
            return pieces[piece].map { i -> [Int] in
                guard k > 0 else { return [] }
                let pool = eligible[i]
                var stratum: UInt32?
                if let ts = treatedStrata, let cs = controlStrata, pool.contains(where: { cs[$0] == ts[i] }) { stratum = ts[i] }
                let eta = treatedLogits[i]
                best.removeAll(keepingCapacity: true)
                for j in pool {
                    if let stratum, controlStrata![j] != stratum { continue }
                    let d = abs(controlLogits[j] - eta)
                    guard d <= delta else { continue }
                    if best.count == k {
                        guard (d, j) < (best[k - 1].distance, best[k - 1].index) else { continue }
                        best.removeLast()
                    }
                    var at = best.count
                    while at > 0 && (d, j) < (best[at - 1].distance, best[at - 1].index) { at -= 1 }
                    best.insert((d, j), at: at)
                }
                return best.map(\.index)
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
        matchedCount = sets.reduce(0) { $0 + ($1.isEmpty ? 0 : 1) }
        controlWeights = weights
        logitStandardDeviation = sd
        caliper = delta
    }
}
