/// Nearest-neighbour matching on the logit of the propensity score, 1:k
/// with replacement, within a caliper, optionally exactly within strata:
/// the matched comparison group of issue 18.
///
/// - Distance: |ηₜ − η_c| between the logits (Rosenbaum, P. R. & Rubin,
///   D. B. (1985), "Constructing a control group using multivariate matched
///   sampling methods that incorporate the propensity score", The American
///   Statistician 39(1), 33–38).
/// - Caliper: a control is eligible only when |ηₜ − η_c| ≤ δ = w·σ, w = 0.2
///   (Austin, P. C. (2011), "Optimal caliper widths for propensity-score
///   matching when estimating differences in means and differences in
///   proportions in observational studies", Pharmaceutical Statistics
///   10(2), 150–161). σ is, by default, the sample standard deviation
///   (n − 1) of the logits of all treated and controls together — what R's
///   MatchIt does with `std.caliper = TRUE` (`sd(distance)`);
///   ``CaliperScale/averageGroupVariance`` takes √((s²ₜ + s²_c)/2), the
///   "pooled" SD of the Rosenbaum–Rubin tradition, instead.
/// - 1:k with replacement: each treated unit gets the k eligible controls
///   nearest to it, independently of the other treated (so the order of the
///   treated does not matter); fewer when fewer are eligible; none makes it
///   unmatched, reported, not dropped silently.
/// - Ties: controls are ranked by (distance, input index), so of two
///   controls at the same distance the one given first wins, and the
///   result never depends on sorting or search order. (MatchIt breaks ties
///   by its own data order; with continuous logits ties do not occur.)
/// - Exact strata (municipality): a treated unit is matched only to
///   controls of its own stratum; σ is still taken over all units, as
///   MatchIt's `exact =` does. A stratum without controls leaves its
///   treated unmatched, or (``Options/matchAcrossEmptyStrata``) lets them
///   match among all controls.
/// - Weights (ATT): a treated unit with mᵢ ≥ 1 controls gives each of them
///   1/mᵢ; a control's weight is the sum over the treated it serves, so the
///   control weights add up to the number of matched treated. (MatchIt
///   rescales the same weights to add up to the number of matched
///   controls.)
///
/// Cost: the controls of each stratum are sorted once by logit,
/// O(n_c log n_c); each treated unit then finds its place by binary search
/// and expands outwards over at most k controls and their ties,
/// O(log n_c + k); in all O((nₜ + n_c) log n_c + nₜ·k).
public struct PropensityMatching: Sendable, Hashable {
    /// How σ, the unit of the caliper, is taken.
    public enum CaliperScale: Sendable, Hashable {
        /// The sample SD of the logits of all treated and controls together
        /// (MatchIt's `std.caliper = TRUE`).
        case pooledSample
        /// √((s²ₜ + s²_c)/2), s² each group's sample variance of the logit.
        case averageGroupVariance
    }

    /// The matching rules.
    public struct Options: Sendable, Hashable {
        /// k, the number of controls sought for each treated unit (≥ 1).
        public var ratio: Int
        /// w: the caliper is w·σ (Austin 2011: 0.2).
        public var caliperWidth: Double
        /// How σ is taken.
        public var caliperScale: CaliperScale
        /// With strata: whether treated units in a stratum that has no
        /// controls at all are matched among all controls instead of being
        /// left unmatched (issue 18: "exact match on municipality when it
        /// has controls").
        public var matchAcrossEmptyStrata: Bool

        /// The rules of issue 18 by default: k = 3, caliper 0.2·σ with σ
        /// over all units, a treated unit in a stratum without controls
        /// left unmatched.
        public init(ratio: Int = 3, caliperWidth: Double = 0.2, caliperScale: CaliperScale = .pooledSample,
                    matchAcrossEmptyStrata: Bool = false) {
            self.ratio = ratio
            self.caliperWidth = caliperWidth
            self.caliperScale = caliperScale
            self.matchAcrossEmptyStrata = matchAcrossEmptyStrata
        }
    }

    /// Why a treated unit has no control.
    public enum UnmatchedReason: Sendable, Hashable {
        /// No control lies within the caliper.
        case noControlWithinCaliper
        /// Its stratum has no controls (and matching across strata is off).
        case noControlInStratum
    }

    /// δ, the caliper in logit units.
    public let caliper: Double
    /// σ, the standard deviation δ is a multiple of.
    public let logitStandardDeviation: Double
    /// The options used.
    public let options: Options
    /// Control indices of all treated units, one run per treated unit
    /// (nearest first), delimited by `start`.
    private let matched: [Int]
    private let start: [Int]
    /// wⱼ for each control: Σ over the treated it serves of 1/mᵢ.
    public let controlWeights: [Double]
    /// A treated unit without a control.
    public struct Unmatched: Sendable, Hashable {
        /// Its index among the treated.
        public var treated: Int
        /// Why it has no control.
        public var reason: UnmatchedReason
    }

    /// The treated units without a control, in treated order.
    public let unmatched: [Unmatched]

    /// The number of treated units.
    public var treatedCount: Int { start.count - 1 }

    /// The controls of treated unit `i`, nearest first (empty when unmatched).
    public func controls(ofTreated i: Int) -> ArraySlice<Int> {
        matched[start[i]..<start[i + 1]]
    }

    /// 1 for a treated unit with at least one control, 0 otherwise: the
    /// treated side's weights for balance after matching.
    public var treatedWeights: [Double] {
        (0..<treatedCount).map { start[$0 + 1] > start[$0] ? 1 : 0 }
    }

    /// The number of treated units with at least one control.
    public var matchedTreatedCount: Int { treatedCount - unmatched.count }

    /// Matches each treated unit to up to k controls.
    ///
    /// - Parameters:
    ///   - treatedLogits, controlLogits: ηᵢ of each unit (finite).
    ///   - treatedStrata, controlStrata: a stratum key per unit for exact
    ///     matching (both or neither).
    /// - Throws: ``MatchingError`` for a non-finite logit, a ratio below 1,
    ///   a negative caliper width or strata of the wrong length.
    public init(treatedLogits: [Double], controlLogits: [Double], treatedStrata: [Int]? = nil,
                controlStrata: [Int]? = nil, options: Options = Options()) throws(MatchingError) {
        guard options.ratio >= 1 else { throw .invalidRatio(options.ratio) }
        guard options.caliperWidth >= 0, options.caliperWidth.isFinite else { throw .invalidCaliperWidth(options.caliperWidth) }
        if let i = treatedLogits.firstIndex(where: { !$0.isFinite }) { throw .nonFiniteLogit(treated: true, index: i) }
        if let i = controlLogits.firstIndex(where: { !$0.isFinite }) { throw .nonFiniteLogit(treated: false, index: i) }
        guard (treatedStrata == nil) == (controlStrata == nil),
              treatedStrata.map({ $0.count == treatedLogits.count }) ?? true,
              controlStrata.map({ $0.count == controlLogits.count }) ?? true else { throw .strataMismatch }

        let sigma = Self.scale(treatedLogits, controlLogits, options.caliperScale)
        let delta = options.caliperWidth * sigma
        // Controls per stratum, sorted by (logit, index).
        var byStratum: [Int: [Int]] = [:]
        for (j, key) in (controlStrata ?? [Int](repeating: 0, count: controlLogits.count)).enumerated() {
            byStratum[key, default: []].append(j)
        }
        var sorted: [Int: SortedControls] = [:]
        for (key, members) in byStratum { sorted[key] = SortedControls(members, controlLogits) }
        let everyone = controlStrata == nil ? nil : SortedControls(Array(controlLogits.indices), controlLogits)

        var matched: [Int] = [], start = [0]
        var weights = [Double](repeating: 0, count: controlLogits.count)
        var unmatched: [Unmatched] = []
        matched.reserveCapacity(treatedLogits.count * options.ratio)
        for (i, eta) in treatedLogits.enumerated() {
            let key = treatedStrata?[i] ?? 0
            let pool = sorted[key] ?? (options.matchAcrossEmptyStrata ? everyone : nil)
            if let pool {
                let found = pool.nearest(to: eta, count: options.ratio, caliper: delta)
                matched += found
                for j in found { weights[j] += 1 / Double(found.count) }
                if found.isEmpty { unmatched.append(Unmatched(treated: i, reason: .noControlWithinCaliper)) }
            } else {
                unmatched.append(Unmatched(treated: i, reason: controlStrata != nil ? .noControlInStratum : .noControlWithinCaliper))
            }
            start.append(matched.count)
        }
        self.caliper = delta
        self.logitStandardDeviation = sigma
        self.options = options
        self.matched = matched
        self.start = start
        self.controlWeights = weights
        self.unmatched = unmatched
    }

    /// σ of the caliper; 0 when there are fewer than two logits (per group
    /// for the average of group variances).
    static func scale(_ treated: [Double], _ controls: [Double], _ scale: CaliperScale) -> Double {
        func variance(_ v: [Double]) -> Double? {
            guard v.count >= 2 else { return nil }
            let mean = v.reduce(0, +) / Double(v.count)
            return v.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(v.count - 1)
        }
        switch scale {
        case .pooledSample:
            return (variance(treated + controls) ?? 0).squareRoot()
        case .averageGroupVariance:
            guard let t = variance(treated), let c = variance(controls) else { return 0 }
            return ((t + c) / 2).squareRoot()
        }
    }
}

/// The controls of one stratum, sorted by (logit, index), searched from the
/// place a treated logit would take.
struct SortedControls: Sendable {
    let logits: [Double]
    let indices: [Int]

    init(_ members: [Int], _ all: [Double]) {
        let order = members.sorted { all[$0] != all[$1] ? all[$0] < all[$1] : $0 < $1 }
        indices = order
        logits = order.map { all[$0] }
    }

    /// Up to `count` controls within `caliper` of `eta`, ranked by
    /// (distance, index). Expands left and right from the insertion point,
    /// always taking the nearer side, until `count` are found and the next
    /// one is farther than the last taken (so ties at the k-th distance are
    /// all seen and the index decides).
    func nearest(to eta: Double, count k: Int, caliper: Double) -> [Int] {
        var low = 0, high = logits.count
        while low < high {   // first position with logit ≥ eta
            let mid = (low + high) / 2
            if logits[mid] < eta { low = mid + 1 } else { high = mid }
        }
        var left = low - 1, right = low
        var found: [(distance: Double, index: Int)] = []
        while true {
            let dl = left >= 0 ? eta - logits[left] : .infinity
            let dr = right < logits.count ? logits[right] - eta : .infinity
            let d = min(dl, dr)
            guard d <= caliper else { break }
            if found.count >= k, let last = found.last, d > last.distance { break }
            if dl <= dr {
                found.append((dl, indices[left]))
                left -= 1
            } else {
                found.append((dr, indices[right]))
                right += 1
            }
            found.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.index < $1.index }
        }
        return found.prefix(k).map(\.index)
    }
}

/// Why matching could not be done.
public enum MatchingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A logit is NaN or infinite (a propensity of exactly 0 or 1).
    case nonFiniteLogit(treated: Bool, index: Int)
    /// k < 1.
    case invalidRatio(Int)
    /// The caliper width is negative or not finite.
    case invalidCaliperWidth(Double)
    /// Strata given for one group only, or not one key per unit.
    case strataMismatch

    public var description: String {
        switch self {
        case let .nonFiniteLogit(treated, index):
            return "matching: the logit of \(treated ? "treated" : "control") unit \(index + 1) is not finite; fit the propensity model without separation first"
        case let .invalidRatio(k):
            return "matching: k = \(k) controls per treated unit; give k ≥ 1"
        case let .invalidCaliperWidth(w):
            return "matching: caliper width \(w); give a width ≥ 0 in standard deviations of the logit"
        case .strataMismatch:
            return "matching: give one stratum key per treated and per control unit, or none for either"
        }
    }
}
