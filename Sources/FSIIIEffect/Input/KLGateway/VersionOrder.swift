/// Where a resource entry ends (SPEC §4 by analogy, §9): every entry read
/// is accepted, rejected, superseded or removed. Rejected entries never
/// become versions, so a version ends in one of the other three.
enum VersionFate: UInt8, Sendable {
    /// Alive at the end, or it contributed something that is (an assessment, a goal).
    case accepted
    /// An older or identical version: a later one replaced it.
    case superseded
    /// An `entered-in-error` version, and what it removed.
    case removed
}

/// The versions of each resource, oldest first. The reports of a run are
/// unordered (an incremental delivery's, and files named by bundle id), so
/// versions are ordered by when they are valid from — `meta.lastUpdated`,
/// else the report's `Bundle.timestamp` — and, on equal times, by input
/// order: one sort, no per-resource search.
struct VersionGroups {
    /// Version indices ordered by (resource, time, input order).
    let order: [Int]
    /// Each resource's run in `order`.
    let runs: [Range<Int>]

    init<V: Versioned>(_ versions: [V]) {
        let order = versions.indices.sorted { i, j in
            let a = versions[i].stamp, b = versions[j].stamp
            if a.key != b.key { return a.key < b.key }
            return (a.time, a.seq) < (b.time, b.seq)
        }
        var runs: [Range<Int>] = []
        var lo = 0
        while lo < order.count {
            var hi = lo + 1
            while hi < order.count && versions[order[hi]].stamp.key == versions[order[lo]].stamp.key { hi += 1 }
            runs.append(lo..<hi)
            lo = hi
        }
        self.order = order
        self.runs = runs
    }

    /// Each resource's versions, oldest first.
    var resources: LazyMapSequence<[Range<Int>], ArraySlice<Int>> { runs.lazy.map { order[$0] } }

    /// The latest-wins rule, for resources whose last state is what counts
    /// (Patient, CarePlan, Encounter, observations): an unchanged re-send is
    /// superseded; a changed version replaces the one in force, which is
    /// superseded; `entered-in-error` removes the one in force and itself.
    /// Returns the version in force at the end, nil when none is.
    static func latest<V: Versioned>(_ resource: ArraySlice<Int>, _ versions: [V], fates: inout [VersionFate]) -> Int? {
        var alive: Int?
        for v in resource {
            let stamp = versions[v].stamp
            if stamp.enteredInError {
                fates[v] = .removed
                if let a = alive { fates[a] = .removed }
                alive = nil
                continue
            }
            if let a = alive {
                if versions[a].stamp.fingerprint == stamp.fingerprint {
                    fates[v] = .superseded
                    continue
                }
                fates[a] = .superseded
            }
            fates[v] = .accepted
            alive = v
        }
        return alive
    }

    /// Adds the fates to the counts.
    static func tally(_ fates: [VersionFate], into counts: inout ImportCounts) {
        for fate in fates {
            switch fate {
            case .accepted: counts.accepted += 1
            case .superseded: counts.superseded += 1
            case .removed: counts.removed += 1
            }
        }
    }
}
