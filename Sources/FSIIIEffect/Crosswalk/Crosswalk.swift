/// A mapping from the legacy FSIII home-care conditions (the J tree,
/// J1.1–J5.1) to the simplified model's 13 conditions, so that a course
/// whose baseline was assessed on legacy conditions and whose follow-up on
/// simplified ones can be compared on one set of conditions (issue 20).
///
/// No published old → new mapping exists: the KL Gateway guide defers to
/// FK-klassifikation and the CodeSystem has no `replacedBy` properties. The
/// built-in crosswalk is therefore *derived* from the CodeSystem's
/// definitions (version 20240530), every row with its basis so a reader can
/// audit it, and every output that used it says so. `--crosswalk FILE`
/// replaces it (`CrosswalkLoader`).
///
/// Every legacy condition of the terminology (not a member of the
/// simplified model) has one row: its successor, or none ("no successor",
/// listed in `unmappedLegacy`). A legacy condition maps to at most one
/// simplified condition; several legacy conditions may map to the same one
/// and are then combined (`LevelCombination`). Conditions that keep their J
/// key in the simplified model (J2.1, J2.2, J2.4, J3.5, J4.2, J4.6) are the
/// same concept in both and map to themselves.
public struct Crosswalk: Sendable, Hashable {
    /// Why a legacy condition maps where it does.
    public enum Basis: String, Sendable, CaseIterable, Hashable {
        /// The simplified condition keeps the legacy J key: the same concept.
        case sameKey = "same key"
        /// The simplified condition's definition or examples name the legacy activity.
        case definitionContains = "definition contains"
        /// No definition names it; the closest simplified condition, by judgement.
        case judgement
        /// No simplified condition covers it (a body function, paid work).
        case noSuccessor = "no successor"
    }

    /// One legacy condition and its successor.
    public struct Row: Sendable, Hashable {
        /// The legacy condition's J key, e.g. `J1.1`.
        public let legacyKey: String
        /// Its display name, e.g. "Vaske sig".
        public let legacyName: String
        /// The simplified condition's display name; nil when there is no successor.
        public let simplifiedName: String?
        /// Why.
        public let basis: Basis
        package let legacy: ConditionCode
        package let simplified: ConditionCode?

        /// The successor's J key or tree code (`Personlig_pleje`) in `terminology`.
        package func simplifiedCode(in terminology: Terminology) -> String? {
            simplified.map { terminology.conditions[$0.index].legacyKey ?? terminology.conditions[$0.index].legacyTreeCode }
        }
    }

    /// `derived-20240530.1` for the built-in crosswalk (the CodeSystem
    /// version it was derived from, and its own revision), or the file's
    /// name and SHA-256 prefix for a crosswalk read with `--crosswalk`.
    public let version: String
    /// True for the built-in crosswalk: derived from definitions, not published.
    public let derived: Bool
    /// One row per legacy condition, in the terminology's order.
    public let rows: [Row]
    /// For each condition code: the simplified condition it becomes (itself
    /// for a simplified-model condition), nil when it has no successor.
    package let target: [ConditionCode?]

    package init(version: String, derived: Bool, rows: [Row], terminology: Terminology) {
        self.version = version
        self.derived = derived
        self.rows = rows
        var target: [ConditionCode?] = terminology.conditions.map { $0.simplifiedModel ? $0.code : nil }
        for r in rows { target[r.legacy.index] = r.simplified }
        self.target = target
    }

    /// The legacy conditions that map to nothing, by J key.
    public var unmappedLegacy: [String] { rows.filter { $0.simplified == nil }.map(\.legacyKey) }

    /// The simplified condition that `condition` becomes; nil when it has no successor.
    package func simplified(of condition: ConditionCode) -> ConditionCode? {
        condition.index < target.count ? target[condition.index] : nil
    }
}

/// How the levels of several legacy conditions that map to one simplified
/// condition in one assessment become one level (`--combine`).
///
/// - `max` (the default): the most limited part. A simplified condition
///   covers all its parts ("Personlig pleje" is washing *and* dressing
///   *and* the toilet), so its limitation is at least that of the worst one.
/// - `mean`: the mean of the parts' levels, rounded half up (2.5 → 3) —
///   for analysts who read the simplified level as an average burden.
///
/// Levels 9 ("Ikke relevant") are left out of either; when every part is
/// 9 the combined level is 9.
public enum LevelCombination: String, Sendable, CaseIterable, Hashable {
    case max
    case mean

    /// The combined level of `levels` (each 0–4 or 9); nil for no levels.
    public func combine(_ levels: [UInt8]) -> UInt8? {
        guard !levels.isEmpty else { return nil }
        var sum = 0, count = 0, top: UInt8 = 0
        for l in levels where l != 9 {
            sum += Int(l)
            count += 1
            top = Swift.max(top, l)
        }
        guard count > 0 else { return 9 }
        switch self {
        case .max: return top
        // Half up in integers: ⌊(2·sum + count) / (2·count)⌋ = ⌊mean + ½⌋.
        case .mean: return UInt8((2 * sum + count) / (2 * count))
        }
    }
}
