import FSIIIBytes

/// What courses are grouped by (`--by`, SPEC §7 and §12).
public enum Grouping: String, Sendable, CaseIterable {
    case team, municipality, month, area, condition
    /// The case-mix age bands at course start (SPEC §12): `< 67`, `67–79`,
    /// `80–89`, `≥ 90`, `unknown`.
    case ageBand = "age-band"
    /// Sex from the CPR number's last digit (odd male, even female), else `unknown`.
    case sex
    /// The case-mix band of the course's baseline mean level: `[0,1)` … `[3,4]`.
    case baselineLevel = "baseline-level"
    /// Home-care hours per week in the before-window of SPEC §8, banded
    /// `0`, `(0, 2]`, `(2, 5]`, `(5, 10]`, `> 10`; `unknown` without cost data.
    case baselineHours = "baseline-hours"

    /// Whether the unit is the compared condition pair rather than the
    /// course (`area`, `condition`): case mix and costs do not apply.
    public var groupsPairs: Bool { self == .area || self == .condition }

    /// Whether the groups are fixed bands of a citizen or course property
    /// (SPEC §12), shown in band order rather than sorted by name.
    public var isBanded: Bool { bandNames != nil }

    /// The subgroup bands in their natural order, with the names the
    /// outputs give them (SPEC §12); nil for the named groupings.
    public var bandNames: [String]? {
        switch self {
        case .ageBand: return ["< 67", "67–79", "80–89", "≥ 90", "unknown"]
        case .sex: return ["male", "female", "unknown"]
        case .baselineLevel: return ["[0,1)", "[1,2)", "[2,3)", "[3,4]", "unknown"]
        case .baselineHours: return ["0", "(0, 2]", "(2, 5]", "(5, 10]", "> 10", "unknown"]
        case .team, .municipality, .month, .area, .condition: return nil
        }
    }

    /// The name of a grouping in JSON keys and `--by`: its raw value with
    /// `_` for `-` (`age_band`).
    public var key: String { rawValue.replacingOccurrences(of: "-", with: "_") }
}

/// `--by`: one grouping, or two (`--by team,age-band`) for a table with
/// one row per combination (issue 19). Both parts of a two-way grouping
/// group courses, not condition pairs, and differ.
public struct GroupingSpec: Sendable, Hashable, CustomStringConvertible {
    /// The first (or only) grouping.
    public var primary: Grouping
    /// The second grouping of a two-way table; nil for one-way.
    public var secondary: Grouping?

    public init(_ primary: Grouping, _ secondary: Grouping? = nil) {
        self.primary = primary
        self.secondary = secondary
    }

    /// Parses `team`, `age-band`, `team,age-band` (case-insensitive, spaces
    /// around the comma allowed). Throws a message naming what is wrong.
    public init(parsing text: String) throws(GroupingSpecError) {
        let parts = text.lowercased().split(separator: ",", omittingEmptySubsequences: false)
            .map { String($0.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed()) }
        guard (1...2).contains(parts.count) else { throw .tooMany(parts.count) }
        var found: [Grouping] = []
        for p in parts {
            guard let g = Grouping(rawValue: p) else { throw .unknown(p) }
            found.append(g)
        }
        if found.count == 2 {
            guard found[0] != found[1] else { throw .repeated(found[0]) }
            if let pairs = found.first(where: \.groupsPairs) { throw .pairsInTwoWay(pairs) }
        }
        self.init(found[0], found.count == 2 ? found[1] : nil)
    }

    /// The groupings in order (one or two).
    public var parts: [Grouping] { secondary.map { [primary, $0] } ?? [primary] }

    /// `team` or `team,age-band`, as `--by` takes it and the JSON `by` shows it.
    public var description: String { parts.map(\.rawValue).joined(separator: ",") }

    /// The separator of the two parts of a two-way group's name.
    public static let nameSeparator = " × "
}

/// Why a `--by` value is not a grouping.
public enum GroupingSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknown(String)
    case tooMany(Int)
    case repeated(Grouping)
    case pairsInTwoWay(Grouping)

    public var description: String {
        let all = Grouping.allCases.map(\.rawValue).joined(separator: ", ")
        switch self {
        case .unknown(let s): return "must be one of \(all), or two course groupings joined by a comma (team,age-band), not \"\(ControlEscaping.escaped(s))\""
        case .tooMany(let n): return "has \(n) groupings; --by takes one, or two separated by a comma (team,age-band)"
        case .repeated(let g): return "names \(g.rawValue) twice; a two-way table needs two different groupings"
        case .pairsInTwoWay(let g): return "\(g.rawValue) groups condition pairs and cannot be half of a two-way table; combine course groupings (team, municipality, month, age-band, sex, baseline-level, baseline-hours)"
        }
    }
}
