import FSIIIBytes

/// The systems, profiles and codes of KL Gateway care delivery reports that
/// the import reads (reference/klgateway/IMPORT-CONTRACT.md). One place, so
/// a change in the implementation guide is one edit.
package enum KLGateway {
    /// FSIII codes: conditions, levels, interventions, follow-up results.
    package static let fsiiiSystem = "urn:oid:1.2.208.176.2.21"
    /// CPR numbers (Patient.identifier).
    package static let cprSystem = "urn:oid:1.2.208.176.1.2"
    /// SOR, the Danish health-care organisation register: a managing organisation's identifier.
    static let sorSystem = "urn:oid:1.2.208.176.1.1"
    /// Level-3 local interventions: the municipality's own service names.
    package static let localInterventionSystem = "http://fhir.kl.dk/gateway/CodeSystem/LocallyDefinedInterventions"
    package static let careSocialCodes = "http://fhir.kl.dk/term/CodeSystem/CareSocialCodes"

    package static let profilePrefix = "http://fhir.kl.dk/gateway/StructureDefinition/"
    package static let deliveryReportProfile = "klgateway-care-delivery-report"
    static let incrementalDeliveryProfile = "klgateway-care-incremental-delivery"
    package static let followUpObservationProfile = "klgateway-care-follow-up-observation"
    package static let basedOnInterventionExtension = profilePrefix + "BasedOnInterventionExtension"

    /// Encounter type "udførelse af planlagt indsats": delivered minutes.
    package static let deliveryEncounterType = "784275f1-6822-4a88-b361-d958007d5253"
    /// Encounter type "opfølgning".
    static let followUpEncounterType = "9f03dfbb-7a97-45a5-94db-d4c3501714a9"
    /// Condition category "problem-list-item": the condition is in focus.
    package static let inFocusCategory = "problem-list-item"
    package static let enteredInError = "entered-in-error"

    /// The last path segment of a profile URL without a `|version`
    /// (`…/klgateway-care-encounter|2.0` → `klgateway-care-encounter`).
    static func profileName(_ url: String) -> Substring {
        let utf8 = url.utf8
        let end = utf8.firstIndex(of: UInt8(ascii: "|")) ?? utf8.endIndex
        let start = utf8[..<end].lastIndex(of: UInt8(ascii: "/")).map(utf8.index(after:)) ?? utf8.startIndex
        return Substring(utf8[start..<end])
    }
}

/// Read-only paths into FHIR JSON that never trap (a missing member is nil).
extension JSONValue {
    /// `coding` of a CodeableConcept.
    var codings: [JSONValue] { self["coding"]?.array ?? [] }

    /// The code of the first coding in `system`, else of the first coding.
    func code(preferring system: String) -> String? {
        let all = codings
        return (all.first { $0["system"]?.string == system } ?? all.first)?["code"]?.string
    }

    /// The first coding's code.
    var firstCode: String? { codings.first?["code"]?.string }

    /// The string of `meta.profile[0]`, nil when absent.
    var firstProfile: String? { self["meta"]?["profile"]?[0]?.string }

    /// The `valueReference.reference` strings of the extensions with `url`.
    func extensionReferences(_ url: String) -> [String] {
        (self["extension"]?.array ?? []).compactMap { $0["url"]?.string == url ? $0["valueReference"]?["reference"]?.string : nil }
    }

    /// `reference` strings of an array of References.
    static func references(_ value: JSONValue?) -> [String] {
        (value?.array ?? []).compactMap { $0["reference"]?.string }
    }

    /// Calls `body` with every `reference` string anywhere inside this value.
    func forEachReference(_ body: (String) -> Void) {
        switch self {
        case .object(let object):
            for member in object.members {
                if member.key == "reference", let text = member.value.string { body(text) } else { member.value.forEachReference(body) }
            }
        case .array(let elements):
            for element in elements { element.forEachReference(body) }
        default:
            break
        }
    }
}
