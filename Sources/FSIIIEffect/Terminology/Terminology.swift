/// The FSIII terminology the tool resolves codes against: the home-care
/// functional conditions, the functioning-level scale, the § 83a
/// interventions and the nursing conditions (counted, never compared).
///
/// `Terminology.builtIn` is taken from KL's FSIII tables; `CodeSystemLoader`
/// reads a newer FHIR CodeSystem so users can follow KL's updates without a
/// new release (`--terminology FILE`).
public struct Terminology: Sendable {
    /// The release of the tables (`CodeSystem.version` when loaded from a file).
    public let version: String
    package let areas: [ConditionArea]
    package let conditions: [ConditionConcept]
    package let levels: [LevelConcept]
    package let rehabilitation: [RehabilitationConcept]
    /// UUID and legacy codes of "Kommunale sygeplejetilstande" and its descendants.
    package let nursingCodes: Set<String>
    private let conditionTokens: [String: ConditionCode]
    private let conditionCodes: [String: ConditionCode]
    private let levelTokens: [String: Level]
    private let rehabilitationCodes: Set<String>
    /// Normalised display names, for the "did you mean" of unknown
    /// conditions: each character as a small integer (`characterCodes`), so
    /// the edit distance compares integers, not graphemes.
    private let normalizedDisplays: [[Int32]]
    private let characterCodes: [Character: Int32]

    /// Builds the lookup tables; `conditions[i].code` must be `i`.
    package init(version: String, areas: [ConditionArea], conditions: [ConditionConcept], levels: [LevelConcept],
                rehabilitation: [RehabilitationConcept], nursingCodes: Set<String>) {
        self.version = version
        self.areas = areas
        self.conditions = conditions
        self.levels = levels
        self.rehabilitation = rehabilitation
        self.nursingCodes = nursingCodes
        // SPEC §2 order: UUID, then legacy key, then display name. Later
        // inserts win, so insert in reverse priority.
        var tokens: [String: ConditionCode] = [:]
        var codes: [String: ConditionCode] = [:]
        for c in conditions { tokens[Terminology.normalize(c.display)] = c.code }
        for c in conditions {
            tokens[Terminology.normalize(c.legacyTreeCode)] = c.code
            codes[c.legacyTreeCode] = c.code
            if let key = c.legacyKey {
                tokens[Terminology.normalize(key)] = c.code
                codes[key] = c.code
            }
        }
        for c in conditions {
            tokens[Terminology.normalize(c.uuid)] = c.code
            codes[c.uuid] = c.code
        }
        conditionTokens = tokens
        conditionCodes = codes
        var levelTokens: [String: Level] = [:]
        for l in levels {
            for token in [l.label, l.definition, l.legacyKey, l.uuid, String(l.level.rawValue)] where !token.isEmpty {
                levelTokens[Terminology.normalize(token)] = l.level
            }
            // "Ingen/ubetydelige begrænsninger." is the definition; accept it without the full stop.
            if l.definition.hasSuffix(".") { levelTokens[Terminology.normalize(String(l.definition.dropLast()))] = l.level }
        }
        self.levelTokens = levelTokens
        var rehab = Set<String>()
        for r in rehabilitation {
            rehab.insert(r.uuid)
            if let key = r.legacyKey { rehab.insert(key) }
        }
        rehabilitationCodes = rehab
        var characters: [Character: Int32] = [:]
        normalizedDisplays = conditions.map { c in
            Terminology.normalize(c.display).map { ch in
                if let code = characters[ch] { return code }
                characters[ch] = Int32(characters.count)
                return Int32(characters.count - 1)
            }
        }
        characterCodes = characters
    }

    /// The tables of KL's FSIII release the package was built with.
    public static let builtIn = Terminology(
        version: builtInVersion, areas: builtInAreas, conditions: builtInConditions, levels: builtInLevels,
        rehabilitation: builtInRehabilitation, nursingCodes: Set(builtInNursingCodes))

    package subscript(code: ConditionCode) -> ConditionConcept { conditions[code.index] }

    /// A condition cell (SPEC §2): FSIII UUID, legacy key (`J1.1`,
    /// `Personlig_pleje`) or display name, ignoring case, surrounding and
    /// repeated white space and `-` versus `–`.
    package func condition(forToken token: String) -> ConditionCode? {
        conditionTokens[Terminology.normalize(token)]
    }

    /// A coded condition (FHIR `code.coding.code`): exact UUID or legacy key.
    package func condition(forCode code: String) -> ConditionCode? { conditionCodes[code] }

    /// A level cell (SPEC §2): `0`–`4`, `9`, `B1`–`B6`, a scale UUID or a Danish label.
    package func level(forToken token: String) -> Level? { levelTokens[Terminology.normalize(token)] }

    /// Whether a planned intervention code is § 83a rehabilitation (SPEC §9).
    package func isRehabilitation(code: String) -> Bool { rehabilitationCodes.contains(code) }

    /// Whether a condition code is a nursing condition (helbredstilstand).
    package func isNursing(code: String) -> Bool { nursingCodes.contains(code) }

    /// The display name closest to an unknown condition cell, for the
    /// "did you mean" of a rejected row; nil when nothing is close.
    package func nearestConditionName(to token: String) -> String? {
        let normalized = Terminology.normalize(token)
        // No name is within the distance allowed below of a token more than
        // half as long again as the longest name (the distance is at least
        // the difference in length): such a token — a cell of 64 KiB, say —
        // costs no edit distance, which grows with the product of lengths.
        let longest = normalizedDisplays.lazy.map(\.count).max() ?? 0
        guard normalized.utf8.count <= 4 * (2 * longest + 3) else { return nil }
        // A character no name has equals nothing in them: -1.
        let t = normalized.map { characterCodes[$0] ?? -1 }
        guard !t.isEmpty, t.count <= max(longest + 2, longest * 3 / 2 + 1) else { return nil }
        var best: (distance: Int, name: String)?
        for (c, name) in zip(conditions, normalizedDisplays) {
            let d = Terminology.editDistance(t, name)
            if d < (best?.distance ?? Int.max) { best = (d, c.display) }
        }
        guard let found = best, found.distance <= max(2, t.count / 3), found.distance < t.count else { return nil }
        return found.name
    }

    /// Every accepted token of the conditions and levels, as `fsiii codes
    /// --tokens` prints them for other tools (normalised with `normalize`).
    package var tokenTable: [(kind: String, token: String, value: String)] {
        var rows: [(String, String, String)] = []
        for c in conditions {
            var seen = Set<String>()
            for token in [c.uuid, c.legacyKey ?? "", c.legacyTreeCode, c.display] where !token.isEmpty {
                if seen.insert(token).inserted { rows.append(("condition", token, c.uuid)) }
            }
        }
        for l in levels {
            var seen = Set<String>()
            var tokens = [String(l.level.rawValue), l.legacyKey, l.uuid, l.label, l.definition]
            if l.definition.hasSuffix(".") { tokens.append(String(l.definition.dropLast())) }
            for token in tokens where !token.isEmpty && seen.insert(token).inserted {
                rows.append(("level", token, String(l.level.rawValue)))
            }
        }
        return rows
    }

    /// SPEC §2 normalisation: trimmed, lowercased, inner runs of white space
    /// as one space, en and em dashes as `-`.
    package static func normalize(_ token: String) -> String {
        var out = ""
        out.reserveCapacity(token.utf8.count)
        var pendingSpace = false
        for ch in token.lowercased().unicodeScalars {
            if ch.properties.isWhitespace || ch == "\u{00A0}" {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            if ch == "\u{2013}" || ch == "\u{2014}" { out.append("-") } else { out.unicodeScalars.append(ch) }
        }
        return out
    }

    /// Levenshtein distance over characters (or their codes).
    static func editDistance<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
