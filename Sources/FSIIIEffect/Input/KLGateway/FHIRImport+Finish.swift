/// Resolving every version read into the dataset (SPEC §9), once all the
/// inputs of a run are read and before the rules of SPEC §4 run.
extension FHIRImport {
    /// Appends the assessments to `raw` (each a real assessment; they count
    /// as read in `report[.assessments]`, after the CSV rows in input
    /// order), the § 83a courses to `dataset.courses` and the cost rows to
    /// `dataset.pendingCosts` (read in `report[.courses]` / `[.costs]`),
    /// and closes the accounting of the resource entries in `report[.fhir]`.
    func finish(raw: inout RawAssessments, into dataset: inout Dataset) {
        guard !versions.isEmpty else { return }
        let withdrawn = citizens(into: &dataset)

        var conditionFates = [VersionFate](repeating: .superseded, count: versions.conditions.count)
        var timelines = ConditionHistory.resolve(versions.conditions, fates: &conditionFates)
        dataset.nursingConditions += timelines.values.filter { $0.alive && $0.isNursing && !withdrawn.contains($0.citizen) }.count

        var followUpFates = [VersionFate](repeating: .superseded, count: versions.followUps.count)
        ConditionHistory.addFollowUps(versions, to: &timelines, withdrawn: withdrawn, fates: &followUpFates, kept: &dataset.followUps)
        var goalFates = [VersionFate](repeating: .superseded, count: versions.goals.count)
        GoalAttachment.attach(versions.goals, to: &timelines, fates: &goalFates)

        // The assessments, in the order their versions are valid from.
        var rows: [HistoryRow] = []
        for timeline in timelines.values where timeline.alive && !timeline.isNursing {
            rows.append(contentsOf: timeline.rows.lazy.filter { !withdrawn.contains($0.citizen) })
        }
        rows.sort { ($0.time, $0.seq, $0.day) < ($1.time, $1.seq, $1.day) }
        raw.reserve(raw.count + rows.count)
        for r in rows {
            raw.append(citizen: r.citizen, day: r.day, condition: r.code, level: r.level, goal: r.goal, status: r.status,
                       team: r.team, municipality: 0, id: (0, 0))
        }
        if !rows.isEmpty { dataset.report[.assessments].read += rows.count }

        var carePlanFates = [VersionFate](repeating: .superseded, count: versions.carePlans.count)
        let courses = InterventionCourses.courses(versions.carePlans, withdrawn: withdrawn, fates: &carePlanFates)
        dataset.courses.append(contentsOf: courses)
        if !courses.isEmpty { dataset.report[.courses].read += courses.count }

        var encounterFates = [VersionFate](repeating: .superseded, count: versions.encounters.count)
        let costsBefore = dataset.pendingCosts.count
        EncounterCosts.rows(versions, withdrawn: withdrawn, fates: &encounterFates, into: &dataset.pendingCosts)
        if dataset.pendingCosts.count > costsBefore { dataset.report[.costs].read += dataset.pendingCosts.count - costsBefore }

        var otherFates = [VersionFate](repeating: .superseded, count: versions.others.count)
        for resource in VersionGroups(versions.others).resources { _ = VersionGroups.latest(resource, versions.others, fates: &otherFates) }
        var patientFates = [VersionFate](repeating: .superseded, count: versions.patients.count)
        for resource in VersionGroups(versions.patients).resources { _ = VersionGroups.latest(resource, versions.patients, fates: &patientFates) }

        // A withdrawn citizen's resources are all removed.
        var counts = dataset.report[.fhir]
        func settle<V: Versioned>(_ fates: inout [VersionFate], _ versions: [V], citizen: (V) -> UInt32) {
            if !withdrawn.isEmpty {
                for i in fates.indices where withdrawn.contains(citizen(versions[i])) { fates[i] = .removed }
            }
            VersionGroups.tally(fates, into: &counts)
        }
        settle(&patientFates, versions.patients) { $0.citizen }
        settle(&conditionFates, versions.conditions) { $0.citizen }
        settle(&goalFates, versions.goals) { $0.citizen }
        settle(&carePlanFates, versions.carePlans) { $0.citizen }
        settle(&encounterFates, versions.encounters) { $0.citizen }
        settle(&followUpFates, versions.followUps) { $0.citizen }
        settle(&otherFates, versions.others) { $0.citizen }
        dataset.report[.fhir] = counts
    }

    /// The citizens whose latest Patient version says `active: false`
    /// (withdrawn: reported in error), with a warning each; a warning for
    /// each citizen reported deceased.
    private func citizens(into dataset: inout Dataset) -> Set<UInt32> {
        var latest: [UInt32: Int] = [:]
        for (i, p) in versions.patients.enumerated() {
            if let j = latest[p.citizen], (versions.patients[j].stamp.time, versions.patients[j].stamp.seq) > (p.stamp.time, p.stamp.seq) { continue }
            latest[p.citizen] = i
        }
        var withdrawn = Set<UInt32>()
        for i in latest.values.sorted() {
            let p = versions.patients[i]
            if !p.active {
                withdrawn.insert(p.citizen)
                dataset.report.problems.append(ImportProblem(file: files[p.file], line: p.line, column: p.place,
                    message: "active = false withdraws the citizen (reported in error): all their KL Gateway data is removed", reason: "citizen withdrawn", severity: .warning))
            } else if p.deceased {
                dataset.report.problems.append(ImportProblem(file: files[p.file], line: p.line, column: p.place,
                    message: "the citizen is reported deceased; their data is imported as sent", reason: "deceased", severity: .warning))
            }
        }
        return withdrawn
    }
}
