import FSIIIEffect
import FSIIIBytes

/// The FHIR resources of the sample KL Gateway reports, shaped like the
/// examples of KL's implementation guide (reference/klgateway): the codes,
/// profiles and extensions the import reads (IMPORT-CONTRACT.md), nothing
/// more.
enum SampleFHIRResources {
    static let base = "https://test.fhir.dk/"
    static let sorSystem = "urn:oid:1.2.208.176.1.1"

    static func profile(_ name: String) -> JSONValue {
        ["profile": [.string(KLGateway.profilePrefix + name)]]
    }

    static func fsiii(_ code: String, _ display: String? = nil) -> JSONValue {
        var o = JSONObject()
        o.append(key: "system", value: .string(KLGateway.fsiiiSystem))
        o.append(key: "code", value: .string(code))
        if let display { o.append(key: "display", value: .string(display)) }
        return .object(o)
    }

    static func reference(_ typeAndID: String) -> JSONValue { ["reference": .string(typeAndID)] }

    /// A delivery report: a collection Bundle whose first entry is the Patient.
    static func bundle(id: String, timestamp: String, resources: [JSONValue]) -> JSONValue {
        let entries = resources.map { r -> JSONValue in
            let path = (r["resourceType"]?.string ?? "") + "/" + (r["id"]?.string ?? "")
            return ["fullUrl": .string(base + path), "resource": r]
        }
        return ["resourceType": "Bundle", "id": .string(id), "meta": profile(KLGateway.deliveryReportProfile), "type": "collection",
                "timestamp": .string(timestamp), "entry": .array(entries)]
    }

    /// The citizen: CPR number (ten digits, no hyphen) and the team as the
    /// managing organisation (a SOR code with the team's name as display).
    static func patient(id: String, cpr: String, sor: String, team: String) -> JSONValue {
        ["resourceType": "Patient", "id": .string(id), "meta": profile("klgateway-care-citizen"),
         "identifier": [["use": "official", "system": .string(KLGateway.cprSystem), "value": .string(cpr)]],
         "managingOrganization": ["identifier": ["use": "official", "system": .string(sorSystem), "value": .string(sor)],
                                  "display": .string(team)]]
    }

    /// A home-care condition at `level` (`resolved`: clinical status resolved, level 0).
    static func condition(id: String, patient: String, concept: ConditionConcept, level: LevelConcept, resolved: Bool,
                          recorded: Day, enteredInError: Bool = false) -> JSONValue {
        var o = JSONObject()
        o.append(key: "resourceType", value: "Condition")
        o.append(key: "id", value: .string(id))
        o.append(key: "meta", value: profile("klgateway-care-condition"))
        o.append(key: "clinicalStatus", value: ["coding": [["system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
                                                             "code": resolved ? "resolved" : "active"]]])
        if enteredInError {
            o.append(key: "verificationStatus", value: ["coding": [["system": "http://terminology.hl7.org/CodeSystem/condition-ver-status",
                                                                     "code": .string(KLGateway.enteredInError)]]])
        }
        o.append(key: "category", value: [["coding": [["system": "http://terminology.hl7.org/CodeSystem/condition-category",
                                                       "code": .string(KLGateway.inFocusCategory)]]]])
        o.append(key: "severity", value: ["coding": [fsiii(level.uuid, String(level.level.rawValue))]])
        o.append(key: "code", value: ["coding": [fsiii(concept.uuid, concept.display)]])
        o.append(key: "subject", value: reference("Patient/" + patient))
        o.append(key: "recordedDate", value: .string(recorded.iso))
        return .object(o)
    }

    /// The expected level of a condition, set on `start`.
    static func goal(id: String, patient: String, condition: String, target: LevelConcept, start: Day) -> JSONValue {
        ["resourceType": "Goal", "id": .string(id), "meta": profile("klgateway-care-goal"), "lifecycleStatus": "planned",
         "category": [["coding": [["system": .string(KLGateway.careSocialCodes), "code": "ca552020-6ed1-4cdc-b0d4-32697f1f27ad",
                                   "display": "FSIII tilstandsmål"]]]],
         "description": ["coding": [fsiii("e182c5dc-9f91-474a-92e8-f62be3d498f4", "Tilstand forsvinder, mindskes eller forbliver uændret")]],
         "subject": reference("Patient/" + patient), "startDate": .string(start.iso),
         "target": [["measure": ["coding": [["system": .string(KLGateway.careSocialCodes), "code": "66959f77-6e2a-4574-8423-3ff097f8b9fa",
                                             "display": "funktionsevneniveau"]]],
                     "detailCodeableConcept": ["coding": [fsiii(target.uuid, String(target.level.rawValue))]]]],
         "addresses": [reference("Condition/" + condition)]]
    }

    /// A planned intervention: FSIII level-2 code plus the municipality's
    /// level-3 service name (the name the rates use); `end` once completed.
    static func carePlan(id: String, patient: String, code: String, display: String, service: String, start: Day, end: Day?) -> JSONValue {
        var period: JSONObject = ["start": .string(start.iso)]
        if let end { period.append(key: "end", value: .string(end.iso)) }
        return ["resourceType": "CarePlan", "id": .string(id), "meta": profile("klgateway-care-planned-intervention"),
                "status": end == nil ? "active" : "completed", "intent": "plan", "subject": reference("Patient/" + patient),
                "period": .object(period),
                "activity": [["detail": ["code": ["coding": [fsiii(code, display),
                                                             ["system": .string(KLGateway.localInterventionSystem),
                                                              "code": .string(service), "display": .string(service)]]],
                                         "status": end == nil ? "in-progress" : "completed"]]]]
    }

    /// A finished visit delivering a planned intervention, `start` to `end`.
    static func delivery(id: String, patient: String, carePlan: String, start: String, end: String) -> JSONValue {
        ["resourceType": "Encounter", "id": .string(id), "meta": profile("klgateway-care-general-encounter"),
         "extension": [["url": .string(KLGateway.basedOnInterventionExtension), "valueReference": reference("CarePlan/" + carePlan)]],
         "status": "finished", "class": ["system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "HH"],
         "type": [["coding": [["system": .string(KLGateway.careSocialCodes), "code": .string(KLGateway.deliveryEncounterType),
                               "display": "udførelse af planlagt indsats"]]]],
         "subject": reference("Patient/" + patient), "period": ["start": .string(start), "end": .string(end)]]
    }

    /// A follow-up of one condition on `day`: "Fortsættes".
    static func followUp(id: String, patient: String, condition: String, day: Day) -> JSONValue {
        ["resourceType": "Observation", "id": .string(id), "meta": profile(KLGateway.followUpObservationProfile), "status": "final",
         "code": ["coding": [["system": "http://snomed.info/sct", "code": "712744002"]]], "subject": reference("Patient/" + patient),
         "focus": [reference("Condition/" + condition)], "effectiveDateTime": .string(day.iso),
         "valueCodeableConcept": ["coding": [fsiii("9c90b0e5-9c0a-4b72-a18c-76cd6d6c6213", "Fortsættes")]]]
    }
}
