/// SPEC §9 for Goal resources: `addresses` names a condition and
/// `target.detailCodeableConcept` is its expected level; the latest goal per
/// condition counts.
///
/// A goal is set during an assessment, so it is attached to the assessment
/// of its condition in force on the goal's date (the latest on or before
/// it; the first when the goal is older than every assessment), where SPEC
/// §5 looks for a course's goal. A later goal on the same assessment
/// replaces an earlier one — the latest counts. Goal versions are dated like
/// conditions: the first by `startDate`, a later version whose target
/// changed by its `meta.lastUpdated`, else its report's timestamp (the old
/// model re-sends a goal id with a new target and the old `startDate`).
///
/// Fates: a goal version whose target is on an assessment at the end, the
/// version in force, and a goal whose condition has no assessment (kept,
/// without effect) are accepted; the others superseded or removed.
enum GoalAttachment {
    static func attach(_ goals: [GoalVersion], to timelines: inout [ResourceKey: ConditionTimeline], fates: inout [VersionFate]) {
        struct Event { var version: Int; var day: Int32 }
        var events: [Event] = []
        var inForce = Set<Int>()
        for resource in VersionGroups(goals).resources {
            var alive: Int?
            var aliveHasEvent = false  // whether `alive` set a target of its own
            var own: [Int] = []  // events of this goal id since it was last removed
            for v in resource {
                let g = goals[v]
                if g.stamp.enteredInError {
                    fates[v] = .removed
                    if let a = alive { fates[a] = .removed }
                    for e in own { fates[events[e].version] = .removed; events[e].version = -1 }
                    own = []
                    alive = nil
                    aliveHasEvent = false
                    continue
                }
                if let a = alive, goals[a].stamp.fingerprint == g.stamp.fingerprint {
                    fates[v] = .superseded
                    continue
                }
                fates[v] = .accepted
                let changed = alive.map { goals[$0].target != g.target || goals[$0].condition != g.condition } ?? true
                if changed {
                    let day = alive == nil && g.start != KLGateway.noDay ? g.start : g.day
                    own.append(events.count)
                    events.append(Event(version: v, day: day))
                } else if let a = alive, !aliveHasEvent {
                    fates[a] = .superseded  // replaced without a target of its own on an assessment
                }
                alive = v
                aliveHasEvent = changed
            }
            if let a = alive { inForce.insert(a) }
        }
        // Apply in date order; a later goal on the same assessment replaces the earlier.
        let ordered = events.filter { $0.version >= 0 }.sorted {
            let a = goals[$0.version].stamp, b = goals[$1.version].stamp
            return ($0.day, a.time, a.seq) < ($1.day, b.time, b.seq)
        }
        for event in ordered {
            let g = goals[event.version]
            // Changed in place: a copy of the timeline would copy its rows
            // for every goal event (quadratic in a condition's history).
            guard let slot = timelines.index(forKey: g.condition), timelines.values[slot].alive,
                  !timelines.values[slot].rows.isEmpty else { continue }
            let row = timelines.values[slot].lastRow(onOrBefore: event.day) ?? 0
            let previous = timelines.values[slot].rows[row].goalOwner
            if previous >= 0 && !inForce.contains(previous) { fates[previous] = .superseded }
            timelines.values[slot].rows[row].goal = g.target
            timelines.values[slot].rows[row].goalOwner = event.version
        }
    }
}
