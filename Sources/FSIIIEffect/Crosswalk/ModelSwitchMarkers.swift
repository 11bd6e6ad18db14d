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
        // One pass for municipalities and teams: per row its month, model, and both groups' counters.
        let municipalityNames = dataset.municipalities.names, teamNames = dataset.teams.names
        struct Counters {
            var counts: [Int], first: [Int32], citizens: [Int], lastCitizen: [Int]
            init(_ n: Int, _ months: Int) {
                counts = [Int](repeating: 0, count: n * months * 2)
                first = [Int32](repeating: .max, count: n)
                citizens = [Int](repeating: 0, count: n)
                lastCitizen = [Int](repeating: -1, count: n)
            }
        }
        var m = Counters(municipalityNames.count, monthCount), t = Counters(teamNames.count, monthCount)
        for c in 0..<max(a.citizenStart.count - 1, 0) {
            for r in a.rows(ofCitizen: c) {
                let mg = Int(a.municipality[r]), tg = Int(a.team[r])
                guard mg < municipalityNames.count, tg < teamNames.count else { continue }
                if m.lastCitizen[mg] != c { m.lastCitizen[mg] = c; m.citizens[mg] += 1 }
                if t.lastCitizen[tg] != c { t.lastCitizen[tg] = c; t.citizens[tg] += 1 }
                let bits = models.bits(a.condition[r])
                guard bits != 0 else { continue }
                let month = Int(monthOfDay[Int(a.day[r] - low)])
                let simplified = bits == ConditionModels.simplified ? 1 : 0
                m.counts[(mg * monthCount + month) * 2 + simplified] += 1
                t.counts[(tg * monthCount + month) * 2 + simplified] += 1
                if simplified == 1 {
                    if a.day[r] < m.first[mg] { m.first[mg] = a.day[r] }
                    if a.day[r] < t.first[tg] { t.first[tg] = a.day[r] }
                }
            }
        }
        func groups(_ x: Counters, names: [String]) -> [Group] {
            names.indices.dropFirst().compactMap { g in
                guard x.citizens[g] >= max(minCell, 1) else { return nil }
                var months: [Month] = []
                for k in 0..<monthCount {
                    let legacy = x.counts[(g * monthCount + k) * 2], simplified = x.counts[(g * monthCount + k) * 2 + 1]
                    guard legacy + simplified > 0 else { continue }
                    let key = firstMonth + k, month = key % 12 + 1
                    months.append(Month(month: "\(key / 12)-\(month < 10 ? "0" : "")\(month)", legacy: legacy, simplified: simplified))
                }
                guard !months.isEmpty else { return nil }
                return Group(name: names[g], firstSimplified: x.first[g] == .max ? nil : Day(rawValue: x.first[g]), months: months)
            }
        }
        return ModelSwitchMarkers(municipalities: groups(m, names: municipalityNames), teams: groups(t, names: teamNames))
    }
}
