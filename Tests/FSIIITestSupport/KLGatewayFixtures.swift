import Foundation
import FSIIIEffect
import FSIIIBytes

/// Small hand-written KL Gateway reports for the update and error rules,
/// built as JSON values so each test states only what it is about.
package enum KLFixture {
    /// A synthetic CPR number (no real person's).
    package static let cpr = "0203451234"
    package static let terminology = Terminology.builtIn

    package static func profile(_ name: String) -> JSONValue {
        ["profile": [.string("http://fhir.kl.dk/gateway/StructureDefinition/" + name)]]
    }

    package static func fsiii(_ code: String) -> JSONValue {
        ["coding": [["system": "urn:oid:1.2.208.176.2.21", "code": .string(code)]]]
    }

    package static func reference(_ text: String) -> JSONValue { ["reference": .string(text)] }

    package static func levelUUID(_ level: Int) -> String {
        terminology.levels.first { Int($0.level.rawValue) == level }?.uuid ?? "?"
    }

    package static func patient(id: String = "P1", cpr: String? = KLFixture.cpr, team: String = "Hold Nord", active: Bool? = nil) -> JSONValue {
        var o: JSONObject = ["resourceType": "Patient", "id": .string(id)]
        if let cpr { o.append(key: "identifier", value: [["use": "official", "system": "urn:oid:1.2.208.176.1.2", "value": .string(cpr)]]) }
        o.append(key: "managingOrganization", value: ["identifier": ["system": "urn:oid:1.2.208.176.1.1", "value": "123"], "display": .string(team)])
        if let active { o.append(key: "active", value: .bool(active)) }
        return .object(o)
    }

    /// A home-care condition ("Vaske sig" unless `code` says otherwise).
    package static func condition(id: String = "C1", code: String = "J1.1", level: Int? = 3, recorded: String = "2024-01-10",
                          clinical: String = "active", inFocus: Bool = true, enteredInError: Bool = false,
                          lastUpdated: String? = nil, patient: String = "P1") -> JSONValue {
        var o: JSONObject = ["resourceType": "Condition", "id": .string(id)]
        if let lastUpdated { o.append(key: "meta", value: ["lastUpdated": .string(lastUpdated)]) }
        o.append(key: "clinicalStatus", value: ["coding": [["code": .string(clinical)]]])
        if enteredInError { o.append(key: "verificationStatus", value: ["coding": [["code": "entered-in-error"]]]) }
        if inFocus { o.append(key: "category", value: [["coding": [["code": "problem-list-item"]]]]) }
        if let level { o.append(key: "severity", value: fsiii(levelUUID(level))) }
        o.append(key: "code", value: fsiii(code))
        o.append(key: "subject", value: reference("Patient/" + patient))
        o.append(key: "recordedDate", value: .string(recorded))
        return .object(o)
    }

    package static func goal(id: String = "G1", condition: String = "C1", target: Int, start: String = "2024-01-10",
                     status: String = "planned") -> JSONValue {
        ["resourceType": "Goal", "id": .string(id), "lifecycleStatus": .string(status), "subject": reference("Patient/P1"),
         "startDate": .string(start), "target": [["detailCodeableConcept": fsiii(levelUUID(target))]],
         "addresses": [reference("Condition/" + condition)]]
    }

    /// A planned intervention; "H2.4" (RH Mobilitet) is § 83a.
    package static func carePlan(id: String = "CP1", code: String = "H2.4", status: String = "active", start: String = "2024-01-15",
                         end: String? = nil, service: String? = nil) -> JSONValue {
        var period: JSONObject = ["start": .string(start)]
        if let end { period.append(key: "end", value: .string(end)) }
        var codings: [JSONValue] = [["system": "urn:oid:1.2.208.176.2.21", "code": .string(code)]]
        if let service {
            codings.append(["system": "http://fhir.kl.dk/gateway/CodeSystem/LocallyDefinedInterventions", "code": .string(service), "display": .string(service)])
        }
        return ["resourceType": "CarePlan", "id": .string(id), "status": .string(status), "intent": "plan",
                "subject": reference("Patient/P1"), "period": .object(period),
                "activity": [["detail": ["code": ["coding": .array(codings)], "status": "in-progress"]]]]
    }

    /// A finished delivery of the planned interventions `carePlans`.
    package static func delivery(id: String = "E1", carePlans: [String] = ["CP1"], start: String = "2024-01-16T08:00:00Z",
                         end: String? = "2024-01-16T08:30:00Z", status: String = "finished") -> JSONValue {
        var period: JSONObject = ["start": .string(start)]
        if let end { period.append(key: "end", value: .string(end)) }
        let extensions: [JSONValue] = carePlans.map {
            ["url": "http://fhir.kl.dk/gateway/StructureDefinition/BasedOnInterventionExtension", "valueReference": reference("CarePlan/" + $0)]
        }
        return ["resourceType": "Encounter", "id": .string(id), "meta": profile("klgateway-care-general-encounter"),
                "extension": .array(extensions), "status": .string(status),
                "type": [["coding": [["code": "784275f1-6822-4a88-b361-d958007d5253"]]]],
                "subject": reference("Patient/P1"), "period": .object(period)]
    }

    package static func followUp(id: String = "O1", conditions: [String] = ["C1"], date: String, result: String = "E1",
                         status: String = "final") -> JSONValue {
        ["resourceType": "Observation", "id": .string(id), "meta": profile("klgateway-care-follow-up-observation"),
         "status": .string(status), "subject": reference("Patient/P1"), "focus": .array(conditions.map { reference("Condition/" + $0) }),
         "effectiveDateTime": .string(date), "valueCodeableConcept": fsiii(result)]
    }

    /// A delivery report: the resources, each with a `fullUrl`.
    package static func report(id: String = UUID().uuidString, timestamp: String, _ resources: [JSONValue]) -> JSONValue {
        let entries = resources.map { r -> JSONValue in
            ["fullUrl": .string("https://test.fhir.dk/\(r["resourceType"]?.string ?? "")/\(r["id"]?.string ?? "")"), "resource": r]
        }
        return ["resourceType": "Bundle", "id": .string(id), "meta": profile("klgateway-care-delivery-report"),
                "type": "collection", "timestamp": .string(timestamp), "entry": .array(entries)]
    }

    package static func incremental(_ reports: [JSONValue]) -> JSONValue {
        ["resourceType": "Bundle", "id": "delivery", "meta": profile("klgateway-care-incremental-delivery"), "type": "collection",
         "timestamp": "2024-12-31T00:00:00Z", "entry": .array(reports.map { ["resource": $0] })]
    }

    package static func ndjson(_ reports: [JSONValue]) -> String {
        reports.map { JSONWriter(pretty: false).write($0) }.joined(separator: "\n") + "\n"
    }

    /// Imports in-memory files (`name` decides `.json` or `.ndjson`), CSV
    /// files by their name.
    package static func load(_ files: [(name: String, text: String)], hourlyRate: Double? = 400) -> Dataset {
        let sources = files.map { file in
            InputSource(path: file.name, kind: InputDiscovery.kind(ofFileNamed: file.name) ?? .fhir, bytes: FileBytes(utf8: Array(file.text.utf8)))
        }
        return DatasetLoader.load(sources, options: ImportOptions(hourlyRate: hourlyRate))
    }

    /// One report per line of one NDJSON file.
    package static func load(_ reports: [JSONValue], hourlyRate: Double? = 400) -> Dataset {
        load([(name: "reports.ndjson", text: ndjson(reports))], hourlyRate: hourlyRate)
    }
}

/// An assessment as a test reads it.
package struct Assessed: Hashable, CustomStringConvertible {
    package var condition: String
    package var day: String
    package var level: Int
    package var goal: Int?

    package init(_ condition: String, _ day: String, _ level: Int, goal: Int? = nil) {
        self.condition = condition
        self.day = day
        self.level = level
        self.goal = goal
    }

    package var description: String { "\(condition) \(day) \(level)" + (goal.map { " goal \($0)" } ?? "") }
}

extension Dataset {
    /// The accepted assessments of a citizen, by condition and day.
    package func assessed(_ cpr: String) -> [Assessed] {
        guard let c = citizens.find(rawID: cpr) else { return [] }
        return assessments.rows(ofCitizen: c).map { r in
            Assessed(terminology[ConditionCode(assessments.condition[r])].display, Day(rawValue: assessments.day[r]).iso,
                     Int(assessments.level[r]), goal: assessments.goal(at: r).map(Int.init))
        }
    }

    /// Courses as (start, end) ISO dates, "" for an open end.
    package var courseSpans: [String] {
        courses.map { "\($0.start.iso)..\($0.end?.iso ?? "")" }
    }

    /// The rejected problems' messages.
    package var rejections: [String] { report.rejected.map(\.description) }
}
