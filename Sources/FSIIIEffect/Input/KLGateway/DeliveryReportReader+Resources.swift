import FSIIIBytes

/// The mapping of each kind of resource (IMPORT-CONTRACT.md, "where each
/// fact is"): one function per kind, each returning the version record or a
/// rejection that says what is wrong and what to do.
extension DeliveryReportReader {
    /// Reads one resource into `facts`; the rejection when it cannot be used.
    func read(_ r: ResourceContext, patient: Bool, levels: inout [Int: (code: UInt8, level: UInt8)],
              into facts: inout ReportFacts, entry: Int) -> Rejection? {
        do throws(Rejection) {
            switch r["resourceType"]?.string {
            case "Patient":
                facts.patients.append(patientVersion(r))
            case "Condition":
                let c = try condition(r)
                facts.conditions.append(c)
                if !c.isNursing { levels[entry] = (c.code, c.state == .resolved ? 0 : c.level) }
            case "Goal":
                facts.goals.append(try goal(r))
            case "CarePlan":
                facts.carePlans.append(try carePlan(r))
            case "Encounter":
                try encounter(r, into: &facts)
            case "Observation" where KLGateway.profileName(JSONValue.object(r.resource).firstProfile ?? "") == KLGateway.followUpObservationProfile:
                try followUp(r, levels: levels, into: &facts)
            default:
                var stamp = r.stamp
                stamp.enteredInError = r["status"]?.string == KLGateway.enteredInError
                facts.others.append(OtherVersion(stamp: stamp))
            }
            return nil
        } catch {
            return error
        }
    }

    func patientVersion(_ r: ResourceContext) -> PatientVersion {
        let deceased = r["deceasedBoolean"]?.bool ?? (r["deceasedDateTime"] != nil)
        return PatientVersion(stamp: r.stamp, active: r["active"]?.bool ?? true, deceased: deceased, entry: Int32(truncatingIfNeeded: r.entry),
                              report: Int32(truncatingIfNeeded: r.position ?? -1), line: r.line)
    }

    /// SPEC §9: FSIII code, level from `severity`, `recordedDate`, clinical
    /// and verification status, and whether it is in focus.
    func condition(_ r: ResourceContext) throws(Rejection) -> ConditionVersion {
        var stamp = r.stamp
        stamp.enteredInError = r["verificationStatus"]?.firstCode == KLGateway.enteredInError
        guard let codeText = r["code"]?.code(preferring: KLGateway.fsiiiSystem) else {
            throw Rejection("the condition has no code (code.coding[0].code)", reason: "missing condition")
        }
        let plausible = Self.isPlausibleCode(codeText)
        let code = plausible ? terminology.condition(forCode: codeText) : nil
        let isNursing = code == nil && plausible && terminology.isNursing(code: codeText)
        guard code != nil || isNursing else {
            let display = r["code"]?.codings.first?["display"]?.string.map { " (\(FHIRPlace.quoted($0)))" } ?? ""
            throw Rejection("unknown FSIII condition code \(FHIRPlace.quoted(codeText))\(display); expected a home-care condition (Kommunale pleje- og omsorgstilstande) or a nursing condition, as a UUID or legacy key",
                            reason: "unknown condition")
        }
        let clinical = r["clinicalStatus"]?.firstCode ?? "active"
        let inFocus = (r["category"]?.array ?? []).contains { $0.codings.contains { $0["code"]?.string == KLGateway.inFocusCategory } }
        let state: ConditionVersion.State = clinical == "resolved" ? .resolved
            : (clinical == "inactive" || clinical == "remission" || !inFocus) ? .ended : .active
        var level = KLGateway.noLevel
        if !isNursing && !stamp.enteredInError, let severity = r["severity"]?.code(preferring: KLGateway.fsiiiSystem) {
            guard Self.isPlausibleCode(severity), let l = terminology.level(forToken: severity) else {
                throw Rejection("unknown level code \(FHIRPlace.quoted(severity)) in severity; use a value of the FSIII scale Funktionsevne skalering (its UUID or B1–B6)", reason: "bad level")
            }
            level = l.rawValue
        }
        if !isNursing && !stamp.enteredInError && state == .active && level == KLGateway.noLevel {
            throw Rejection("a home-care condition in focus needs its level in severity", reason: "missing level")
        }
        var recorded = KLGateway.noDay
        if let value = r["recordedDate"] {
            recorded = try Self.date(value, field: "recordedDate").rawValue
        }
        return ConditionVersion(stamp: stamp, code: code?.rawValue ?? 0, isNursing: isNursing, level: level, state: state,
                                recorded: recorded, day: r.day)
    }

    /// SPEC §9: `addresses` a condition, `target.detailCodeableConcept` is the expected level.
    func goal(_ r: ResourceContext) throws(Rejection) -> GoalVersion {
        var stamp = r.stamp
        stamp.enteredInError = r["lifecycleStatus"]?.string == KLGateway.enteredInError
        guard let reference = JSONValue.references(r["addresses"]).first, let target = r.entries.resolve(reference),
              r.entries.labels[target].hasPrefix("Condition/") else {
            throw Rejection("the goal addresses no condition (addresses[0] → Condition/…)", reason: "missing condition")
        }
        var level = KLGateway.noLevel
        if !stamp.enteredInError {
            guard let code = r["target"]?[0]?["detailCodeableConcept"]?.code(preferring: KLGateway.fsiiiSystem) else {
                throw Rejection("the goal has no expected level (target[0].detailCodeableConcept)", reason: "missing level")
            }
            guard Self.isPlausibleCode(code), let l = terminology.level(forToken: code) else {
                throw Rejection("unknown level code \(FHIRPlace.quoted(code)) in target[0].detailCodeableConcept; use a value of the FSIII scale Funktionsevne skalering", reason: "bad level")
            }
            level = l.rawValue
        }
        var start = KLGateway.noDay
        if let value = r["startDate"] {
            start = try Self.date(value, field: "startDate").rawValue
        }
        return GoalVersion(stamp: stamp, condition: ResourceKey(r.entries.labels[target]), target: level, start: start, day: r.day)
    }

    /// SPEC §9: the level-2 code and the period; the end counts only once
    /// `status` is `completed`.
    func carePlan(_ r: ResourceContext) throws(Rejection) -> CarePlanVersion {
        var stamp = r.stamp
        let status = r["status"]?.string
        stamp.enteredInError = status == KLGateway.enteredInError
        if stamp.enteredInError {
            return CarePlanVersion(stamp: stamp, isRehabilitation: false, start: KLGateway.noDay, end: KLGateway.noDay, id: "")
        }
        guard let code = Self.interventionCodings(r.resource).fsiii?["code"]?.string else {
            throw Rejection("the planned intervention has no FSIII code (activity[0].detail.code.coding with system \(KLGateway.fsiiiSystem))", reason: "missing intervention")
        }
        guard let startValue = r["period"]?["start"] else {
            throw Rejection("period.start is the date the intervention was granted, but it is missing", reason: "bad date")
        }
        let start = try Self.date(startValue, field: "period.start")
        var end = KLGateway.noDay
        if status == "completed" {
            // An intervention ended during a day is reported that day (IMPORT-CONTRACT.md).
            end = r.day
            if let endValue = r["period"]?["end"] {
                end = try Self.date(endValue, field: "period.end").rawValue
            }
            guard end >= start.rawValue else {
                throw Rejection("the intervention ends (\(Day(rawValue: end).iso)) before it starts (\(start.iso))", reason: "end before start")
            }
        }
        let isRehabilitation = Self.isPlausibleCode(code) && terminology.isRehabilitation(code: code)
        return CarePlanVersion(stamp: stamp, isRehabilitation: isRehabilitation, start: start.rawValue, end: end,
                               id: isRehabilitation ? String(r.label.dropFirst("CarePlan/".count)) : "")
    }

    /// SPEC §9: a finished "udførelse af planlagt indsats" with start and
    /// end times is delivered minutes, split evenly over the interventions
    /// it is based on, each priced by its service (`--rates`, else
    /// `--hourly-rate`).
    func encounter(_ r: ResourceContext, into facts: inout ReportFacts) throws(Rejection) {
        var stamp = r.stamp
        let status = r["status"]?.string
        stamp.enteredInError = status == KLGateway.enteredInError
        var version = EncounterVersion(stamp: stamp, delivers: false, day: r.day, firstPart: facts.costParts.count, partCount: 0)
        let type = r["type"]?[0]?.code(preferring: KLGateway.careSocialCodes)
        if !stamp.enteredInError && status == "finished" && type == KLGateway.deliveryEncounterType {
            let start = try Self.time(r["period"]?["start"], field: "period.start")
            let end = try Self.time(r["period"]?["end"], field: "period.end")
            guard end >= start else { throw Rejection("period.end is before period.start", reason: "end before start") }
            // Both are in `FHIRInstant.range`: the difference cannot overflow.
            let duration = end.milliseconds - start.milliseconds
            guard duration <= Self.longestVisit else {
                let hours = Double(duration) / 3_600_000
                throw Rejection("the visit lasts \(Self.minutesText((hours * 10).rounded() / 10)) hours (period.start to period.end); a delivery longer than \(Self.longestVisit / 3_600_000) hours is taken as an error in its times",
                                reason: "visit too long")
            }
            let milliseconds = Double(duration)
            let minutes = milliseconds / 60_000
            let plans = JSONValue.object(r.resource).extensionReferences(KLGateway.basedOnInterventionExtension)
                .compactMap { r.entries.resolve($0) }.filter { r.entries.labels[$0].hasPrefix("CarePlan/") }
            // A visit names one to three interventions; one naming many is
            // priced with one look-up per distinct intervention, so a visit
            // naming one 100,000 times is not quadratic in the report.
            var known: [Int: (name: String, rate: Double?)] = [:]
            let memo = plans.count > 8
            let services = plans.isEmpty ? [(name: "", rate: rates.pricing.defaultRate)]
                : plans.compactMap { i -> (name: String, rate: Double?)? in
                    if memo, let found = known[i] { return found }
                    guard let plan = r.entries.resources[i] else { return nil }
                    let found = service(of: plan)
                    if memo { known[i] = found }
                    return found
                }
            var parts: [CostPart] = []
            for service in services {
                guard service.name.utf8.count <= Self.longestName else {
                    throw Rejection("the intervention's service name is \(service.name.utf8.count) bytes long; a service is named in at most \(Self.longestName)",
                                    reason: "bad service")
                }
                guard let rate = service.rate else {
                    let what = service.name.isEmpty ? "the visit is based on no intervention" : "service \(FHIRPlace.quoted(service.name)) has no rate"
                    throw Rejection("cannot price \(Self.minutesText(minutes)) minutes: \(what); add it to a rates file (--rates, service;rate) or give --hourly-rate KR",
                                    reason: "no rate")
                }
                // One correctly rounded division: a visit of 0.68 h gives the
                // same hours as "0,68" in a costs file.
                let hours = milliseconds / 3_600_000 / Double(services.count)
                parts.append(CostPart(service: service.name, hours: hours, cost: hours * rate))
            }
            facts.costParts.append(contentsOf: parts)
            version.delivers = true
            version.day = start.day.rawValue
            version.partCount = parts.count
        }
        facts.encounters.append(version)
    }

    /// A follow-up observation: its result, date and the conditions it follows up.
    func followUp(_ r: ResourceContext, levels: [Int: (code: UInt8, level: UInt8)], into facts: inout ReportFacts) throws(Rejection) {
        var stamp = r.stamp
        stamp.enteredInError = r["status"]?.string == KLGateway.enteredInError
        var result: FollowUpResult?
        var day = r.day
        if !stamp.enteredInError {
            guard let code = r["valueCodeableConcept"]?.code(preferring: KLGateway.fsiiiSystem), let known = FollowUpResult(code: code) else {
                let given = r["valueCodeableConcept"]?.firstCode.map(FHIRPlace.quoted) ?? "none"
                throw Rejection("unknown follow-up result \(given) in valueCodeableConcept; expected E1–E4 (Fortsættes, Ændres inden for rammen, Afsluttes, Revisitation)",
                                reason: "bad follow-up")
            }
            result = known
            guard let value = r["effectiveDateTime"] ?? r["effectivePeriod"]?["start"] else {
                throw Rejection("a follow-up observation needs its date in effectiveDateTime", reason: "bad date")
            }
            day = try Self.date(value, field: r["effectiveDateTime"] != nil ? "effectiveDateTime" : "effectivePeriod.start").rawValue
        }
        let first = facts.focus.count
        for reference in JSONValue.references(r["focus"]) {
            guard let i = r.entries.resolve(reference), r.entries.labels[i].hasPrefix("Condition/") else { continue }
            let known = levels[i]
            facts.focus.append(FollowUpFocus(condition: ResourceKey(r.entries.labels[i]), code: known?.code ?? KLGateway.noLevel, level: known?.level ?? KLGateway.noLevel))
        }
        facts.followUps.append(FollowUpVersion(stamp: stamp, day: day, result: result, firstFocus: first, focusCount: facts.focus.count - first))
    }

    /// The FSIII level-2 coding and the optional level-3 local coding of a CarePlan.
    static func interventionCodings(_ resource: JSONObject) -> (fsiii: JSONValue?, local: JSONValue?) {
        let codings = JSONValue.object(resource)["activity"]?[0]?["detail"]?["code"]?.codings ?? []
        return (codings.first { $0["system"]?.string == KLGateway.fsiiiSystem },
                codings.first { $0["system"]?.string == KLGateway.localInterventionSystem })
    }

    /// The service of an intervention and its hourly rate: named by the
    /// local (level-3) display, else the FSIII display, else the code; the
    /// rate of the first of local display, FSIII display, legacy key or UUID
    /// that the rates name, else `--hourly-rate`.
    func service(of carePlan: JSONObject) -> (name: String, rate: Double?) {
        let (fsiii, local) = Self.interventionCodings(carePlan)
        let code = fsiii?["code"]?.string
        let concept = code.flatMap { c in Self.isPlausibleCode(c) ? terminology.rehabilitation.first { $0.uuid == c || $0.legacyKey == c } : nil }
        let candidates = [local?["display"]?.string, local?["code"]?.string, fsiii?["display"]?.string, concept?.display,
                          concept?.legacyKey, concept?.uuid, code].compactMap { $0 }.filter { !$0.isEmpty }
        // A name too long to be a service is never looked up (normalising
        // megabytes for a rates match that cannot be); the visit is rejected.
        let rate = candidates.lazy.filter { $0.utf8.count <= Self.longestName }.compactMap { rates.rate(named: $0) }.first
            ?? rates.pricing.defaultRate
        // The service table masks CPR-shaped numbers in what it shows (NameTable).
        return (candidates.first ?? "", rate)
    }

    /// The longest code looked up in the terminology, in UTF-8 bytes: FSIII
    /// codes are UUIDs or short keys, and a longer text is unknown without
    /// a look-up (hashing or normalising megabytes of text is slow).
    static let longestCode = 256

    static func isPlausibleCode(_ code: String) -> Bool { code.utf8.count <= longestCode }

    /// The longest team or service name read, in UTF-8 bytes: names are
    /// printed in every report and matched against `--rates`; a longer one
    /// is an error in the report, not a name.
    static let longestName = 1024

    /// The longest delivery encounter priced, in milliseconds: a visit of
    /// more than a day is an error in its times (a year-long one would
    /// otherwise dominate every cost figure).
    static let longestVisit: Int64 = 24 * 3_600_000

    /// The instant of an encounter's `period.start` or `period.end`, which
    /// must carry a time: the minutes delivered are measured from it.
    static func time(_ value: JSONValue?, field: String) throws(Rejection) -> FHIRInstant {
        guard let value else {
            throw Rejection("a finished delivery of planned interventions needs period.start and period.end with times, to give the minutes delivered; \(field) is missing",
                            reason: "missing time")
        }
        guard let text = value.string else { throw Rejection("\(field) is \(FHIRPlace.kind(value)), not a date-time", reason: "bad time") }
        guard let instant = FHIRInstant(text) else {
            throw Rejection("\(field) \(FHIRPlace.quoted(text)) is not a date-time (e.g. 2024-03-01T10:15:00+01:00; years 0001–9999, offset at most ±14:00)",
                            reason: "bad time")
        }
        guard instant.hasTime else {
            throw Rejection("\(field) \(FHIRPlace.quoted(text)) has no time of day, so no minutes can be measured from it", reason: "missing time")
        }
        return instant
    }

    /// The local date of a FHIR `date` or `dateTime` field (`FHIRInstant.localDate`).
    static func date(_ value: JSONValue, field: String) throws(Rejection) -> Day {
        guard let text = value.string else {
            throw Rejection("\(field) is \(FHIRPlace.kind(value)), not a date", reason: "bad date")
        }
        guard let day = FHIRInstant.localDate(text) else {
            throw Rejection("\(field) \(FHIRPlace.quoted(text)) is not a date (YYYY-MM-DD or a FHIR dateTime, years 0001–9999)", reason: "bad date")
        }
        return day
    }

    /// `20` for a whole number, else `6.666666666666667`; whole numbers
    /// beyond ±2⁵³ keep the `Double` form (no conversion that could trap).
    static func minutesText(_ minutes: Double) -> String {
        minutes == minutes.rounded() && abs(minutes) < 0x1p53 ? String(Int(minutes)) : String(minutes)
    }
}
