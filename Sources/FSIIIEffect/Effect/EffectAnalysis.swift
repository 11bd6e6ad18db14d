import FSIIIBytes
import FSIIIStatistics

/// The unit a group's figures are computed over: a course, or with
/// `--by area|condition` a compared condition pair (SPEC §7). 64 bytes:
/// counts and indices are 32-bit and the optionals are flags, because the
/// groups' units of a million courses are held at once.
struct EffectUnit {
    /// Course `meanChange`, or `b − f` of a pair.
    var change: Double
    /// baselineSum and followUpSum (of a pair: b and f), for Wilcoxon.
    var baseline: Double
    var followUp: Double
    private var effectivenessValue: Double
    private var probabilityValue: Double
    var citizen: UInt32
    private var courseIndex: Int32
    private var pointsValue: Int32
    private var goalsSetValue: Int32
    private var goalsMetValue: Int32
    var outcome: CourseOutcome
    private var present: UInt8

    init(citizen: UInt32, change: Double, outcome: CourseOutcome, goalsSet: Int, goalsMet: Int, effectiveness: Double?,
         baseline: Double, followUp: Double, points: Int, probability: Double?, course: Int) {
        self.change = change
        self.baseline = baseline
        self.followUp = followUp
        effectivenessValue = effectiveness ?? 0
        probabilityValue = probability ?? 0
        self.citizen = citizen
        courseIndex = Int32(course)
        pointsValue = Int32(points)
        goalsSetValue = Int32(goalsSet)
        goalsMetValue = Int32(goalsMet)
        self.outcome = outcome
        present = (effectiveness == nil ? 0 : 1) | (probability == nil ? 0 : 2)
    }

    var goalsSet: Int { Int(goalsSetValue) }
    var goalsMet: Int { Int(goalsMetValue) }
    var effectiveness: Double? { present & 1 != 0 ? effectivenessValue : nil }
    /// Points changed (for cost per point).
    var points: Int { Int(pointsValue) }
    /// Case-mix probability of improvement; nil for pairs.
    var probability: Double? { present & 2 != 0 ? probabilityValue : nil }
    /// Index of the course result.
    var course: Int { Int(courseIndex) }
}

/// Reduces evaluated courses to the figures of SPEC §7, per group and in
/// total, with the case-mix benchmark and the funnel limits.
package enum EffectAnalysis {
    /// Groups sorted by name (UTF-8 order), and the total.
    /// `grouping` is the classifier's for course groupings; with `--by
    /// area|condition` (`classifier.spec.primary.groupsPairs`) the unit is
    /// the condition pair and the classifier only names the grouping.
    package static func figures(_ evaluation: CourseEvaluation, dataset: Dataset, grouping classifier: GroupClassifier,
                               costs: [CourseCosts]? = nil, model: CaseMixModel.Fit? = nil) -> (groups: [GroupFigures], total: GroupFigures, phi: Double) {
        let results = evaluation.results
        let grouping = classifier.spec.primary
        let model = grouping.groupsPairs ? nil : model
        let probabilities = grouping.groupsPairs ? [] : model?.probabilities ?? CaseMix.probabilities(results)
        // Groups by integer key (team, municipality, month, band, condition,
        // area), named once each; no string is made per course.
        var slots = GroupSlots(denseKeys: grouping.groupsPairs ? 0 : classifier.denseKeys)
        var names: [String] = [], keys: [GroupKey] = [], orders: [GroupOrder] = [], partNames: [[String]] = []
        var notEvaluable: [NotEvaluableCounts] = []
        func slot(_ key: Int, _ name: @autoclosure () -> String, _ groupKey: @autoclosure () -> GroupKey,
                  _ order: @autoclosure () -> GroupOrder? = nil, _ part: @autoclosure () -> [String] = []) -> Int {
            slots.slot(key) {
                names.append(name())
                partNames.append(part())
                keys.append(groupKey())
                orders.append(order() ?? GroupOrder(parts: [(0, names[names.count - 1])]))
                notEvaluable.append(NotEvaluableCounts())
            }
        }
        func courseSlot(_ r: CourseResult) -> Int { slot(classifier.key(r), classifier.name(r), classifier.typedKey(r), classifier.order(r),
                                                                  classifier.spec.secondary == nil ? [] : classifier.partNames(r)) }
        // The units of the total in course (then pair) order, as indices of
        // courses (or of `pairUnits`), and the group of each.
        var members: [Int32] = [], memberGroup: [Int32] = []
        members.reserveCapacity(results.count)
        memberGroup.reserveCapacity(results.count)
        var pairUnits: [EffectUnit] = []
        var totalNotEvaluable = NotEvaluableCounts()
        for (i, r) in results.enumerated() {
            if let reason = r.notEvaluable {
                totalNotEvaluable[reason] += 1
                if !grouping.groupsPairs { notEvaluable[courseSlot(r)][reason] += 1 }
                continue
            }
            if grouping.groupsPairs {
                for p in evaluation.pairs[r.pairs] {
                    let unit = EffectUnit(citizen: r.citizen, change: Double(p.change), outcome: p.change > 0 ? .improved : p.change < 0 ? .worsened : .unchanged,
                                          goalsSet: p.goal == nil ? 0 : 1, goalsMet: p.goalMet == true ? 1 : 0,
                                          effectiveness: p.baseline > 0 ? Double(p.change) / Double(p.baseline) : nil,
                                          baseline: Double(p.baseline), followUp: Double(p.followUp), points: p.change, probability: nil, course: i)
                    let concept = dataset.terminology[p.condition]
                    let s = grouping == .area
                        ? slot(concept.area, dataset.terminology.areas[concept.area].display, .area(uuid: dataset.terminology.areas[concept.area].uuid))
                        : slot(concept.code.index, concept.display, .condition(uuid: concept.uuid))
                    members.append(Int32(pairUnits.count))
                    memberGroup.append(Int32(s))
                    pairUnits.append(unit)
                }
            } else {
                members.append(Int32(i))
                memberGroup.append(Int32(courseSlot(r)))
            }
        }
        // The total reads the courses in order and makes each unit where it
        // is read (no array of a million units); the groups' units are
        // written once, each group's together, in one pass over the courses
        // (reading a group's courses where they lie would miss the cache on
        // every one). The groups on one core and the total on the other.
        let order = names.indices.sorted { orders[$0].precedes(orders[$1]) }
        let (groupNames, groupKeys, groupNotEvaluable, everyone, groupOf, pairs) = (names, keys, notEvaluable, members, memberGroup, pairUnits)
        let groupParts = partNames
        let caseMix = !grouping.groupsPairs, groupCosts = grouping.groupsPairs ? nil : costs, citizenCount = dataset.citizens.count
        @inline(__always) func unit(_ m: Int32) -> EffectUnit {
            caseMix ? courseUnit(results[Int(m)], index: Int(m), probability: probabilities[Int(m)]) : pairs[Int(m)]
        }
        let parts = Parallel.map(0..<2) { part -> [GroupFigures] in
            var stamps = CitizenStamps(count: citizenCount)
            if part == 0 {
                // Group k's units go to start[k] ..< start[k + 1].
                var start = [Int](repeating: 0, count: groupNames.count + 1)
                for k in groupOf { start[Int(k) + 1] += 1 }
                for k in groupNames.indices { start[k + 1] += start[k] }
                let grouped = [EffectUnit](unsafeUninitializedCapacity: everyone.count) { buffer, initialized in
                    var next = start
                    for (j, m) in everyone.enumerated() {
                        let k = Int(groupOf[j])
                        (buffer.baseAddress! + next[k]).initialize(to: unit(m))
                        next[k] += 1
                    }
                    initialized = everyone.count
                }
                return order.map { k in
                    var g = figures(groupNames[k], grouped[start[k]..<start[k + 1]], caseMix: caseMix, costs: groupCosts, stamps: &stamps)
                    g.key = groupKeys[k]
                    g.parts = groupParts[k]
                    g.notEvaluable = groupNotEvaluable[k]
                    return g
                }
            }
            var total = figures("Total", everyone.lazy.map(unit), caseMix: caseMix, costs: groupCosts, stamps: &stamps)
            total.notEvaluable = totalNotEvaluable
            return [total]
        }
        var groups = parts[0]
        var total = parts[1][0]
        if let expected = model?.expectedChanges {
            // Issue 21: expected mean change per group, then the CMS form.
            var sums = [Double](repeating: 0, count: groupNames.count)
            var all = 0.0
            for (j, m) in everyone.enumerated() {
                let e = expected[Int(m)] ?? 0
                sums[Int(groupOf[j])] += e
                all += e
            }
            let overall = total.meanChange
            riskAdjust(&total, expectedSum: all, overall: overall)
            for (i, k) in order.enumerated() { riskAdjust(&groups[i], expectedSum: sums[k], overall: overall) }
        }
        var phi = 1.0
        if !grouping.groupsPairs {
            phi = Funnel.overdispersion(groups.compactMap(\.funnelZ))
            for i in groups.indices { Funnel.applyLimits(&groups[i], phi: phi) }
        }
        return (groups, total, phi)
    }

    /// Observed mean − expected mean + overall mean (the CMS
    /// risk-standardised change form), its interval the observed mean's t
    /// interval shifted by the same amount.
    static func riskAdjust(_ g: inout GroupFigures, expectedSum: Double, overall: Double?) {
        guard g.courses > 0, let observed = g.meanChange, let overall else { return }
        let expected = expectedSum / Double(g.courses)
        let shift = overall - expected
        g.expectedMeanChange = expected
        g.riskAdjustedMeanChange = observed + shift
        g.riskAdjustedMeanChangeCI = g.meanChangeCI.map { Interval(low: $0.low + shift, high: $0.high + shift) }
    }

    /// The unit of an evaluable course.
    @inline(__always)
    static func courseUnit(_ r: CourseResult, index: Int, probability: Double?) -> EffectUnit {
        EffectUnit(citizen: r.citizen, change: r.meanChange, outcome: r.outcome, goalsSet: r.goalsSet, goalsMet: r.goalsMet,
                   effectiveness: r.effectiveness, baseline: Double(r.baselineSum), followUp: Double(r.followUpSum),
                   points: r.change, probability: probability, course: index)
    }

    /// The group of courses without a team (or municipality).
    package static let unknownGroup = "(ukendt)"
    /// The `--by month` group of open courses.
    package static let openGroup = "(åben)"

    /// The figures of one set of units, read in one pass (sums in unit
    /// order, as the figures define them).
    static func figures<Units: Collection>(_ name: String, _ units: Units, caseMix: Bool, costs: [CourseCosts]?,
                                           stamps: inout CitizenStamps) -> GroupFigures where Units.Element == EffectUnit {
        var g = GroupFigures(group: name)
        let n = units.count
        g.courses = n
        var citizens = 0, improved = 0, worsened = 0, goalsSet = 0, goalsMet = 0, effective = 0
        var expected = 0.0, variance = 0.0, effectiveness = 0.0
        var changes: [Double] = [], differences: [Double] = []
        changes.reserveCapacity(n)
        differences.reserveCapacity(n)
        stamps.begin()
        for u in units {
            if stamps.insert(u.citizen) { citizens += 1 }
            if u.outcome == .improved { improved += 1 } else if u.outcome == .worsened { worsened += 1 }
            let p = u.probability ?? 0
            expected += p
            variance += p * (1 - p)
            goalsSet += u.goalsSet
            goalsMet += u.goalsMet
            if let e = u.effectiveness {
                effectiveness += e
                effective += 1
            }
            changes.append(u.change)
            let d = u.baseline - u.followUp
            if d != 0 { differences.append(d) }
        }
        g.citizens = citizens
        if caseMix {
            g.observed = improved
            g.expected = expected
            g.variance = variance
        }
        if let costs { g.costs = CostAnalysis.groupCosts(units, costs: costs) }
        guard n > 0 else { return g }
        if let summary = MeanSummary(changes) {
            g.meanChange = summary.mean
            g.meanChangeCI = summary.tInterval()
            g.changeSD = summary.standardDeviation
        }
        g.medianChange = Percentile.median(changes)
        g.improved = improved
        g.worsened = worsened
        g.improvedShare = Double(g.improved) / Double(n)
        g.improvedCI = Wilson.interval(successes: g.improved, trials: n)
        g.worsenedShare = Double(g.worsened) / Double(n)
        g.worsenedCI = Wilson.interval(successes: g.worsened, trials: n)
        g.goalsSet = goalsSet
        g.goalsMet = goalsMet
        if g.goalsSet > 0 {
            g.goalAttainment = Double(g.goalsMet) / Double(g.goalsSet)
            g.goalCI = Wilson.interval(successes: g.goalsMet, trials: g.goalsSet)
        }
        if effective > 0 { g.meanEffectiveness = effectiveness / Double(effective) }
        if let test = SignedRankTest(differences: differences) {
            g.wilcoxonZ = test.z
            g.wilcoxonP = test.p
        }
        if let observed = g.observed, let expected = g.expected, let variance = g.variance {
            if expected > 0 { g.ratio = Double(observed) / expected }
            if variance > 0 { g.funnelZ = (Double(observed) - expected) / variance.squareRoot() }
        }
        return g
    }
}

/// Group slots by integer key in first-seen order: an array for the dense
/// keys of team and municipality indices, a dictionary for the rest.
struct GroupSlots {
    private var dense: [Int32]
    private var sparse: [Int: Int] = [:]
    private(set) var count = 0

    init(denseKeys: Int) { dense = [Int32](repeating: -1, count: denseKeys) }

    /// The slot of `key`; `added` runs when the key is new.
    @inline(__always)
    mutating func slot(_ key: Int, added: () -> Void) -> Int {
        if key >= 0 && key < dense.count {
            if dense[key] >= 0 { return Int(dense[key]) }
            dense[key] = Int32(count)
        } else {
            if let s = sparse[key] { return s }
            sparse[key] = count
        }
        added()
        count += 1
        return count - 1
    }
}

/// Counts distinct citizens of many groups with one array: each count
/// stamps the citizens it sees with a new number (no set per group).
struct CitizenStamps {
    private var stamp: [UInt32]
    private var current: UInt32 = 0

    init(count: Int) { stamp = [UInt32](repeating: 0, count: count) }

    /// Starts a new set of citizens.
    mutating func begin() { current += 1 }

    /// Adds a citizen to the current set; true when it was not in it.
    @inline(__always)
    mutating func insert(_ c: UInt32) -> Bool {
        let i = Int(c)
        if i >= stamp.count { stamp += [UInt32](repeating: 0, count: i + 1 - stamp.count) }
        if stamp[i] == current { return false }
        stamp[i] = current
        return true
    }
}
