/// A team of an import: the index of its name in the import's team names
/// (the `team` column of SPEC §3, or a KL Gateway report's managing
/// organisation). Shown with `EffectReport.name(of:)`. `unknown` is the
/// `(ukendt)` group of courses without a team (SPEC §5).
public struct TeamID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The index into the import's team names (0: none given).
    package let index: UInt32

    package init(_ index: UInt32) { self.index = index }

    /// No team: neither the course nor the citizen's assessments named one.
    public static let unknown = TeamID(0)

    /// Order of first appearance in the import (not by name).
    public static func < (a: TeamID, b: TeamID) -> Bool { a.index < b.index }

    /// `team #3`: the index, never the name (names need the report).
    public var description: String { "team #\(index)" }
}

/// A municipality of an import: the index of its name in the import's
/// municipality names (the `municipality` column of SPEC §3). Shown with
/// `EffectReport.name(of:)`; `unknown` when no municipality was given.
public struct MunicipalityID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The index into the import's municipality names (0: none given).
    package let index: UInt32

    package init(_ index: UInt32) { self.index = index }

    /// No municipality given for the course or the citizen's assessments.
    public static let unknown = MunicipalityID(0)

    /// Order of first appearance in the import (not by name).
    public static func < (a: MunicipalityID, b: MunicipalityID) -> Bool { a.index < b.index }

    /// `municipality #3`: the index, never the name.
    public var description: String { "municipality #\(index)" }
}
