/// Where and when each municipality and team moved to the simplified FSIII
/// model (issue 20): the date of its first assessment of a simplified-only
/// condition, and per month the share of its assessment rows in each model
/// (legacy-only conditions, simplified-only ones; the six kept J keys
/// count in neither). Read from the assessments as imported, before any
/// harmonising. A team or municipality with fewer than `--min-cell`
/// distinct citizens is left out (SPEC §10).
public struct ModelSwitchMarkers: Sendable, Hashable {
    /// One month of a group: its rows in each model.
    public struct Month: Sendable, Hashable {
        /// The month, `YYYY-MM`.
        public let month: String
        /// Rows of legacy-only conditions.
        public let legacy: Int
        /// Rows of simplified-only conditions.
        public let simplified: Int
        /// simplified / (legacy + simplified); nil for a month with neither.
        public var simplifiedShare: Double? { legacy + simplified > 0 ? Double(simplified) / Double(legacy + simplified) : nil }
    }

    /// A municipality or team.
    public struct Group: Sendable, Hashable {
        /// The name as every output shows it.
        public let name: String
        /// The first assessment of a simplified-only condition; nil when none.
        public let firstSimplified: Day?
        /// Months with any row of either model, in order.
        public let months: [Month]
    }

    public let municipalities: [Group]
    public let teams: [Group]

    /// Nil when the data has no row of one of the two models (nothing switched).
    package static func make(_ dataset: Dataset, minCell: Int) -> ModelSwitchMarkers? {
        let a = dataset.assessments
        let models = ConditionModels(dataset.terminology)
        guard a.count > 0, let low = a.day.min(), let high = a.day.max() else { return nil }
        var seen: UInt8 = 0
        for c in a.condition { seen |= models.bits(c); if seen == 3 { break } }
        guard seen == 3 else { return nil }
        // Month index of every day in the period, once; flat counters per group and month.
        let firstCivil = Day(rawValue: low).civil
        let firstMonth = firstCivil.year * 12 + firstCivil.month - 1
        let monthOfDay = (low...high).map { d -> Int32 in
            let civil = Day(rawValue: d).civil
            return Int32(civil.year * 12 + civil.month - 1 - firstMonth)
        }
        let monthCount = Int(monthOfDay.last ?? 0) + 1
        func groups(_ column: [UInt32], names: [String]) -> [Group] {
            var counts = [Int](repeating: 0, count: names.count * monthCount * 2)
            var first = [Int32](repeating: .max, count: names.count)
            var citizens = [Int](repeating: 0, count: names.count)
            var lastCitizen = [Int](repeating: -1, count: names.count)
            for c in 0..<max(a.citizenStart.count - 1, 0) {
                for r in a.rows(ofCitizen: c) {
                    let g = Int(column[r])
                    guard g < names.count else { continue }
                    if lastCitizen[g] != c { lastCitizen[g] = c; citizens[g] += 1 }
                    let bits = models.bits(a.condition[r])
                    guard bits != 0 else { continue }
                    let m = Int(monthOfDay[Int(a.day[r] - low)])
                    let simplified = bits == ConditionModels.simplified
                    counts[(g * monthCount + m) * 2 + (simplified ? 1 : 0)] += 1
                    if simplified && a.day[r] < first[g] { first[g] = a.day[r] }
                }
            }
            return names.indices.dropFirst().compactMap { g in
                guard citizens[g] >= max(minCell, 1) else { return nil }
                var months: [Month] = []
                for m in 0..<monthCount {
                    let legacy = counts[(g * monthCount + m) * 2], simplified = counts[(g * monthCount + m) * 2 + 1]
                    guard legacy + simplified > 0 else { continue }
                    let key = firstMonth + m, month = key % 12 + 1
                    months.append(Month(month: "\(key / 12)-\(month < 10 ? "0" : "")\(month)", legacy: legacy, simplified: simplified))
                }
                guard !months.isEmpty else { return nil }
                return Group(name: names[g], firstSimplified: first[g] == .max ? nil : Day(rawValue: first[g]), months: months)
            }
        }
        return ModelSwitchMarkers(municipalities: groups(a.municipality, names: dataset.municipalities.names),
                                  teams: groups(a.team, names: dataset.teams.names))
    }
}
