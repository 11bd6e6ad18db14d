import FSIIIBytes

/// Maps every legacy assessment onto the simplified model before courses
/// are evaluated (`--harmonize simplified`, issue 20), so a course whose
/// baseline is legacy and whose follow-up is simplified is compared on the
/// simplified conditions.
///
/// Per citizen and day, the legacy conditions that map to one simplified
/// condition become one row: its level is `LevelCombination.combine` of
/// theirs (9s left out; all 9 stays 9), its goal the same combination of
/// the goals given (none when none is), its team, municipality and input
/// position those of the latest of them in input order. A simplified
/// condition assessed directly on that day wins over the mapped legacy
/// ones (it is a rating of the condition itself). Legacy conditions without
/// a successor are left out and counted.
package enum Harmonizer {
    /// What harmonising did to the rows.
    package struct Counts: Sendable, Hashable {
        /// Legacy rows mapped onto a simplified condition (kept-key rows not counted).
        package var mapped = 0
        /// Legacy rows left out: no successor, or a direct simplified rating that day.
        package var leftOut = 0
        /// Rows of the harmonised table.
        package var rows = 0
    }

    package static func harmonize(_ a: AssessmentTable, crosswalk: Crosswalk, combine: LevelCombination) -> (table: AssessmentTable, counts: Counts) {
        let citizenCount = max(a.citizenStart.count - 1, 0)
        // Chunks of citizens on both cores, each into a table of its own, joined in order.
        let parts = Parallel.chunks(citizenCount, minimum: 8192)
        let pieces = Parallel.map(0..<parts.count) { k -> (AssessmentTable, Counts) in
            harmonize(a, citizens: parts[k], crosswalk: crosswalk, combine: combine)
        }
        var out = AssessmentTable()
        let total = pieces.reduce(0) { $0 + $1.0.count }
        out.reserveRows(total)
        out.citizenStart = [0]
        out.citizenStart.reserveCapacity(a.citizenStart.count)
        var counts = Counts()
        for (piece, c) in pieces {
            let base = out.day.count
            out.day += piece.day
            out.condition += piece.condition
            out.level += piece.level
            out.goal += piece.goal
            out.team += piece.team
            out.municipality += piece.municipality
            out.sequence += piece.sequence
            out.citizenStart += piece.citizenStart.dropFirst().map { $0 + base }
            counts.mapped += c.mapped
            counts.leftOut += c.leftOut
        }
        counts.rows = out.count
        return (out, counts)
    }

    /// The citizens `range` of `a`, harmonised into a table of their own.
    private static func harmonize(_ a: AssessmentTable, citizens range: Range<Int>, crosswalk: Crosswalk,
                                  combine: LevelCombination) -> (AssessmentTable, Counts) {
        var out = AssessmentTable()
        let rowCount = range.isEmpty ? 0 : a.citizenStart[range.upperBound] - a.citizenStart[range.lowerBound]
        out.reserveRows(rowCount)
        out.citizenStart = [0]
        out.citizenStart.reserveCapacity(range.count + 1)
        var counts = Counts()
        // Each row of a citizen as one sortable integer: target (8 bits), day
        // (32, offset so negative days sort first), mapped (1: a direct rating
        // sorts first) and the row's offset in the citizen (23); reused.
        var keys: [UInt64] = []
        var keyed: [(target: UInt8, day: Int32, direct: Bool, row: Int)] = []
        var levels: [UInt8] = [], goals: [UInt8] = []
        for c in range {
            keyed.removeAll(keepingCapacity: true)
            keys.removeAll(keepingCapacity: true)
            let rows = a.rows(ofCitizen: c)
            var changes = false
            for r in rows {
                let condition = ConditionCode(a.condition[r])
                guard let target = crosswalk.simplified(of: condition) else { counts.leftOut += 1; changes = true; continue }
                if target != condition { changes = true }
                keys.append(UInt64(target.rawValue) << 56 | UInt64(UInt32(bitPattern: a.day[r]) ^ 0x8000_0000) << 24
                            | (target == condition ? 0 : 1) << 23 | UInt64(r - rows.lowerBound))
            }
            if !changes {
                // Nothing maps elsewhere: the rows as they are (already by condition and day).
                for r in rows {
                    append(&out, day: a.day[r], condition: a.condition[r], level: a.level[r], goal: a.goal[r],
                           team: a.team[r], municipality: a.municipality[r], sequence: a.sequence[r])
                }
                out.citizenStart.append(out.day.count)
                continue
            }
            if rows.count < 1 << 23 {
                keys.sort()
                for k in keys {
                    keyed.append((UInt8(k >> 56), Int32(bitPattern: UInt32(truncatingIfNeeded: k >> 24) ^ 0x8000_0000),
                                  (k >> 23) & 1 == 0, rows.lowerBound + Int(k & 0x7F_FFFF)))
                }
            } else {
                for r in rows {
                    let condition = ConditionCode(a.condition[r])
                    guard let target = crosswalk.simplified(of: condition) else { continue }
                    keyed.append((target.rawValue, a.day[r], target == condition, r))
                }
                keyed.sort { ($0.target, $0.day, $0.direct ? 0 : 1, $0.row) < ($1.target, $1.day, $1.direct ? 0 : 1, $1.row) }
            }
            var i = 0
            while i < keyed.count {
                var j = i + 1
                while j < keyed.count && keyed[j].target == keyed[i].target && keyed[j].day == keyed[i].day { j += 1 }
                defer { i = j }
                if keyed[i].direct {
                    // The direct rating of the day; any mapped rows that day are left out.
                    let r = keyed[i].row
                    append(&out, day: a.day[r], condition: keyed[i].target, level: a.level[r], goal: a.goal[r],
                           team: a.team[r], municipality: a.municipality[r], sequence: a.sequence[r])
                    counts.leftOut += j - i - 1
                    continue
                }
                levels.removeAll(keepingCapacity: true)
                goals.removeAll(keepingCapacity: true)
                var latest = keyed[i].row
                for k in i..<j {
                    let r = keyed[k].row
                    levels.append(a.level[r])
                    if a.goal[r] != 0xFF { goals.append(a.goal[r]) }
                    if a.sequence[r] > a.sequence[latest] { latest = r }
                }
                counts.mapped += j - i
                append(&out, day: keyed[i].day, condition: keyed[i].target, level: combine.combine(levels) ?? 9,
                       goal: combine.combine(goals) ?? 0xFF, team: a.team[latest], municipality: a.municipality[latest],
                       sequence: a.sequence[latest])
            }
            out.citizenStart.append(out.day.count)
        }
        return (out, counts)
    }

    private static func append(_ t: inout AssessmentTable, day: Int32, condition: UInt8, level: UInt8, goal: UInt8,
                               team: UInt32, municipality: UInt32, sequence: UInt32) {
        t.day.append(day)
        t.condition.append(condition)
        t.level.append(level)
        t.goal.append(goal)
        t.team.append(team)
        t.municipality.append(municipality)
        t.sequence.append(sequence)
    }
}

/// What `--harmonize simplified` did in a report: the crosswalk used (its
/// version, and whether it is the derived built-in one — every output that
/// used it says so), the combination rule, and how many legacy rows it
/// mapped or left out.
public struct HarmonizationSummary: Sendable, Hashable {
    /// The crosswalk's version (`derived-20240530.1`, or the file's).
    public let version: String
    /// True for the built-in crosswalk, derived from definitions and not published.
    public let derived: Bool
    /// How several legacy levels became one.
    public let combine: LevelCombination
    /// Legacy assessment rows mapped onto a simplified condition.
    public let mappedAssessments: Int
    /// Legacy rows left out: no successor, or a direct simplified rating the same day.
    public let leftOutAssessments: Int
    /// The legacy conditions without a successor, by J key.
    public let unmappedLegacyConditions: [String]
    /// The crosswalk checked on the data: legacy and simplified ratings close in time.
    public let agreement: CrosswalkAgreement

    package init(crosswalk: Crosswalk, combine: LevelCombination, counts: Harmonizer.Counts, agreement: CrosswalkAgreement) {
        self.agreement = agreement
        version = crosswalk.version
        derived = crosswalk.derived
        self.combine = combine
        mappedAssessments = counts.mapped
        leftOutAssessments = counts.leftOut
        unmappedLegacyConditions = crosswalk.unmappedLegacy
    }
}

/// A group's courses by the FSIII model of what they compared (issue 20):
/// `legacy` when the compared conditions include legacy-only ones and no
/// simplified-only one, `simplified` the other way round, `mixed` when
/// they include both or the course is `model_switch`. Courses that
/// compared only conditions of both models (the six kept J keys) or none
/// are in neither count. With `--harmonize` every course compares
/// simplified conditions.
public struct ModelCounts: Sendable, Hashable {
    public package(set) var legacy = 0
    public package(set) var simplified = 0
    public package(set) var mixed = 0

    package init() {}

    /// Whether the group's period mixes the models: courses of both, or any mixed.
    public var mixesModels: Bool { mixed > 0 || (legacy > 0 && simplified > 0) }

    /// Counts per group (by `GroupKey`) and in total, from the courses' compared pairs.
    package static func make(_ evaluation: CourseEvaluation, models: ConditionModels, classifier: GroupClassifier) -> (groups: [GroupKey: ModelCounts], total: ModelCounts) {
        var groups: [GroupKey: ModelCounts] = [:]
        var total = ModelCounts()
        for r in evaluation.results {
            var bits: UInt8 = 0
            if r.notEvaluable == .modelSwitch {
                bits = ConditionModels.legacy | ConditionModels.simplified
            } else if r.isEvaluable {
                for p in evaluation.pairs[r.pairs] { bits |= models.bits(p.condition.rawValue) }
            }
            guard bits != 0 else { continue }
            let key = classifier.typedKey(r)
            var counts = groups[key] ?? ModelCounts()
            switch bits {
            case ConditionModels.legacy: counts.legacy += 1; total.legacy += 1
            case ConditionModels.simplified: counts.simplified += 1; total.simplified += 1
            default: counts.mixed += 1; total.mixed += 1
            }
            groups[key] = counts
        }
        return (groups, total)
    }
}
