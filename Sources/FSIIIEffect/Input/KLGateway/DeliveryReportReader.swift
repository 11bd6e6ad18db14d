import FSIIIBytes

/// Reads one care delivery report (SPEC §9, IMPORT-CONTRACT.md) into
/// `ReportFacts`: the citizen from the Patient's CPR identifier, and one
/// version record per resource entry. The report's entries are indexed by
/// `Type/id` and `fullUrl` once, so every reference is checked and followed
/// without a search. A problem rejects the entry it is about (a report
/// without a usable citizen: all its entries); the rest still imports.
/// Pure: it touches no shared state, so reports are read on both cores.
struct DeliveryReportReader: Sendable {
    let terminology: Terminology
    let rates: ServiceRates
    let path: String

    /// The entries of one report, indexed.
    struct Entries {
        /// `resource` of each entry; nil when the entry has none usable.
        var resources: [JSONObject?]
        /// `Type/id` of each entry ("" when it has none).
        var labels: [String]
        /// `Type/id` and `fullUrl` → entry index.
        var index: [String: Int]

        /// The entry a reference points to: `Type/id`, a `fullUrl`, or an
        /// absolute or versioned URL ending in `Type/id[/_history/v]`.
        func resolve(_ reference: String) -> Int? {
            guard reference.utf8.count <= DeliveryReportReader.longestReference else { return nil }
            if let i = index[reference] { return i }
            var parts = reference.split(separator: "/", omittingEmptySubsequences: false)
            if parts.count >= 4 && parts[parts.count - 2] == "_history" { parts.removeLast(2) }
            guard parts.count >= 2 else { return nil }
            return index[parts[parts.count - 2] + "/" + parts[parts.count - 1]]
        }
    }

    /// The longest resource id read: FHIR ids are 1–64 characters, and a
    /// longer one is a broken entry, not a key to keep (it would become a
    /// course id).
    static let maximumIDLength = 64

    /// The longest reference or `fullUrl` resolved, in UTF-8 bytes: a
    /// longer one resolves to nothing (a missing reference) without being
    /// hashed or split.
    static let longestReference = 4096

    /// Reads `report`, a Bundle already known to carry the delivery-report
    /// profile; `line` is its line in an NDJSON file (0 in a `.json` file),
    /// `position` its 0-based place in an incremental delivery (nil for a
    /// report on its own). Problems name the report and its entries by
    /// position (`FHIRPlace`), never by id.
    func read(_ report: JSONValue, line: Int, position: Int? = nil) -> ReportFacts {
        var facts = ReportFacts(line: line)
        let reportPlace = FHIRPlace.report(position)
        let entryValue = report["entry"]
        let rawEntries = entryValue?.array ?? []
        facts.entries = rawEntries.count

        func rejectReport(_ column: String, _ message: String, reason: String) -> ReportFacts {
            var rejected = ReportFacts(line: line)
            rejected.entries = rawEntries.count
            rejected.rejected = rawEntries.count
            rejected.problems = facts.problems
            rejected.problems.append(problem(line, column, message + (rawEntries.isEmpty ? "" : "; its \(rawEntries.count) entries are not imported"), reason: reason))
            return rejected
        }

        if let entryValue, entryValue.array == nil {
            return rejectReport(reportPlace, "Bundle.entry is \(FHIRPlace.kind(entryValue)), not an array of entries", reason: "bad entry")
        }
        guard let stampText = report["timestamp"]?.string, let stamp = FHIRInstant(stampText), stamp.hasTime else {
            let value = report["timestamp"]
            let given = value?.string.map { "\(FHIRPlace.quoted($0)) is not an instant (years 0001–9999, offset at most ±14:00)" }
                ?? (value == nil ? "it is missing" : "it is \(FHIRPlace.kind(value)), not a string")
            return rejectReport(reportPlace, "the report's Bundle.timestamp is needed to order versions, but \(given)", reason: "bad timestamp")
        }

        // Index the entries once.
        var entries = Entries(resources: [], labels: [], index: [:])
        entries.resources.reserveCapacity(rawEntries.count)
        entries.labels.reserveCapacity(rawEntries.count)
        entries.index.reserveCapacity(rawEntries.count * 2)
        for entry in rawEntries {
            guard let resource = entry["resource"]?.object, let type = resource["resourceType"]?.string,
                  let id = resource["id"]?.string, !id.isEmpty, id.utf8.count <= Self.maximumIDLength else {
                entries.resources.append(nil)
                entries.labels.append("")
                continue
            }
            let label = type + "/" + id
            entries.resources.append(resource)
            entries.labels.append(label)
            let i = entries.labels.count - 1
            if entries.index[label] == nil { entries.index[label] = i }
            if let url = entry["fullUrl"]?.string, url.utf8.count <= Self.longestReference, entries.index[url] == nil { entries.index[url] = i }
        }
        // Made only for a problem: most entries have none.
        func place(_ i: Int) -> String { FHIRPlace.entry(i, type: rawEntries[i]["resource"]?["resourceType"]?.string, report: position) }

        // The citizen: exactly one Patient with a CPR number.
        let patients = entries.labels.indices.filter { entries.resources[$0]?["resourceType"]?.string == "Patient" }
        guard patients.count == 1, let patient = entries.resources[patients[0]] else {
            return rejectReport(reportPlace, "a delivery report is about one citizen and needs exactly one Patient entry, but it has \(patients.count)",
                                reason: "no citizen")
        }
        let identifiers = patient["identifier"]?.array ?? []
        guard let cpr = identifiers.first(where: { $0["system"]?.string == KLGateway.cprSystem })?["value"]?.string,
              !cpr.trimmingSpaces.isEmpty else {
            return rejectReport(place(patients[0]), "the Patient has no CPR number (identifier with system \(KLGateway.cprSystem)), so the report cannot be attributed to a citizen",
                                reason: "missing citizen")
        }
        guard cpr.utf8.count <= 64 else {
            return rejectReport(place(patients[0]), "the Patient's identifier is longer than 64 characters", reason: "bad citizen")
        }
        let organisation = patient["managingOrganization"]
        let display = organisation?["display"]?.string
        let identifier = organisation?["identifier"]
        let team = display ?? identifier?["value"]?.string ?? ""
        guard team.utf8.count <= Self.longestName else {
            return rejectReport(place(patients[0]), "the Patient's managingOrganization names a team of \(team.utf8.count) bytes; a team is named in at most \(Self.longestName)",
                                reason: "bad team")
        }
        facts.citizen = CitizenID.normalized(cpr)
        // The team table masks CPR-shaped numbers in what it shows, except a
        // SOR code given as the organisation's identifier (SPEC §10, NameTable).
        facts.team = team
        facts.teamIsOrganisationCode = display == nil && identifier?["system"]?.string == KLGateway.sorSystem

        // Home-care conditions first: follow-up observations need their levels.
        var conditionLevels: [Int: (code: UInt8, level: UInt8)] = [:]
        let isCondition = entries.labels.map { $0.hasPrefix("Condition/") }
        let order = entries.labels.indices.filter { isCondition[$0] } + entries.labels.indices.filter { !isCondition[$0] }
        for i in order {
            guard let resource = entries.resources[i] else {
                facts.rejected += 1
                facts.problems.append(problem(line, place(i), Self.unusableEntry(rawEntries[i]), reason: "bad entry"))
                continue
            }
            let label = entries.labels[i]
            var missing = false
            JSONValue.object(resource).forEachReference { reference in
                if !missing && entries.resolve(reference) == nil { missing = true }
            }
            if missing, let (path, reference) = JSONValue.object(resource).firstReference(where: { entries.resolve($0) == nil }) {
                let target = Self.referencedType(reference).map { "a \($0)" } ?? "a resource"
                facts.rejected += 1
                facts.problems.append(problem(line, place(i), "\(path) refers to \(target) that is not in the report; every reference must point to an entry of the same report",
                                              reason: "missing reference"))
                continue
            }
            var time = stamp.milliseconds
            if let updatedValue = resource["meta"]?["lastUpdated"] {
                guard let updated = updatedValue.string, let instant = FHIRInstant(updated), instant.hasTime else {
                    let given = updatedValue.string.map { "\(FHIRPlace.quoted($0)) is not an instant" } ?? "is \(FHIRPlace.kind(updatedValue)), not an instant"
                    facts.rejected += 1
                    facts.problems.append(problem(line, place(i), "meta.lastUpdated \(given) (e.g. 2024-03-01T10:15:00Z; years 0001–9999, offset at most ±14:00)",
                                                  reason: "bad timestamp"))
                    continue
                }
                time = instant.milliseconds
            }
            let versionStamp = VersionStamp(key: ResourceKey(label), time: time, seq: UInt32(truncatingIfNeeded: i),
                                            fingerprint: Self.fingerprint(resource), enteredInError: false)
            let context = ResourceContext(resource: resource, label: label, entry: i, position: position, stamp: versionStamp,
                                          day: FHIRInstant(milliseconds: time).day.rawValue, line: line, entries: entries)
            if let message = read(context, patient: i == patients[0], levels: &conditionLevels, into: &facts, entry: i) {
                facts.rejected += 1
                facts.problems.append(problem(line, place(i), message.text, reason: message.reason))
            }
        }
        return facts
    }

    /// Why an entry has no usable resource, naming the field and never its value.
    static func unusableEntry(_ entry: JSONValue) -> String {
        guard entry.object != nil else { return "the entry is \(FHIRPlace.kind(entry)), not an object with a resource" }
        guard let resource = entry["resource"] else { return "the entry has no resource" }
        guard resource.object != nil else { return "entry.resource is \(FHIRPlace.kind(resource)), not a resource object" }
        guard let type = resource["resourceType"] else { return "the resource has no resourceType" }
        guard type.string != nil else { return "resourceType is \(FHIRPlace.kind(type)), not a string" }
        guard let id = resource["id"] else { return "the resource has no id, so its versions cannot be told apart" }
        guard let text = id.string else { return "the resource's id is \(FHIRPlace.kind(id)), not a string" }
        if text.isEmpty { return "the resource's id is empty" }
        return "the resource's id is longer than \(maximumIDLength) characters (FHIR ids are at most \(maximumIDLength))"
    }

    /// The resource type a reference names (`Condition` in `Condition/…`,
    /// or in `https://…/Condition/…/_history/2`), when it is a plain name.
    static func referencedType(_ reference: String) -> String? {
        var parts = reference.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count >= 4 && parts[parts.count - 2] == "_history" { parts.removeLast(2) }
        guard parts.count >= 2 else { return nil }
        return FHIRPlace.resourceName(String(parts[parts.count - 2]))
    }

    /// A resource being read, with what its mapping needs.
    struct ResourceContext {
        var resource: JSONObject
        /// `Type/id`: the resource's identity, never printed.
        var label: String
        /// The entry's index in its report, and the report's in its
        /// incremental delivery (nil for a report on its own): where it is.
        var entry: Int
        var position: Int?
        var stamp: VersionStamp
        /// The local date of the version's time.
        var day: Int32
        var line: Int
        var entries: Entries

        subscript(key: String) -> JSONValue? { resource[key] }
    }

    /// Why a resource was rejected: a message that says what to fix, and a short reason.
    struct Rejection: Error {
        var text: String
        var reason: String
        init(_ text: String, reason: String) {
            self.text = text
            self.reason = reason
        }
    }

    func problem(_ line: Int, _ column: String, _ message: String, reason: String) -> ImportProblem {
        ImportProblem(file: path, line: line, column: column, message: message, reason: reason)
    }

    /// A 64-bit hash of the resource without `meta`: equal for an unchanged
    /// re-send. Strings are hashed as their UTF-8 bytes with `byteHash`
    /// (several times faster than `Hasher` on a tree of strings); a
    /// collision would make a changed version look unchanged, with
    /// probability about 2⁻⁶⁴ per pair of versions of one resource.
    static func fingerprint(_ resource: JSONObject) -> UInt64 {
        var h: UInt64 = 0x6A09_E667_F3BC_C908
        for member in resource.members where member.key != "meta" {
            mixString(&h, member.key)
            mixValue(&h, member.value)
        }
        return h
    }

    private static func mixWord(_ h: inout UInt64, _ x: UInt64) {
        h = (h ^ x) &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 29
    }

    private static func mixString(_ h: inout UInt64, _ string: String) {
        var text = string
        mixWord(&h, text.withUTF8 { byteHash($0.baseAddress ?? emptyBytes, $0.count) })
    }

    private static func mixValue(_ h: inout UInt64, _ value: JSONValue) {
        switch value {
        case .null: mixWord(&h, 1)
        case .bool(let flag): mixWord(&h, flag ? 2 : 3)
        case .number(let x): mixWord(&h, 4); mixWord(&h, x.bitPattern)
        case .integer(let n): mixWord(&h, 4); mixWord(&h, Double(n).bitPattern)
        case .string(let text): mixWord(&h, 5); mixString(&h, text)
        case .array(let elements):
            mixWord(&h, 6 &+ UInt64(elements.count) << 8)
            for element in elements { mixValue(&h, element) }
        case .object(let object):
            mixWord(&h, 7 &+ UInt64(object.count) << 8)
            for member in object.members {
                mixString(&h, member.key)
                mixValue(&h, member.value)
            }
        }
    }
}

private extension String {
    /// Without surrounding spaces and tabs.
    var trimmingSpaces: Substring {
        let s = self.drop { $0 == " " || $0 == "\t" }
        var end = s.endIndex
        while end > s.startIndex, s[s.index(before: end)] == " " || s[s.index(before: end)] == "\t" { end = s.index(before: end) }
        return s[..<end]
    }
}

extension CitizenID {
    /// The normalised bytes of an id as written (trimmed; a CPR number without hyphen).
    static func normalized(_ text: String) -> [UInt8] {
        let bytes = Array(String(text.trimmingSpaces).utf8)
        return bytes.withUnsafeBufferPointer { b in
            let out = UnsafeMutablePointer<UInt8>.allocate(capacity: max(b.count, 1))
            defer { out.deallocate() }
            let n = normalize(ByteSlice(p: b.baseAddress ?? emptyBytes, n: b.count), into: out)
            return Array(UnsafeBufferPointer(start: out, count: n))
        }
    }
}
