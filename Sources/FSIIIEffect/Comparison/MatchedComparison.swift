import FSIIIBytes
import FSIIIStatistics

/// Does rehabilitation work? The courses of a data set against a matched
/// comparison group of pseudo-courses (issue 18 §1; docs/METHODS.md).
///
/// 1. Treated: every evaluable course, with t0 its earliest compared
///    baseline date and t1 its latest follow-up date.
/// 2. Candidates: ``PseudoCourses`` — per treated course, at most one
///    pseudo-course per citizen without a course (index within ±60 days of
///    t0, spacing within ±50 % of t1 − t0), evaluated as a course
///    (SPEC §5–6), so treated and control `meanChange` are on one scale.
/// 3. Propensity: P(treated | x) by logistic regression (IRLS,
///    ``LogisticRegression``) on the covariates of ``ComparisonCovariates``,
///    categories one-sided in treatment pooled by ``CovariateDesign``,
///    constant and collinear columns dropped by the fit.
/// 4. Matching: ``RiskSetMatching``, k nearest on the logit within
///    0.2 SD, with replacement, each treated course among its own candidates.
/// 5. Balance: d = (x̄ₜ − x̄_c)/√((s²ₜ + s²_c)/2) per design column, the SDs
///    from before matching, after matching with control weights Σ 1/mᵢ
///    (``StandardizedMeanDifference``); |d| ≥ 0.1 is named.
/// 6. Effect: ATT = (1/n) Σᵢ (Yᵢ − Mᵢ), Yᵢ the course `meanChange`, Mᵢ the
///    mean of its controls'; the same with Y = improved (0/1). 95 %
///    interval: percentile bootstrap over treated *citizens* with their
///    courses' matched sets, B and seed as the cost bootstrap takes them,
///    the draws of ``MatchedBootstrap`` on the per-citizen sums
///    (ATT_b = Σ k_c D_c / Σ k_c n_c; with one course per citizen exactly
///    ``MatchedBootstrap``'s ATT_b). Per group (`--by`), the group's own
///    courses' ATT, its interval the domain ratio of the same resamples
///    (``ClusteredATT``).
///
/// This is an observational comparison, not a trial: it balances the
/// measured covariates only, and an unmeasured reason for referral that
/// also drives recovery biases it.
public enum MatchedComparison {
    /// The comparison of `dataset`'s courses under `options` (their
    /// windows, `--by` grouping, `--min-cell`, the bootstrap's B and seed,
    /// and `options.matched`, whose `enabled` is ignored here).
    public static func compare(_ dataset: Dataset, options: ReportOptions = ReportOptions()) -> MatchedComparisonResult {
        let evaluation = CourseEvaluator.evaluate(dataset.courses, assessments: dataset.assessments, citizens: dataset.citizens,
                                                  windows: options.windows)
        let rtm = RegressionToTheMeanEstimate.make(evaluation, inputs: ComparisonInputs(dataset, courses: dataset.courses))
        let classifier = GroupClassifier(options.groupBy, dataset: dataset, results: evaluation.results, horizonDays: options.horizonDays)
        return run(evaluation, inputs: ComparisonInputs(dataset, courses: dataset.courses), options: options,
                   groups: classifier, suppressed: [], rtm: rtm).result
    }

    /// The comparison and the matched controls (for the durability of the controls).
    package struct Run: Sendable {
        package var result: MatchedComparisonResult
        /// The matched control units and their weights.
        package var controls: [(unit: ComparisonUnit, weight: Double)]
    }

    /// The comparison of `evaluation`'s courses; `evaluated` is called once
    /// the candidate pseudo-courses are evaluated (when the stages that
    /// follow leave a core idle now and then: work a caller starts there fills
    /// it), and `matched` with the matched controls and their weights as soon
    /// as the matching has chosen them (not when no treated course is
    /// matched), so a caller can work on them beside the balance and the
    /// bootstraps.
    package static func run(_ evaluation: CourseEvaluation, inputs d: ComparisonInputs, options: ReportOptions,
                            groups: GroupClassifier, suppressed: Set<String>, rtm: RegressionToTheMeanEstimate?,
                            evaluated: () -> Void = {},
                            matched: ([(unit: ComparisonUnit, weight: Double)]) -> Void = { _ in }) -> Run {
        let o = options.matched
        let treatedUnits = evaluation.results.filter(\.isEvaluable).map { ComparisonUnit(result: $0, pairs: evaluation.pairs[$0.pairs]) }
        let naive = treatedUnits.isEmpty ? nil : treatedUnits.reduce(0) { $0 + $1.meanChange } / Double(treatedUnits.count)
        var r = MatchedComparisonResult(options: o, bootstrap: options.comparison.bootstrap, seed: options.comparison.seed,
                                 treated: treatedUnits.count, matched: 0, unmatched: treatedUnits.count, unmatchedNoCandidate: 0,
                                 unmatchedOutsideCaliper: 0, candidateCitizens: 0, candidatePseudoCourses: 0, controls: 0,
                                 caliper: nil, balance: [], notes: [], naiveMeanChange: naive, effect: nil, improvedShareEffect: nil,
                                 rtmExpected: rtm?.expectedShift, groups: [:], problem: nil)
        guard !treatedUnits.isEmpty else { r.problem = .noTreated; return Run(result: r, controls: []) }
        // Sub-stages, printed by `FSIII_STAGES=1` (where the comparison's time goes).
        var t = StageTimings()

        // Candidates, evaluated as courses.
        var pseudo = t.measure("comparison: pseudo-courses") { () -> PseudoCourses in
            let treated = treatedUnits.map { ($0.result.citizen, $0.t0, $0.t1) }
            if let early = d.candidateDates { return PseudoCourses.make(treated: treated, dates: early.take(), options: o) }
            return PseudoCourses.make(treated: treated, assessments: d.assessments, citizenCount: d.citizens.count, courses: d.courses, options: o)
        }
        r.candidateCitizens = pseudo.candidateCitizens
        let pe = t.measure("comparison: evaluate") { CourseEvaluator.evaluateInCitizenOrder(pseudo.courses, assessments: d.assessments, citizens: d.citizens,
                                          windows: PseudoCourses.windows(options.windows)) }
        evaluated()
        // Evaluable pseudo-courses, numbered in order of first use in the treated courses' lists. Every
        // pseudo-course is in some list, and they are numbered by first appearance in the lists in order
        // (each list ascending), so that order is theirs: the number is the count of evaluable ones before.
        // The treated units, then the control units, in one array (the propensity model's rows).
        let nt = treatedUnits.count
        let (units, eligible) = t.measure("comparison: candidates") { () -> ([ComparisonUnit], [[Int]]) in
            var number = [Int](repeating: -1, count: pseudo.courses.count)
            var used: [Int] = []   // the pseudo-course of each control unit
            for j in pe.results.indices where pe.results[j].isEvaluable {
                number[j] = used.count
                used.append(j)
            }
            // Each distinct list renumbered in place (it is the only reference once taken out of `pseudo`),
            // then given to each treated course that has it (shared, not copied).
            var distinct = pseudo.lists
            pseudo.lists = []
            let lists = Parallel.chunks(distinct.count, minimum: 1 << 12)
            distinct.withUnsafeMutableBufferPointer { buffer in
                guard let start = buffer.baseAddress else { return }
                let base = UnsafeSendable(start)
                _ = Parallel.map(lists.indices) { k in
                    for t in lists[k] {
                        let list = base.value + t
                        var kept = 0
                        for i in list.pointee.indices where number[list.pointee[i]] >= 0 {
                            list.pointee[kept] = number[list.pointee[i]]
                            kept += 1
                        }
                        list.pointee.removeLast(list.pointee.count - kept)
                    }
                }
            }
            let eligible = pseudo.listOf.map { distinct[Int($0)] }
            // Each control unit made in its place (not in pieces joined and then appended to the treated).
            let pieces = Parallel.chunks(used.count)
            let units = [ComparisonUnit](unsafeUninitializedCapacity: nt + used.count) { buffer, initialized in
                guard let start = buffer.baseAddress else { return }
                start.initialize(from: treatedUnits, count: nt)
                let base = UnsafeSendable(start + nt)
                _ = Parallel.map(pieces.indices) { k in
                    for u in pieces[k] {
                        (base.value + u).initialize(to: ComparisonUnit(result: pe.results[used[u]], pairs: pe.pairs[pe.results[used[u]].pairs]))
                    }
                }
                initialized = nt + used.count
            }
            return (units, eligible)
        }
        let nc = units.count - nt
        r.candidatePseudoCourses = nc
        r.unmatchedNoCandidate = eligible.reduce(0) { $0 + ($1.isEmpty ? 1 : 0) }
        guard nc >= 2 else { r.problem = .noCandidates; return Run(result: r, controls: []) }

        // Propensity model.
        let isTreated = units.indices.map { $0 < nt }
        let covariates = t.measure("comparison: covariates") { ComparisonCovariates.make(units, dataset: d) }
        let design: CovariateDesign
        let fit: LogisticFit
        do {
            design = try t.measure("comparison: design") { try CovariateDesign(covariates, treated: isTreated) }
            fit = try t.measure("comparison: propensity fit") { try LogisticRegression.fitWithoutStandardErrors(design.matrix, outcome: isTreated) }
        } catch {
            r.problem = .modelFailed(String(describing: error))
            return Run(result: r, controls: [])
        }
        for c in design.codings where !c.pooled.isEmpty {
            r.notes.append("\(c.covariate): \(c.pooled.count) level(s) without treated or without candidates pooled into \"\(c.pooledInto ?? c.reference)\"")
        }
        for c in fit.droppedColumns { r.notes.append("\(c.name): left out of the model (constant or collinear)") }
        let eta = fit.linearPredictors
        let tEta = Array(eta[0..<nt]), cEta = Array(eta[nt...])
        let strata: ([UInt32], [UInt32])? = o.exactMunicipality ? (treatedUnits.map(\.result.municipality), units[nt...].map(\.result.municipality)) : nil
        let m = t.measure("comparison: matching") { RiskSetMatching(treatedLogits: tEta, controlLogits: cEta, eligible: eligible, ratio: o.ratio, caliperWidth: o.caliperWidth,
                                treatedStrata: strata?.0, controlStrata: strata?.1) }
        r.caliper = m.caliper
        r.matched = m.matchedCount
        r.unmatched = nt - m.matchedCount
        r.unmatchedNoCandidate = m.unmatched.filter { $0 == .noCandidate }.count
        r.unmatchedOutsideCaliper = m.unmatched.filter { $0 == .noneWithinCaliper }.count
        r.controls = m.controlWeights.filter { $0 > 0 }.count
        let controls = (0..<nc).compactMap { j in m.controlWeights[j] > 0 ? (units[nt + j], m.controlWeights[j]) : nil }
        if m.matchedCount > 0 { matched(controls) }

        // Balance on every design column but the intercept, the columns on all cores.
        let tw = m.sets.map { $0.isEmpty ? 0.0 : 1.0 }
        r.balance = t.measure("comparison: balance") {
            let columns = Array(1..<design.matrix.columnCount)
            let smds = StandardizedMeanDifference.columns(of: design.matrix, treatedRows: nt, columns: columns,
                                                          treatedWeights: tw, controlWeights: m.controlWeights)
            return zip(columns, smds).compactMap { j, smd in
                smd.map { MatchedComparisonResult.Balance(covariate: design.matrix.columnNames[j], smdBefore: $0.before, smdAfter: $0.after) }
            }
        }
        guard m.matchedCount > 0 else { r.problem = .allUnmatched; return Run(result: r, controls: []) }

        // Effects, overall and per group, from one set of draws: the groups' intervals are domain estimates
        // of the overall resamples (``ClusteredATT``), so a group costs one pass over its citizens, not its own draws.
        let matchedTreated = m.sets.indices.filter { !m.sets[$0].isEmpty }
        let matching = Matched(treated: treatedUnits, controls: units[nt...], sets: m.sets,
                               replicates: options.comparison.bootstrap, seed: options.comparison.seed)
        var names: [String] = [], domainOf: [Int32] = []
        if !options.grouping.groupsPairs {
            // Domains numbered by the first matched course of each group name; the name is made once per
            // distinct group key, not once per course (keys that share a name are one domain).
            var domainOfKey: [Int: Int32] = [:], byName = FirstSeenNumbers<String>()
            domainOf = matchedTreated.map { i in
                let key = groups.key(treatedUnits[i].result)
                if let g = domainOfKey[key] { return g }
                let g = byName.number(groups.name(treatedUnits[i].result))
                domainOfKey[key] = g
                return g
            }
            names = byName.keys
        }
        // The mean change and the improved share from the same draws (the same seed gave them the same draws before).
        let (overall, byGroup) = t.measure("comparison: effects") {
            matching.estimates(matchedTreated, outcomes: [.meanChange, .improved], domains: names.isEmpty ? nil : (domainOf, names.count))
        }
        r.effect = overall[0]
        r.improvedShareEffect = overall[1]
        let smallest = max(options.minCell, 2)
        for (g, name) in names.enumerated() where !suppressed.contains(name) {
            guard let e = byGroup[g], e.citizens >= smallest else { continue }
            r.groups[name] = e
        }
        return Run(result: r, controls: controls)
    }
}

/// The matched sets of a comparison, with the bootstrap's B and seed.
private struct Matched: Sendable {
    /// The outcomes an effect is estimated for.
    enum Outcome: Int { case meanChange, improved }

    /// The treated units and the control units (the sets' indices count from the first control).
    var treated: [ComparisonUnit]
    var controls: ArraySlice<ComparisonUnit>
    /// The controls of each treated unit.
    var sets: [[Int]]
    var replicates: Int
    var seed: UInt64

    init(treated: [ComparisonUnit], controls: ArraySlice<ComparisonUnit>, sets: [[Int]], replicates: Int, seed: UInt64) {
        self.treated = treated
        self.controls = controls
        self.sets = sets
        self.replicates = replicates
        self.seed = seed
    }

    /// The outcome's value of a unit, read in place (a unit copied out of
    /// its array would retain and release its pairs).
    private static func value(_ unit: UnsafePointer<ComparisonUnit>, _ outcome: Outcome) -> Double {
        switch outcome {
        case .meanChange: unit.pointee.result.meanChange
        case .improved: unit.pointee.result.outcome == .improved ? 1 : 0
        }
    }

    /// The ATT of each outcome over the treated units `members` (matched
    /// ones), from one set of draws: Yᵢ against the mean of its controls'.
    /// With `domains` (one per member), also the first outcome's ATT per domain.
    /// Only the members and their controls are read (not every unit).
    func estimates(_ members: [Int], outcomes: [Outcome], domains: (of: [Int32], count: Int)?)
        -> (overall: [MatchedComparisonResult.Estimate?], domains: [MatchedComparisonResult.Estimate?]) {
        let (values, citizens) = treated.withUnsafeBufferPointer { t in
            controls.withUnsafeBufferPointer { c in
                // Members are matched, so with any member there are treated units and controls.
                guard let t = t.baseAddress, let c = c.baseAddress else {
                    return (outcomes.map { _ in ([Double](), [Double]()) }, [UInt32]())
                }
                // Each member's outcomes and its controls' means, in chunks of members on the cores (a control
                // unit is read once for every outcome); each value is its member's alone, so the same on any
                // number of threads.
                let (treatedUnits, controlUnits) = (UnsafeSendable(t), UnsafeSendable(c))
                let chunks = Parallel.chunks(members.count, minimum: 1 << 12)
                let parts = Parallel.map(chunks.indices) { k -> (values: [[Double]], citizens: [UInt32]) in
                    var values = [[Double]](repeating: [], count: 2 * outcomes.count)
                    for o in values.indices { values[o].reserveCapacity(chunks[k].count) }
                    var citizens: [UInt32] = []
                    citizens.reserveCapacity(chunks[k].count)
                    for i in members[chunks[k]] {
                        let set = sets[i]
                        for (o, outcome) in outcomes.enumerated() {
                            values[2 * o].append(Self.value(treatedUnits.value + i, outcome))
                            values[2 * o + 1].append(set.reduce(0) { $0 + Self.value(controlUnits.value + $1, outcome) } / Double(set.count))
                        }
                        citizens.append(treatedUnits.value[i].result.citizen)
                    }
                    return (values, citizens)
                }
                let values = outcomes.indices.map { o in
                    (parts.flatMap { $0.values[2 * o] }, parts.flatMap { $0.values[2 * o + 1] })
                }
                return (values, parts.flatMap(\.citizens))
            }
        }
        return ClusteredATT.estimates(citizens: citizens, outcomes: values, replicates: replicates, seed: seed, domains: domains)
    }
}

/// The ATT with a percentile bootstrap over treated citizens (clusters of
/// their courses): see ``MatchedComparison`` step 6.
///
/// Several outcomes of the same courses share one set of draws (they take
/// the same seed, so each gets exactly the replicates it would get alone),
/// and the replicates are split over the cores in blocks: replicate b's
/// draws come from seed_b alone (``MatchedBootstrap/replicateSeeds(count:seed:)``),
/// so the interval is the same, bit for bit, on any number of threads.
package enum ClusteredATT {
    package static func estimate(citizens: [UInt32], treated y: [Double], controls mean: [Double], replicates: Int, seed: UInt64,
                                 level: Double = 0.95) -> MatchedComparisonResult.Estimate? {
        estimates(citizens: citizens, outcomes: [(y, mean)], replicates: replicates, seed: seed, level: level)[0]
    }

    /// One estimate per outcome (treated outcomes and control means, one
    /// per course of `citizens`), from one set of bootstrap draws. The
    /// citizens are registry indices: a table as long as the largest one
    /// numbers their clusters.
    package static func estimates(citizens: [UInt32], outcomes: [(treated: [Double], controls: [Double])], replicates: Int,
                                  seed: UInt64, level: Double = 0.95, workers: Int = Parallel.workers) -> [MatchedComparisonResult.Estimate?] {
        estimates(citizens: citizens, outcomes: outcomes, replicates: replicates, seed: seed, level: level, workers: workers, domains: nil).overall
    }

    /// ``estimates(citizens:outcomes:replicates:seed:level:workers:)`` and,
    /// with `domains` (a domain in 0 ..< `count` for each course), the
    /// first outcome's estimate in each domain (nil for a domain without a
    /// course). A domain's effect, means and counts are those of its
    /// courses alone, exactly as the estimate of those courses by
    /// themselves; its interval comes from the same resamples of all the
    /// citizens, with ATT_{g,b} = Σ_{c} k_c D_{c,g} / Σ_{c} k_c n_{c,g} over
    /// the citizens with courses in domain g (D_{c,g}, n_{c,g}: the sum of
    /// Yᵢ − Mᵢ and the number of citizen c's courses in g), so a domain
    /// needs no draws of its own (``MatchedBootstrap/replicateSums(columns:width:seeds:domains:)``).
    /// A replicate that draws no citizen of the domain has no ATT_{g,b}
    /// and is left out of that domain's percentiles (the interval is
    /// conditional on the domain being drawn; with m citizens that happens
    /// with probability ≈ e^−m, under 0.7 % of the replicates for the five
    /// citizens a shown group has at least).
    package static func estimates(citizens: [UInt32], outcomes: [(treated: [Double], controls: [Double])], replicates: Int,
                                  seed: UInt64, level: Double = 0.95, workers: Int = Parallel.workers,
                                  domains: (of: [Int32], count: Int)?) -> (overall: [MatchedComparisonResult.Estimate?], domains: [MatchedComparisonResult.Estimate?]) {
        let n = citizens.count
        let m = outcomes.count, width = m + 1   // a replicate's sums: the outcomes' Σ k D_c, then Σ k n_c
        precondition(domains.map { $0.of.count == n } ?? true, "one domain per course")
        guard n > 0, !outcomes.isEmpty else { return (outcomes.map { _ in nil }, (0..<(domains?.count ?? 0)).map { _ in nil }) }
        // Each citizen's cluster, numbered in order of its first course (citizens are indices: an array, not a dictionary).
        var slot = [Int32](repeating: -1, count: Int(citizens.max() ?? 0) + 1)
        var sums: [Double] = []   // D_c of each outcome, citizen-major, m per citizen
        var sizes: [Int] = []     // n_c, summed by the bootstrap in integers (``MatchedBootstrap``)
        sums.reserveCapacity(n * m)
        var clusterOf = [Int](repeating: 0, count: n)
        for i in 0..<n {
            var s = Int(slot[Int(citizens[i])])
            if s < 0 {
                s = sizes.count
                slot[Int(citizens[i])] = Int32(s)
                sums.append(contentsOf: repeatElement(0, count: m))
                sizes.append(0)
            }
            clusterOf[i] = s
            for (o, outcome) in outcomes.enumerated() { sums[s * m + o] += outcome.treated[i] - outcome.controls[i] }
            sizes[s] += 1
        }
        let clusters = sizes.count
        let ratios = domains.map { Self.domainRatios(clusterOf: clusterOf, clusters: clusters, domains: $0, y: outcomes[0]) }
        var atts: [[Double]] = outcomes.map { _ in [] }
        var domainATTs: [[Double]] = (0..<(domains?.count ?? 0)).map { _ in [] }
        if replicates > 0 {
            let seeds = MatchedBootstrap.replicateSeeds(count: replicates, seed: seed)
            // Blocks of replicates; the split does not change any replicate. Each block is whole groups of four
            // replicates (the draws' SIMD lanes; a partial group draws one replicate at a time), and there are
            // 16 per worker, so while the last block finishes the other cores idle for 1/(16·workers) of the work
            // at most (with 4 per worker they idled for up to a quarter of a worker's share).
            let groups = (replicates + 3) / 4
            let blocks = workers > 1 && clusters * replicates >= 1 << 16 ? min(groups, workers * 16) : 1
            let ranges = (0..<blocks).map { k in min(replicates, 4 * (groups * k / blocks))..<min(replicates, 4 * (groups * (k + 1) / blocks)) }
            let parts: [(sums: [Double], domainSums: [Double])]
            if blocks == 1 {
                parts = [MatchedBootstrap.replicateSums(columns: sums, width: m, sizes: sizes, seeds: seeds[...],
                                                        domains: ratios?.ratios)]
            } else {
                parts = Parallel.map(0..<blocks) { k in
                    MatchedBootstrap.replicateSums(columns: sums, width: m, sizes: sizes, seeds: seeds[ranges[k]],
                                                   domains: ratios?.ratios)
                }
            }
            let c = Double(clusters)
            for part in parts {
                for b in 0..<(part.sums.count / width) {
                    let k = part.sums[b * width + outcomes.count] / c
                    for o in outcomes.indices {
                        let d = part.sums[b * width + o] / c
                        atts[o].append(k > 0 ? d / k : 0)
                    }
                }
                // Replicate b's (Σ k D, Σ k n) of domain g at [2(b·G + g)], [2(b·G + g) + 1].
                for pair in stride(from: 0, to: part.domainSums.count, by: 2) where part.domainSums[pair + 1] > 0 {
                    domainATTs[(pair / 2) % domainATTs.count].append(part.domainSums[pair] / part.domainSums[pair + 1])
                }
            }
        }
        func interval(_ replicates: [Double]) -> Interval? {
            guard !replicates.isEmpty else { return nil }
            let att = replicates.sorted()
            return Interval(low: Percentile.linear(sorted: att, (1 - level) / 2), high: Percentile.linear(sorted: att, (1 + level) / 2))
        }
        let overall = outcomes.enumerated().map { o, outcome -> MatchedComparisonResult.Estimate? in
            var effect = 0.0
            for s in 0..<clusters { effect += sums[s * m + o] }
            return .init(effect: effect / Double(n), interval: replicates > 0 ? interval(atts[o]) : nil,
                         treatedMean: outcome.treated.reduce(0, +) / Double(n),
                         controlMean: outcome.controls.reduce(0, +) / Double(n), courses: n, citizens: clusters)
        }
        guard let domains, let ratios else { return (overall, []) }
        // Each domain's own figures, summed as the estimate of its courses alone would sum them.
        var treatedSum = [Double](repeating: 0, count: domains.count), controlSum = treatedSum
        var courses = [Int](repeating: 0, count: domains.count)
        for i in 0..<n {
            let g = Int(domains.of[i])
            treatedSum[g] += outcomes[0].treated[i]
            controlSum[g] += outcomes[0].controls[i]
            courses[g] += 1
        }
        // The domains' intervals (a sort of B replicates each) on the cores.
        let perDomain = Parallel.map(0..<domains.count) { g -> MatchedComparisonResult.Estimate? in
            guard courses[g] > 0 else { return nil }
            let m = Double(courses[g])
            return .init(effect: ratios.effectSums[g] / m, interval: replicates > 0 ? interval(domainATTs[g]) : nil,
                         treatedMean: treatedSum[g] / m, controlMean: controlSum[g] / m, courses: courses[g], citizens: ratios.citizens[g])
        }
        return (overall, perDomain)
    }

    /// The (citizen, domain) entries of the domain bootstrap with D_{c,g}
    /// and n_{c,g}, by domain, a domain's citizens in order of their first
    /// course there; per domain, Σ D_{c,g} in that order (the order the
    /// estimate of the domain's courses alone sums its citizens in) and the
    /// number of citizens.
    private static func domainRatios(clusterOf: [Int], clusters: Int, domains: (of: [Int32], count: Int),
                                     y: (treated: [Double], controls: [Double])) -> (ratios: DomainRatios, effectSums: [Double], citizens: [Int]) {
        // The entry of (citizen, domain): a chain per citizen from its first entry (most have one domain).
        var firstEntry = [Int](repeating: -1, count: clusters), nextEntry: [Int] = []
        var entryRow: [Int] = [], entryDomain: [Int] = [], d: [Double] = [], size: [Double] = []
        for i in clusterOf.indices {
            let c = clusterOf[i], g = Int(domains.of[i])
            var e = firstEntry[c]
            while e >= 0 && entryDomain[e] != g { e = nextEntry[e] }
            if e < 0 {
                e = entryRow.count
                nextEntry.append(firstEntry[c])
                firstEntry[c] = e
                entryRow.append(c); entryDomain.append(g); d.append(0); size.append(0)
            }
            d[e] += y.treated[i] - y.controls[i]
            size[e] += 1
        }
        // By domain (a stable counting sort): a domain's entries stay in order of first course.
        var start = [Int](repeating: 0, count: domains.count + 1)
        for g in entryDomain { start[g + 1] += 1 }
        for g in 0..<domains.count { start[g + 1] += start[g] }
        var next = start, order = [Int](repeating: 0, count: entryRow.count)
        for e in entryRow.indices {
            order[next[entryDomain[e]]] = e
            next[entryDomain[e]] += 1
        }
        let effectSums = (0..<domains.count).map { g in order[start[g]..<start[g + 1]].reduce(0.0) { $0 + d[$1] } }
        let ratios = DomainRatios(start: start, row: order.map { entryRow[$0] }, numerator: order.map { d[$0] },
                                  denominator: order.map { size[$0] })
        return (ratios, effectSums, (0..<domains.count).map { start[$0 + 1] - start[$0] })
    }
}
