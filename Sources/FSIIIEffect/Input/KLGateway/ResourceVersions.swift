import FSIIIBytes

/// Every version of every resource read so far, in compact records: the
/// reports themselves are released as soon as they are read, so a run over
/// 100,000 reports holds only these (a few dozen bytes per resource entry).
/// Merging a report interns its citizen, team and services into the
/// dataset's tables and numbers its entries in input order.
struct ResourceVersions {
    var patients: [PatientVersion] = []
    var conditions: [ConditionVersion] = []
    var goals: [GoalVersion] = []
    var carePlans: [CarePlanVersion] = []
    var encounters: [EncounterVersion] = []
    /// Cost parts of the encounters, with the service interned in `Dataset.costServices`.
    var costParts: [(service: UInt32, hours: Double, cost: Double)] = []
    var followUps: [FollowUpVersion] = []
    var focus: [FollowUpFocus] = []
    var others: [OtherVersion] = []
    /// Entries merged so far: the next entry's input order.
    private var nextSeq: UInt32 = 0

    var isEmpty: Bool { nextSeq == 0 }

    /// Adds one report's versions and its accounting.
    mutating func merge(_ facts: ReportFacts, file: Int, into dataset: inout Dataset) {
        var counts = dataset.report[.fhir]
        counts.read += facts.entries
        counts.rejected += facts.rejected
        dataset.report[.fhir] = counts
        dataset.report.problems.append(contentsOf: facts.problems)
        let base = nextSeq
        nextSeq &+= UInt32(truncatingIfNeeded: facts.entries)
        guard !facts.citizen.isEmpty else { return }
        let citizen = facts.citizen.withUnsafeBufferPointer { dataset.citizens.intern($0.baseAddress ?? emptyBytes, $0.count) }
        let team = facts.teamIsOrganisationCode ? dataset.teams.intern(organisationCode: facts.team) : dataset.teams.intern(facts.team)
        func restamp(_ s: VersionStamp) -> VersionStamp {
            var s = s
            s.seq = base &+ s.seq
            return s
        }
        for var v in facts.patients {
            v.stamp = restamp(v.stamp); v.citizen = citizen; v.file = file
            patients.append(v)
        }
        for var v in facts.conditions {
            v.stamp = restamp(v.stamp); v.citizen = citizen; v.team = team
            conditions.append(v)
        }
        for var v in facts.goals {
            v.stamp = restamp(v.stamp); v.citizen = citizen
            goals.append(v)
        }
        for var v in facts.carePlans {
            v.stamp = restamp(v.stamp); v.citizen = citizen; v.team = team
            carePlans.append(v)
        }
        let partBase = costParts.count
        for part in facts.costParts {
            costParts.append((dataset.costServices.intern(part.service), part.hours, part.cost))
        }
        for var v in facts.encounters {
            v.stamp = restamp(v.stamp); v.citizen = citizen; v.firstPart += partBase
            encounters.append(v)
        }
        let focusBase = focus.count
        focus.append(contentsOf: facts.focus)
        for var v in facts.followUps {
            v.stamp = restamp(v.stamp); v.citizen = citizen; v.team = team; v.firstFocus += focusBase
            followUps.append(v)
        }
        for var v in facts.others {
            v.stamp = restamp(v.stamp); v.citizen = citizen
            others.append(v)
        }
    }
}
