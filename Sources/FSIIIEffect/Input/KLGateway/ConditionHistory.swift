/// One assessment made from KL Gateway versions, before it joins the
/// assessment rows: where it came from (`time`, `seq`: input order) and the
/// goal attached to it.
struct HistoryRow {
    var day: Int32
    var level: UInt8
    var status: AssessmentStatus
    var citizen: UInt32
    var team: UInt32
    var code: UInt8
    var time: Int64
    var seq: UInt32
    var goal: UInt8 = RawAssessments.noGoal
    /// The goal version whose target `goal` is (−1: none).
    var goalOwner = -1
}

/// The assessments of one condition id, oldest first.
struct ConditionTimeline {
    /// In version order. Every row after the first is dated by its
    /// version's time, so `rows[1...]` are in date order; the first may be
    /// dated by `recordedDate`, any day (`lastRow(onOrBefore:)` relies on it).
    var rows: [HistoryRow] = []
    /// False when the id was entered in error (and not sent again after).
    var alive = false
    var isNursing = false
    var citizen: UInt32 = 0

    /// The index of the last row dated on or before `day` — what
    /// `rows.lastIndex { $0.day <= day }` gives — by binary search over
    /// `rows[1...]`, which are in date order, then a look at the first row:
    /// O(log n), so a condition with a long history and many follow-ups or
    /// goals is not quadratic.
    func lastRow(onOrBefore day: Int32) -> Int? {
        guard !rows.isEmpty else { return nil }
        var lo = 1, hi = rows.count  // the first index in 1..<count dated after `day`
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if rows[mid].day <= day { lo = mid + 1 } else { hi = mid }
        }
        if lo > 1 { return lo - 1 }
        return rows[0].day <= day ? 0 : nil
    }
}

/// SPEC §9 for Condition resources: the versions of each condition id, in
/// the order they are valid from, become its assessments.
///
/// - The first version is dated by `recordedDate`; a later version whose
///   level changed is a new assessment dated by its `meta.lastUpdated`, else
///   its report's timestamp (local date). A version whose level did not
///   change adds nothing (`recordedDate` keeps the first date, so it cannot
///   date a re-assessment: JensHansen-3 moves 3 → 2 on 24–25 Feb and still
///   says 10 Feb).
/// - `resolved` is an assessment at level 0; `inactive`, `remission`, or a
///   version without the `problem-list-item` category ends the condition:
///   no new level, the last one stands.
/// - `entered-in-error` removes the id and all its assessments; a version
///   sent after that starts the id afresh.
///
/// Fates: a version that made an assessment or ended (or resumed) the
/// condition is accepted, as is the version in force at the end; an
/// unchanged re-send or a version replaced without effect is superseded.
enum ConditionHistory {
    static func resolve(_ versions: [ConditionVersion], fates: inout [VersionFate]) -> [ResourceKey: ConditionTimeline] {
        var timelines: [ResourceKey: ConditionTimeline] = [:]
        let groups = VersionGroups(versions)
        timelines.reserveCapacity(groups.runs.count)
        for resource in groups.resources {
            var timeline = ConditionTimeline()
            var alive: Int?
            var contributed: [Int] = []
            var level: UInt8?, code: UInt8?
            var ended = false, started = false
            for v in resource {
                let c = versions[v]
                if c.stamp.enteredInError {
                    fates[v] = .removed
                    for x in contributed { fates[x] = .removed }
                    if let a = alive { fates[a] = .removed }
                    contributed = []
                    alive = nil
                    timeline.rows = []
                    level = nil; code = nil
                    ended = false; started = false
                    continue
                }
                if let a = alive {
                    if versions[a].stamp.fingerprint == c.stamp.fingerprint {
                        fates[v] = .superseded
                        continue
                    }
                    if contributed.last != a { fates[a] = .superseded }
                }
                fates[v] = .accepted
                alive = v
                let first = !started
                started = true
                timeline.isNursing = c.isNursing
                timeline.citizen = c.citizen
                if c.isNursing { continue }  // counted, never assessed
                var contributes = false
                if c.state == .ended {
                    if !ended { ended = true; contributes = true }
                } else {
                    if ended { ended = false; contributes = true }
                    let newLevel = c.state == .resolved ? 0 : c.level
                    if newLevel != level || c.code != code {
                        let day = first && c.recorded != KLGateway.noDay ? c.recorded : c.day
                        timeline.rows.append(HistoryRow(day: day, level: newLevel, status: c.state == .resolved ? .resolved : .active,
                                                        citizen: c.citizen, team: c.team, code: c.code, time: c.stamp.time, seq: c.stamp.seq))
                        level = newLevel
                        code = c.code
                        contributes = true
                    }
                }
                if contributes { contributed.append(v) }
            }
            timeline.alive = alive != nil
            timeline.rows.sort { ($0.day, $0.time, $0.seq) < ($1.day, $1.time, $1.seq) }
            timelines[versions[resource.first ?? 0].stamp.key] = timeline
        }
        return timelines
    }

    /// The level of a condition in force on `day`: its latest assessment on
    /// or before it.
    static func level(_ timeline: ConditionTimeline, on day: Int32) -> UInt8? {
        timeline.lastRow(onOrBefore: day).map { timeline.rows[$0].level }
    }

    /// Follow-up observations (SPEC §9, IMPORT-CONTRACT.md): the date of a
    /// follow-up is when the conditions it names were assessed, so each
    /// home-care condition it follows up gets an assessment on that date at
    /// the level it has in the observation's report (else the level in
    /// force that day). That is how an unchanged level becomes a follow-up
    /// assessment: an unchanged re-sent Condition adds nothing. A day on
    /// which the condition already has an assessment gets no second one.
    /// The observations themselves are kept in `followUps`.
    static func addFollowUps(_ versions: ResourceVersions, to timelines: inout [ResourceKey: ConditionTimeline],
                             withdrawn: Set<UInt32>, fates: inout [VersionFate], kept followUps: inout [FollowUpObservation]) {
        var added: [ResourceKey: [HistoryRow]] = [:]
        for resource in VersionGroups(versions.followUps).resources {
            guard let v = VersionGroups.latest(resource, versions.followUps, fates: &fates) else { continue }
            let observation = versions.followUps[v]
            guard let result = observation.result, !withdrawn.contains(observation.citizen) else { continue }
            var keptAny = false
            for focus in versions.focus[observation.firstFocus..<(observation.firstFocus + observation.focusCount)] where focus.code != KLGateway.noLevel {
                followUps.append(FollowUpObservation(citizen: observation.citizen, day: Day(rawValue: observation.day), result: result,
                                                     condition: ConditionCode(focus.code)))
                keptAny = true
                guard let timeline = timelines[focus.condition], timeline.alive, !timeline.isNursing,
                      let level = focus.level != KLGateway.noLevel ? focus.level : level(timeline, on: observation.day) else { continue }
                added[focus.condition, default: []].append(HistoryRow(day: observation.day, level: level, status: .active,
                                                                      citizen: observation.citizen, team: observation.team, code: focus.code,
                                                                      time: observation.stamp.time, seq: observation.stamp.seq))
            }
            if !keptAny {
                followUps.append(FollowUpObservation(citizen: observation.citizen, day: Day(rawValue: observation.day), result: result, condition: nil))
            }
        }
        for (key, rows) in added {
            guard var timeline = timelines[key] else { continue }
            var days = Set(timeline.rows.map(\.day))
            for row in rows.sorted(by: { ($0.time, $0.seq) < ($1.time, $1.seq) }) where days.insert(row.day).inserted {
                timeline.rows.append(row)
            }
            timeline.rows.sort { ($0.day, $0.time, $0.seq) < ($1.day, $1.time, $1.seq) }
            timelines[key] = timeline
        }
    }
}
