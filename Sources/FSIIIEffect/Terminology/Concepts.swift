/// Index of a home-care functional condition in a `Terminology` (0 ..< conditions.count).
///
/// Integer-coded so that the engine groups and sorts assessments without strings.
public struct ConditionCode: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var rawValue: UInt8
    public init(_ rawValue: UInt8) { self.rawValue = rawValue }
    public init(_ index: Int) { self.rawValue = UInt8(truncatingIfNeeded: index) }
    public var index: Int { Int(rawValue) }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    public var description: String { "condition #\(rawValue)" }
}

/// A functioning level (funktionsniveau): 0 no limitation … 4 total limitation,
/// or 9 not relevant (SPEC §1). Lower is better.
public struct Level: Sendable, Hashable, CustomStringConvertible {
    public var rawValue: UInt8
    /// Creates a level from its number; only 0…4 and 9 are levels.
    public init?(rawValue: UInt8) {
        guard rawValue <= 4 || rawValue == 9 else { return nil }
        self.rawValue = rawValue
    }
    init(_ value: UInt8) { self.rawValue = value }
    /// 9, "Ikke relevant": a pair with this level is never compared (SPEC §5).
    public static let notRelevant = Level(9)
    public static let none = Level(0)
    public var isNotRelevant: Bool { rawValue == 9 }
    public var description: String { String(rawValue) }
}

/// One of the five areas of "Kommunale pleje- og omsorgstilstande".
public struct ConditionArea: Sendable, Hashable {
    public var display: String
    public var uuid: String
    public var legacyKey: String
}

/// A home-care functional condition (funktionsevnetilstand) of FSIII.
public struct ConditionConcept: Sendable, Hashable {
    public var code: ConditionCode
    /// The FSIII UUID code of the new model.
    public var uuid: String
    /// `J1.1` style key of the old model, when the concept has one.
    public var legacyKey: String?
    /// The code in the legacy tree: the J key, or a slug such as `Personlig_pleje`.
    public var legacyTreeCode: String
    /// The Danish display name, e.g. "Vaske sig".
    public var display: String
    /// Index into `Terminology.areas`.
    public var area: Int
    /// Member of the simplified model (derived, see the reference table's notes).
    public var simplifiedModel: Bool
}

/// A value of the scale "Funktionsevne skalering".
public struct LevelConcept: Sendable, Hashable {
    public var level: Level
    public var uuid: String
    /// `B1` … `B6`; off by one from the level (B1 = 0 … B5 = 4, B6 = 9).
    public var legacyKey: String
    /// The Danish label SPEC §2 accepts, e.g. "Moderate begrænsninger".
    public var label: String
    public var definition: String
}

/// A § 83a concept: the legal basis "SEL § 83A", one of its two groups, or an
/// RH intervention. A planned intervention with any of these codes forms a
/// rehabilitation course (SPEC §5, §9).
public struct RehabilitationConcept: Sendable, Hashable {
    public var uuid: String
    public var legacyKey: String?
    public var display: String
    public var isGroup: Bool
}
