/// The unit a group's figures are computed over: a course, or with
/// `--by area|condition` a compared condition pair (SPEC §7).
struct EffectUnit {
    var citizen: UInt32
    /// Course `meanChange`, or `b − f` of a pair.
    var change: Double
    var outcome: CourseOutcome
    var goalsSet: Int
    var goalsMet: Int
    var effectiveness: Double?
    /// baselineSum and followUpSum (of a pair: b and f), for Wilcoxon.
    var baseline: Double
    var followUp: Double
    /// Points changed (for cost per point).
    var points: Int
    /// Case-mix probability of improvement; nil for pairs.
    var probability: Double?
    /// Index of the course result.
    var course: Int
}

/// Reduces evaluated courses to the figures of SPEC §7, per group and in
/// total, with the case-mix benchmark and the funnel limits.
public enum EffectAnalysis {
    /// Groups sorted by name (UTF-8 order), and the total.
    public static func figures(_ evaluation: CourseEvaluation, dataset: Dataset, grouping: Grouping,
                               costs: [CourseCosts]? = nil) -> (groups: [GroupFigures], total: GroupFigures, phi: Double) {
        let results = evaluation.results
        let probabilities = grouping.groupsPairs ? [] : CaseMix.probabilities(results)
        // Groups by integer key (team, municipality, month, condition, area),
        // named once each; no string is made per course.
        var slotOfKey: [Int: Int] = [:]
        var names: [String] = []
        // Each group's units as indices into `all`: the units are held once.
        var members: [[Int32]] = []
        var notEvaluable: [NotEvaluableCounts] = []
        func slot(_ key: Int, _ name: @autoclosure () -> String) -> Int {
            if let s = slotOfKey[key] { return s }
            slotOfKey[key] = names.count
            names.append(name())
            members.append([])
            notEvaluable.append(NotEvaluableCounts())
            return names.count - 1
        }
        var all: [EffectUnit] = []
        all.reserveCapacity(results.count)
        var totalNotEvaluable = NotEvaluableCounts()
        for (i, r) in results.enumerated() {
            if let reason = r.notEvaluable {
                totalNotEvaluable[reason] += 1
                if !grouping.groupsPairs { notEvaluable[slot(groupKey(r, grouping), groupName(r, grouping: grouping, dataset: dataset))][reason] += 1 }
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
                        ? slot(concept.area, dataset.terminology.areas[concept.area].display)
                        : slot(concept.code.index, concept.display)
                    members[s].append(Int32(all.count))
                    all.append(unit)
                }
            } else {
                let unit = EffectUnit(citizen: r.citizen, change: r.meanChange, outcome: r.outcome, goalsSet: r.goalsSet, goalsMet: r.goalsMet,
                                      effectiveness: r.effectiveness, baseline: Double(r.baselineSum), followUp: Double(r.followUpSum),
                                      points: r.change, probability: probabilities[i], course: i)
                members[slot(groupKey(r, grouping), groupName(r, grouping: grouping, dataset: dataset))].append(Int32(all.count))
                all.append(unit)
            }
        }
        // The groups on one core and the total (as much work again) on the other.
        let order = names.indices.sorted { names[$0].utf8.lexicographicallyPrecedes(names[$1].utf8) }
        let (groupNames, groupMembers, groupNotEvaluable, units) = (names, members, notEvaluable, all)
        let caseMix = !grouping.groupsPairs, groupCosts = grouping.groupsPairs ? nil : costs, citizenCount = dataset.citizens.count
        let parts = Parallel.map(0..<2) { part -> [GroupFigures] in
            var stamps = CitizenStamps(count: citizenCount)
            if part == 0 {
                return order.map { k in
                    var g = figures(groupNames[k], groupMembers[k].map { units[Int($0)] }, caseMix: caseMix, costs: groupCosts, stamps: &stamps)
                    g.notEvaluable = groupNotEvaluable[k]
                    return g
                }
            }
            var total = figures("Total", units, caseMix: caseMix, costs: groupCosts, stamps: &stamps)
            total.notEvaluable = totalNotEvaluable
            return [total]
        }
        var groups = parts[0]
        let total = parts[1][0]
        var phi = 1.0
        if !grouping.groupsPairs {
            phi = Funnel.overdispersion(groups.compactMap(\.funnelZ))
            for i in groups.indices { Funnel.applyLimits(&groups[i], phi: phi) }
        }
        return (groups, total, phi)
    }

    /// An integer that identifies a course's group (`Int.min` for the
    /// open-course group of `--by month`).
    static func groupKey(_ r: CourseResult, _ grouping: Grouping) -> Int {
        switch grouping {
        case .team: return Int(r.team)
        case .municipality: return Int(r.municipality)
        case .month:
            guard let end = r.end else { return Int.min }
            let c = end.civil
            return c.year * 12 + c.month
        case .area, .condition: return -1
        }
    }

    /// The name of a course's group.
    static func groupName(_ r: CourseResult, grouping: Grouping, dataset: Dataset) -> String {
        switch grouping {
        case .team: return r.team == 0 ? unknownGroup : dataset.teams.name(Int(r.team))
        case .municipality: return r.municipality == 0 ? unknownGroup : dataset.municipalities.name(Int(r.municipality))
        case .month: return r.end?.month ?? openGroup
        case .area, .condition: return unknownGroup
        }
    }

    /// The group of courses without a team (or municipality).
    public static let unknownGroup = "(ukendt)"
    /// The `--by month` group of open courses.
    public static let openGroup = "(åben)"

    /// The figures of one set of units.
    static func figures(_ name: String, _ units: [EffectUnit], caseMix: Bool, costs: [CourseCosts]?, stamps: inout CitizenStamps) -> GroupFigures {
        var g = GroupFigures(group: name)
        let n = units.count
        g.courses = n
        g.citizens = stamps.distinct(units.lazy.map(\.citizen))
        if caseMix {
            g.observed = units.count { $0.outcome == .improved }
            g.expected = units.reduce(0.0) { $0 + ($1.probability ?? 0) }
            g.variance = units.reduce(0.0) { $0 + ($1.probability ?? 0) * (1 - ($1.probability ?? 0)) }
        }
        if let costs { g.costs = CostAnalysis.groupCosts(units, costs: costs) }
        guard n > 0 else { return g }
        let changes = units.map(\.change)
        if let summary = MeanSummary(changes) {
            g.meanChange = summary.mean
            g.meanChangeCI = summary.tInterval()
        }
        g.medianChange = Percentile.median(changes)
        g.improved = units.count { $0.outcome == .improved }
        g.worsened = units.count { $0.outcome == .worsened }
        g.improvedShare = Double(g.improved) / Double(n)
        g.improvedCI = Wilson.interval(successes: g.improved, trials: n)
        g.worsenedShare = Double(g.worsened) / Double(n)
        g.worsenedCI = Wilson.interval(successes: g.worsened, trials: n)
        g.goalsSet = units.reduce(0) { $0 + $1.goalsSet }
        g.goalsMet = units.reduce(0) { $0 + $1.goalsMet }
        if g.goalsSet > 0 {
            g.goalAttainment = Double(g.goalsMet) / Double(g.goalsSet)
            g.goalCI = Wilson.interval(successes: g.goalsMet, trials: g.goalsSet)
        }
        let effectiveness = units.compactMap(\.effectiveness)
        if !effectiveness.isEmpty { g.meanEffectiveness = effectiveness.reduce(0, +) / Double(effectiveness.count) }
        if let test = SignedRankTest(baseline: units.map(\.baseline), followUp: units.map(\.followUp)) {
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

/// Counts distinct citizens of many groups with one array: each count
/// stamps the citizens it sees with a new number (no set per group).
struct CitizenStamps {
    private var stamp: [UInt32]
    private var current: UInt32 = 0

    init(count: Int) { stamp = [UInt32](repeating: 0, count: count) }

    mutating func distinct<S: Sequence>(_ citizens: S) -> Int where S.Element == UInt32 {
        current += 1
        var n = 0
        for c in citizens {
            let i = Int(c)
            if i >= stamp.count { stamp += [UInt32](repeating: 0, count: i + 1 - stamp.count) }
            if stamp[i] != current {
                stamp[i] = current
                n += 1
            }
        }
        return n
    }
}
