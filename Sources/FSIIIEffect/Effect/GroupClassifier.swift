/// Which group a course falls in under `--by` (SPEC §7, §12): an integer
/// key to tell groups apart without strings, the typed `GroupKey`, the
/// name every output shows, and the order the groups are listed in.
///
/// Made once per run from what the groupings need — the team and
/// municipality names, each citizen's sex (only for `sex`), each course's
/// before-window hours band (only for `baseline-hours`) — and never the
/// dataset itself, so holding one does not keep the assessment rows alive.
package struct GroupClassifier: Sendable {
    package let spec: GroupingSpec
    private let teams: NameTable
    private let municipalities: NameTable
    /// Band of `sex` per citizen index (0 male, 1 female, 2 unknown); empty unless grouped by sex.
    private let sexOfCitizen: [UInt8]
    /// Band of `baseline-hours` per course index; empty unless grouped by it.
    private let hoursBandOfCourse: [UInt8]

    /// `results` are the evaluation's, indexed by `CourseResult.course`;
    /// `costs` the cost rows (nil without cost data: every course's hours
    /// band is then `unknown`); `horizonDays` is H of SPEC §8.
    package init(_ spec: GroupingSpec, dataset: borrowing Dataset, results: [CourseResult], horizonDays: Int) {
        self.spec = spec
        teams = dataset.teams
        municipalities = dataset.municipalities
        let parts = spec.parts
        sexOfCitizen = parts.contains(.sex) ? (0..<dataset.citizens.count).map { UInt8(Self.sexBand(dataset.citizens, $0)) } : []
        if parts.contains(.baselineHours) {
            let unknown = UInt8(Grouping.baselineHours.bandNames!.count - 1)
            var bands = [UInt8](repeating: unknown, count: results.count)
            if let costs = dataset.costs {
                for r in results where r.course < bands.count {
                    bands[r.course] = UInt8(Self.hoursBand(Self.hoursPerWeekBefore(r, costs: costs, horizonDays: horizonDays)))
                }
            }
            hoursBandOfCourse = bands
        } else {
            hoursBandOfCourse = []
        }
    }

    /// Home-care hours per week in the before-window `[start − H, start)`
    /// of SPEC §8: `hours before / (H / 7)`, summed in row order as the
    /// cost join sums them (so it equals `CourseCosts.hoursBefore / (H/7)`).
    static func hoursPerWeekBefore(_ r: CourseResult, costs: CostTable, horizonDays h: Int) -> Double {
        let start = r.start.rawValue
        let before = CostJoin.sum(costs, costs.rows(ofCitizen: Int(r.citizen)), from: Day.offset(start, back: h), to: start)
        return before.hours / (Double(h) / 7)
    }

    /// The `baseline-hours` band of SPEC §12: `0`, `(0, 2]`, `(2, 5]`,
    /// `(5, 10]`, `> 10`; a value that is not a number ≥ 0 is `unknown`.
    static func hoursBand(_ perWeek: Double) -> Int {
        guard perWeek >= 0 else { return 5 }
        return perWeek == 0 ? 0 : perWeek <= 2 ? 1 : perWeek <= 5 ? 2 : perWeek <= 10 ? 3 : 4
    }

    /// The `sex` band: 0 male (odd last digit), 1 female (even), 2 unknown
    /// when the id is not a CPR number (SPEC §12; same rule as the
    /// comparison's covariate, `CitizenRegistry.sexCode`).
    static func sexBand(_ citizens: CitizenRegistry, _ c: Int) -> Int {
        switch citizens.sexCode(c) {
        case 1: return 0
        case 0: return 1
        default: return 2
        }
    }

    /// The band (or id) of `r` under one grouping; -1 for an open course by month.
    @inline(__always)
    private func component(_ r: CourseResult, _ g: Grouping) -> Int {
        switch g {
        case .team: return Int(r.team)
        case .municipality: return Int(r.municipality)
        case .month:
            guard let end = r.end else { return -1 }
            let c = end.civil
            return c.year * 12 + c.month
        case .ageBand: return CaseMix.ageBand(r.age)
        case .sex: return Int(r.citizen) < sexOfCitizen.count ? Int(sexOfCitizen[Int(r.citizen)]) : 2
        case .baselineLevel: return r.n > 0 ? CaseMix.baselineBand(r) : 4
        case .baselineHours: return r.course < hoursBandOfCourse.count ? Int(hoursBandOfCourse[r.course]) : 5
        case .area, .condition: return -1
        }
    }

    /// Keys below this are dense (an array index) in `GroupSlots`.
    package var denseKeys: Int {
        guard spec.secondary == nil else { return 0 }
        switch spec.primary {
        case .team: return teams.count
        case .municipality: return municipalities.count
        default: return spec.primary.bandNames?.count ?? 0
        }
    }

    /// An integer that tells `r`'s group apart from every other group of the run.
    @inline(__always)
    package func key(_ r: CourseResult) -> Int {
        let a = component(r, spec.primary)
        guard let second = spec.secondary else { return a }
        return (a << 32) | Int(UInt32(truncatingIfNeeded: component(r, second)))
    }

    private func typedKey(_ r: CourseResult, _ g: Grouping) -> GroupKey {
        switch g {
        case .team: return .team(r.teamID)
        case .municipality: return .municipality(r.municipalityID)
        case .month:
            guard let c = r.end?.civil else { return .openCourses }
            return .month(year: c.year, month: c.month)
        case .ageBand, .sex, .baselineLevel, .baselineHours: return .band(g, index: component(r, g))
        case .area, .condition: return .total
        }
    }

    /// The typed key of `r`'s group.
    package func typedKey(_ r: CourseResult) -> GroupKey {
        guard let second = spec.secondary else { return typedKey(r, spec.primary) }
        return .combination(typedKey(r, spec.primary), typedKey(r, second))
    }

    private func name(_ r: CourseResult, _ g: Grouping) -> String {
        switch g {
        case .team: return r.team == 0 ? EffectAnalysis.unknownGroup : teams.name(Int(r.team))
        case .municipality: return r.municipality == 0 ? EffectAnalysis.unknownGroup : municipalities.name(Int(r.municipality))
        case .month: return r.end?.month ?? EffectAnalysis.openGroup
        case .ageBand, .sex, .baselineLevel, .baselineHours: return g.bandNames![component(r, g)]
        case .area, .condition: return EffectAnalysis.unknownGroup
        }
    }

    /// The name of `r`'s group as every output shows it; a two-way group is
    /// `team × band` (`GroupingSpec.nameSeparator`).
    package func name(_ r: CourseResult) -> String {
        guard let second = spec.secondary else { return name(r, spec.primary) }
        return name(r, spec.primary) + GroupingSpec.nameSeparator + name(r, second)
    }

    /// The names of each part of `r`'s group (one or two).
    package func partNames(_ r: CourseResult) -> [String] { spec.parts.map { name(r, $0) } }

    /// Where `r`'s group is listed: named groups by name (UTF-8 order), bands
    /// in band order; a two-way table by its first part, then its second.
    package func order(_ r: CourseResult) -> GroupOrder {
        var o = GroupOrder()
        for g in spec.parts {
            if g.isBanded { o.parts.append((component(r, g), "")) } else { o.parts.append((0, name(r, g))) }
        }
        return o
    }
}

/// The listing order of a group (see `GroupClassifier.order`).
package struct GroupOrder: Sendable {
    var parts: [(band: Int, name: String)] = []

    /// Whether `self` is listed before `other`.
    package func precedes(_ other: GroupOrder) -> Bool {
        for (a, b) in zip(parts, other.parts) {
            if a.band != b.band { return a.band < b.band }
            if a.name != b.name { return a.name.utf8.lexicographicallyPrecedes(b.name.utf8) }
        }
        return false
    }
}
