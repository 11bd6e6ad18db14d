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
    static func kind(of value: JSONValue) -> Result<Kind, Reason> {
        guard value.object != nil else { return .failure(Reason(text: "the JSON text is not an object")) }
        guard let type = value["resourceType"]?.string else { return .failure(Reason(text: "the object has no resourceType")) }
        guard type == "Bundle" else { return .failure(Reason(text: "it is a FHIR \(type), not a Bundle")) }
        let profile = value.firstProfile.map(KLGateway.profileName) ?? ""
        let kind: Kind
        switch profile {
        case KLGateway.deliveryReportProfile[...]: kind = .report
        case KLGateway.incrementalDeliveryProfile[...]: kind = .incremental
        case "": return .failure(Reason(text: "the Bundle has no meta.profile"))
        default: return .failure(Reason(text: "the Bundle's profile is \(profile)"))
        }
        guard value["type"]?.string == "collection" else {
            return .failure(Reason(text: "Bundle.type is \(value["type"]?.string.map { "\"\($0)\"" } ?? "missing"), not collection"))
        }
        return .success(kind)
    }

    struct Reason: Error {
        var text: String
    }

    /// Reads a parsed document found at `line` (0 for a whole `.json` file).
    static func read(_ value: JSONValue, reader: DeliveryReportReader, line: Int) -> Outcome {
        var outcome = Outcome()
        let label = value["id"]?.string.map { "Bundle/" + $0 } ?? (line == 0 ? "(file)" : "(line)")
        switch kind(of: value) {
        case .failure(let reason):
            outcome.problems.append(reader.problem(line, label, "not a KL Gateway delivery report: \(reason.text); \(expected). Ignored",
                                                   reason: "not a delivery report"))
        case .success(.report):
            outcome.reports.append(reader.read(value, line: line))
        case .success(.incremental):
            // Reports of a delivery are unordered; versions are ordered by time when resolved.
            for (k, entry) in (value["entry"]?.array ?? []).enumerated() {
                let report = entry["resource"] ?? .null
                switch kind(of: report) {
                case .success(.report):
                    outcome.reports.append(reader.read(report, line: line))
                case .success(.incremental):
                    outcome.problems.append(reader.problem(line, "\(label) entry \(k + 1)", "an incremental delivery inside an incremental delivery is not read; send its reports directly",
                                                           reason: "not a delivery report"))
                case .failure(let reason):
                    outcome.problems.append(reader.problem(line, "\(label) entry \(k + 1)", "not a KL Gateway delivery report: \(reason.text); every entry of an incremental delivery is one",
                                                           reason: "not a delivery report"))
                }
            }
        }
        return outcome
    }
}
