/// SPEC §5 and §9: planned interventions (CarePlan) with a § 83a code form
/// courses. The latest version of each intervention counts: its period's
/// start, and its end only once its status is `completed`. A citizen's
/// interventions that overlap or follow each other with a gap of at most
/// seven days form one course (gap = days strictly between one's end and
/// the next's start); a course is open while any of its interventions is.
/// A course's team is the team of its first intervention's report (the
/// Patient's managing organisation).
enum InterventionCourses {
    /// Largest gap in days between interventions of one course.
    static let maximumGap: Int32 = 7

    static func courses(_ versions: [CarePlanVersion], withdrawn: Set<UInt32>, fates: inout [VersionFate]) -> [Course] {
        var plans: [CarePlanVersion] = []
        for resource in VersionGroups(versions).resources {
            if let v = VersionGroups.latest(resource, versions, fates: &fates), versions[v].isRehabilitation,
               !withdrawn.contains(versions[v].citizen) {
                plans.append(versions[v])
            }
        }
        plans.sort { ($0.citizen, $0.start, $0.stamp.seq) < ($1.citizen, $1.start, $1.stamp.seq) }
        var courses: [Course] = []
        var i = 0
        while i < plans.count {
            let first = plans[i]
            var end = first.end == KLGateway.noDay ? Int32.max : first.end
            var j = i + 1
            while j < plans.count && plans[j].citizen == first.citizen
                    && (end == Int32.max || Int64(plans[j].start) <= Int64(end) + Int64(maximumGap) + 1) {
                end = plans[j].end == KLGateway.noDay ? Int32.max : max(end, plans[j].end)
                j += 1
            }
            courses.append(Course(citizen: first.citizen, start: Day(rawValue: first.start), end: end == Int32.max ? nil : Day(rawValue: end),
                                  team: first.team, municipality: 0, id: first.id, type: "83a"))
            i = j
        }
        return courses
    }
}

/// SPEC §9: the latest version of each finished delivery encounter gives
/// its cost rows (minutes / 60 hours of each intervention it delivered,
/// priced when read); their team is the course's, through the cost join.
enum EncounterCosts {
    static func rows(_ versions: ResourceVersions, withdrawn: Set<UInt32>, fates: inout [VersionFate], into costs: inout RawCosts) {
        var delivered: [Int] = []
        for resource in VersionGroups(versions.encounters).resources {
            guard let v = VersionGroups.latest(resource, versions.encounters, fates: &fates) else { continue }
            let encounter = versions.encounters[v]
            if encounter.delivers && !withdrawn.contains(encounter.citizen) { delivered.append(v) }
        }
        // In input order, like the rows of a costs file.
        delivered.sort { versions.encounters[$0].stamp.seq < versions.encounters[$1].stamp.seq }
        for v in delivered {
            let encounter = versions.encounters[v]
            for part in versions.costParts[encounter.firstPart..<(encounter.firstPart + encounter.partCount)] {
                costs.citizen.append(encounter.citizen)
                costs.day.append(encounter.day)
                costs.hours.append(part.hours)
                costs.cost.append(part.cost)
                costs.service.append(part.service)
            }
        }
    }
}
