/// Index of a home-care functional condition in a `Terminology` (0 ..< conditions.count).
///
/// Integer-coded so that the engine groups and sorts assessments without strings.
package struct ConditionCode: Sendable, Hashable, Comparable, CustomStringConvertible {
    package var rawValue: UInt8
    package init(_ rawValue: UInt8) { self.rawValue = rawValue }
    package init(_ index: Int) { self.rawValue = UInt8(truncatingIfNeeded: index) }
    package var index: Int { Int(rawValue) }
    package static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    package var description: String { "condition #\(rawValue)" }
}

/// A functioning level (funktionsniveau): 0 no limitation … 4 total limitation,
/// or 9 not relevant (SPEC §1). Lower is better.
package struct Level: Sendable, Hashable, CustomStringConvertible {
    package var rawValue: UInt8
    /// Creates a level from its number; only 0…4 and 9 are levels.
    package init?(rawValue: UInt8) {
        guard rawValue <= 4 || rawValue == 9 else { return nil }
        self.rawValue = rawValue
    }
    init(_ value: UInt8) { self.rawValue = value }
    /// 9, "Ikke relevant": a pair with this level is never compared (SPEC §5).
    package static let notRelevant = Level(9)
    package static let none = Level(0)
    package var isNotRelevant: Bool { rawValue == 9 }
    package var description: String { String(rawValue) }
}

/// One of the five areas of "Kommunale pleje- og omsorgstilstande".
package struct ConditionArea: Sendable, Hashable {
    package var display: String
    package var uuid: String
    package var legacyKey: String
}

/// A home-care functional condition (funktionsevnetilstand) of FSIII.
package struct ConditionConcept: Sendable, Hashable {
    package var code: ConditionCode
    /// The FSIII UUID code of the new model.
    package var uuid: String
    /// `J1.1` style key of the old model, when the concept has one.
    package var legacyKey: String?
    /// The code in the legacy tree: the J key, or a slug such as `Personlig_pleje`.
    package var legacyTreeCode: String
    /// The Danish display name, e.g. "Vaske sig".
    package var display: String
    /// Index into `Terminology.areas`.
    package var area: Int
    /// Member of the simplified model (derived, see the reference table's notes).
    package var simplifiedModel: Bool
}

/// A value of the scale "Funktionsevne skalering".
package struct LevelConcept: Sendable, Hashable {
    package var level: Level
    package var uuid: String
    /// `B1` … `B6`; off by one from the level (B1 = 0 … B5 = 4, B6 = 9).
    package var legacyKey: String
    /// The Danish label SPEC §2 accepts, e.g. "Moderate begrænsninger".
    package var label: String
    package var definition: String
}

/// A § 83a concept: the legal basis "SEL § 83A", one of its two groups, or an
/// RH intervention. A planned intervention with any of these codes forms a
/// rehabilitation course (SPEC §5, §9).
package struct RehabilitationConcept: Sendable, Hashable {
    package var uuid: String
    package var legacyKey: String?
    package var display: String
    package var isGroup: Bool
}
