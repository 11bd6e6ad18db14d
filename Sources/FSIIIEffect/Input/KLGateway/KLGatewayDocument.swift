import FSIIIBytes

/// One JSON document of a KL Gateway input — a `.json` file or one line of
/// an `.ndjson` file — is a care delivery report, an incremental delivery
/// (a Bundle of delivery reports, SPEC §9), or not a delivery report at all
/// (a folder may hold other JSON, such as an `expected.json`): that gives
/// one clear problem and the run goes on.
enum KLGatewayDocument {
    enum Kind { case report, incremental }

    /// What a document gave: its reports' facts, or the problem with it.
    struct Outcome: Sendable {
        var reports: [ReportFacts] = []
        var problems: [ImportProblem] = []
    }

    static let expected = "a delivery report is a FHIR Bundle of type collection with meta.profile …/\(KLGateway.deliveryReportProfile) (or …/\(KLGateway.incrementalDeliveryProfile) for a bundle of them)"

    /// The kind of a parsed document, or why it is not a delivery report.
    /// The reasons name fields and JSON types, never an id (`FHIRPlace`).
    static func kind(of value: JSONValue) -> Result<Kind, Reason> {
        guard value.object != nil else { return .failure(Reason(text: "the JSON text is \(FHIRPlace.kind(value)), not an object")) }
        guard let typeValue = value["resourceType"] else { return .failure(Reason(text: "the object has no resourceType")) }
        guard let type = typeValue.string else {
            return .failure(Reason(text: "resourceType is \(FHIRPlace.kind(typeValue)), not a string"))
        }
        guard type == "Bundle" else {
            return .failure(Reason(text: FHIRPlace.resourceName(type).map { "it is a FHIR \($0), not a Bundle" }
                                   ?? "its resourceType \(FHIRPlace.quoted(type)) is not Bundle"))
        }
        let profileValue = value["meta"]?["profile"]?[0]
        if let profileValue, profileValue.string == nil {
            return .failure(Reason(text: "meta.profile[0] is \(FHIRPlace.kind(profileValue)), not a profile URL"))
        }
        let profile = profileValue?.string.map(KLGateway.profileName) ?? ""
        let kind: Kind
        switch profile {
        case KLGateway.deliveryReportProfile[...]: kind = .report
        case KLGateway.incrementalDeliveryProfile[...]: kind = .incremental
        case "": return .failure(Reason(text: "the Bundle has no meta.profile"))
        default: return .failure(Reason(text: "the Bundle's profile is \(FHIRPlace.quoted(String(profile)))"))
        }
        let bundleType = value["type"]
        guard bundleType?.string == "collection" else {
            let given = bundleType.map { $0.string.map(FHIRPlace.quoted) ?? FHIRPlace.kind($0) } ?? "missing"
            return .failure(Reason(text: "Bundle.type is \(given), not collection"))
        }
        return .success(kind)
    }

    struct Reason: Error {
        var text: String
    }

    /// Reads a parsed document found at `line` (0 for a whole `.json` file).
    static func read(_ value: JSONValue, reader: DeliveryReportReader, line: Int) -> Outcome {
        var outcome = Outcome()
        let label = line == 0 ? "(file)" : "(line)"
        switch kind(of: value) {
        case .failure(let reason):
            outcome.problems.append(reader.problem(line, label, "not a KL Gateway delivery report: \(reason.text); \(expected). Ignored",
                                                   reason: "not a delivery report"))
        case .success(.report):
            outcome.reports.append(reader.read(value, line: line))
        case .success(.incremental):
            // Reports of a delivery are unordered; versions are ordered by time when resolved.
            let entries = value["entry"]
            if let entries, entries.array == nil {
                outcome.problems.append(reader.problem(line, FHIRPlace.report(nil), "the incremental delivery's Bundle.entry is \(FHIRPlace.kind(entries)), not an array of reports",
                                                       reason: "not a delivery report"))
            }
            for (k, entry) in (entries?.array ?? []).enumerated() {
                let report = entry["resource"] ?? .null
                let place = FHIRPlace.entry(k, type: report["resourceType"]?.string, report: nil)
                switch kind(of: report) {
                case .success(.report):
                    outcome.reports.append(reader.read(report, line: line, position: k))
                case .success(.incremental):
                    outcome.problems.append(reader.problem(line, place, "an incremental delivery inside an incremental delivery is not read; send its reports directly",
                                                           reason: "not a delivery report"))
                case .failure(let reason):
                    outcome.problems.append(reader.problem(line, place, "not a KL Gateway delivery report: \(reason.text); every entry of an incremental delivery is one",
                                                           reason: "not a delivery report"))
                }
            }
        }
        return outcome
    }
}
