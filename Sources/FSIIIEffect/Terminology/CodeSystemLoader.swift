import Foundation
import FSIIIBytes

/// Reads the FSIII terminology from a FHIR R4 CodeSystem (the format KL
/// publishes, e.g. `CodeSystem-FSIII.json`), so users can follow KL's
/// updates without a new release (`--terminology FILE`).
///
/// The CodeSystem holds two trees: the UUID codes of the new model and the
/// legacy tree (`J`, `B`, `H`, `I` …). Concepts are matched between them
/// by display name within the same parent, as KL's tables do. The
/// simplified-model flag is derived: a condition without a `J1.1`-style key,
/// or whose definition follows the new template "Evnen til og behovet for
/// støtte …".
public enum CodeSystemLoader {
    static let homeCareRoot = "d49d6b0c-c067-4469-b92d-3842822c4971"
    static let scaleRoot = "2c02a704-deee-4878-9378-1167613b3da6"
    static let nursingRoot = "4db72d65-7ec1-45b4-89c3-5017c35d085e"
    static let interventionsRoot = "b07bbb6d-16b2-4cee-b5a5-771ca5beb67c"
    static let rehabLegalBasis = "5270beb2-5d61-46f0-acc3-d1ee2a750e53"
    static let rehabGroupPrefix = "§ 83a Rehabilitering"

    /// Reads and converts a CodeSystem file. Throws `TerminologyError` when
    /// the file cannot be read, is not JSON, or is not an FSIII CodeSystem
    /// (not a CodeSystem, a root concept missing, no or too many conditions).
    public static func load(path: String) throws(TerminologyError) -> Terminology {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw TerminologyError(message: "cannot read the file: \(error.localizedDescription)")
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse([UInt8](data))
        } catch {
            throw TerminologyError(message: "not valid JSON: \(error)")
        }
        return try terminology(from: value)
    }

    /// Converts a parsed CodeSystem.
    package static func terminology(from value: JSONValue) throws(TerminologyError) -> Terminology {
        guard value["resourceType"]?.string == "CodeSystem", let roots = value["concept"]?.array else {
            throw TerminologyError(message: "not a FHIR CodeSystem (expected \"resourceType\": \"CodeSystem\" with \"concept\")")
        }
        let version = value["version"]?.string ?? "unknown"
        let concepts = roots.map(Concept.init)
        func root(uuid: String, legacy: String) throws(TerminologyError) -> (Concept, Concept?) {
            guard let u = concepts.first(where: { $0.code == uuid }) else {
                throw TerminologyError(message: "the CodeSystem has no concept \(uuid); is it FSIII (urn:oid:1.2.208.176.2.21)?")
            }
            return (u, concepts.first { $0.code == legacy })
        }

        // Conditions: areas under "Kommunale pleje- og omsorgstilstande".
        let (homeCare, legacyHomeCare) = try root(uuid: homeCareRoot, legacy: "J")
        var areas: [ConditionArea] = []
        var conditions: [ConditionConcept] = []
        let areaOrder = ["Egenomsorg", "Praktiske opgaver", "Mobilitet", "Mentale funktioner", "Samfundsliv"]
        let sortedAreas = homeCare.children.sorted { (areaOrder.firstIndex(of: $0.display) ?? 99, $0.display) < (areaOrder.firstIndex(of: $1.display) ?? 99, $1.display) }
        for area in sortedAreas {
            let legacyArea = legacyHomeCare?.children.first { $0.display == area.display }
            areas.append(ConditionArea(display: area.display, uuid: area.code, legacyKey: legacyArea?.code ?? ""))
            for c in area.children {
                let legacy = legacyArea?.children.first { $0.display == c.display }?.code ?? c.code
                let key = legacy.range(of: #"^J\d+\.\d+$"#, options: .regularExpression) != nil ? legacy : nil
                let simplified = key == nil || c.definition.hasPrefix("Evnen til og behovet for støtte")
                conditions.append(ConditionConcept(code: ConditionCode(conditions.count), uuid: c.code, legacyKey: key, legacyTreeCode: legacy,
                                                   display: c.display, area: areas.count - 1, simplifiedModel: simplified))
            }
        }
        guard !conditions.isEmpty, conditions.count < 255 else {
            throw TerminologyError(message: "found \(conditions.count) home-care conditions under \(homeCareRoot); expected between 1 and 254")
        }

        // Levels: "Funktionsevne skalering", displays "0"…"4", "9".
        let (scale, legacyScale) = try root(uuid: scaleRoot, legacy: "B")
        var levels: [LevelConcept] = []
        for l in scale.children {
            guard let n = UInt8(l.display), let level = Level(rawValue: n) else { continue }
            let key = legacyScale?.children.first { $0.display == l.display }?.code ?? ""
            // The first paragraph ("Moderate begrænsninger.") is what cells may hold.
            let definition = l.definition.components(separatedBy: "\n").first ?? l.definition
            levels.append(LevelConcept(level: level, uuid: l.code, legacyKey: key, label: Terminology.levelLabels[Int(n)] ?? l.display, definition: definition))
        }
        levels.sort { ($0.level.rawValue) < ($1.level.rawValue) }
        guard levels.count == 6 else {
            throw TerminologyError(message: "the scale \(scaleRoot) has \(levels.count) levels; expected 0–4 and 9")
        }

        // § 83a: the legal basis and the two rehabilitation groups with their interventions.
        let (interventions, legacyInterventions) = try root(uuid: interventionsRoot, legacy: "H")
        var rehabilitation: [RehabilitationConcept] = []
        for g in interventions.children where g.code == rehabLegalBasis || g.display.hasPrefix(rehabGroupPrefix) {
            let legacyGroup = legacyInterventions?.children.first { $0.display == g.display }
            rehabilitation.append(RehabilitationConcept(uuid: g.code, legacyKey: legacyGroup?.code, display: g.display, isGroup: true))
            for i in g.children {
                let key = legacyGroup?.children.first { $0.display == i.display }?.code
                rehabilitation.append(RehabilitationConcept(uuid: i.code, legacyKey: key, display: i.display, isGroup: false))
            }
        }

        // Nursing conditions: every code under "Kommunale sygeplejetilstande" in both trees.
        let (nursing, legacyNursing) = try root(uuid: nursingRoot, legacy: "I")
        var nursingCodes: Set<String> = [nursing.code]
        if let l = legacyNursing { nursingCodes.insert(l.code) }
        for c in nursing.descendants + (legacyNursing?.descendants ?? []) { nursingCodes.insert(c.code) }

        return Terminology(version: version, areas: areas, conditions: conditions, levels: levels,
                           rehabilitation: rehabilitation, nursingCodes: nursingCodes)
    }

    /// A concept of the CodeSystem tree.
    struct Concept {
        var code: String
        var display: String
        var definition: String
        var children: [Concept]

        init(_ value: JSONValue) {
            code = value["code"]?.string ?? ""
            display = value["display"]?.string ?? ""
            definition = value["definition"]?.string ?? ""
            children = (value["concept"]?.array ?? []).map(Concept.init)
        }

        var descendants: [Concept] { children.flatMap { [$0] + $0.descendants } }
    }
}

/// A terminology file that cannot be used.
public struct TerminologyError: Error, CustomStringConvertible, Sendable {
    /// What is wrong with the file, in plain words.
    public package(set) var message: String
    /// The message and how to do without the file.
    public var description: String { message + " (use the built-in tables by leaving out --terminology)" }
}

extension Terminology {
    /// The Danish labels SPEC §2 accepts for each level.
    static let levelLabels: [Int: String] = [0: "Ingen begrænsninger", 1: "Lette begrænsninger", 2: "Moderate begrænsninger",
                                             3: "Svære begrænsninger", 4: "Totale begrænsninger", 9: "Ikke relevant"]
}
