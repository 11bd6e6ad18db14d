import FSIIIBytes
import FSIIIStatistics

/// A treated course or a pseudo-course as the comparison sees it: its
/// figures (SPEC §6, from ``CourseEvaluator``), its pairs, its dates and
/// the covariates of the propensity model (issue 18 §1).
package struct ComparisonUnit: Sendable {
    package var result: CourseResult
    package var pairs: ArraySlice<ConditionPair>
    /// t0: the earliest compared baseline date; t1: the latest follow-up date.
    package var t0: Day
    package var t1: Day

    package init(result: CourseResult, pairs: ArraySlice<ConditionPair>) {
        self.result = result
        self.pairs = pairs
        var t0 = Int32.max, t1 = Int32.min
        for p in pairs {
            t0 = min(t0, p.baselineDay.rawValue)
            t1 = max(t1, p.followUpDay.rawValue)
        }
        self.t0 = pairs.isEmpty ? result.start : Day(rawValue: t0)
        self.t1 = pairs.isEmpty ? (result.end ?? result.start) : Day(rawValue: t1)
    }

    /// The unit's outcome: `meanChange` (positive is improvement).
    package var meanChange: Double { result.meanChange }
    package var improved: Bool { result.outcome == .improved }
    package var baselineMean: Double { Double(result.baselineSum) / Double(max(result.n, 1)) }
}

/// The covariates of issue 18 §1, one value per unit (treated first, then
/// the candidate pseudo-courses), in the order the balance table lists them.
package enum ComparisonCovariates {
    /// Which covariates to make: all of issue 18 §1 for the propensity
    /// model, or the case-mix model's subset (issue 21: baseline level per
    /// area, compared conditions, age band, sex, prior trend). The case mix
    /// leaves out what is benchmarked or only describes when a course was
    /// (municipality, quarter), the overall baseline mean (the per-area
    /// levels carry it) and cost.
    package enum Selection: Sendable { case propensity, caseMix }

    package static func make(_ units: [ComparisonUnit], dataset d: ComparisonInputs, selection: Selection = .propensity) -> [Covariate] {
        let t = d.terminology
        let all = selection == .propensity
        // The fields the covariates read, gathered in one pass on the cores: a unit is some 110 bytes, and
        // a pass over 308,000 of them per field, on one core, was most of this stage at 10M rows.
        let facts: [(mean: Double, n: Int32, citizen: UInt32, t0: Int32, municipality: UInt32)] = perUnit(units) { u, out in
            out.append((u.pointee.baselineMean, Int32(u.pointee.result.n), u.pointee.result.citizen, u.pointee.t0.rawValue, u.pointee.result.municipality))
        }
        let means = facts.map(\.mean), citizens = facts.map(\.citizen), t0 = facts.map(\.t0)
        var covariates: [Covariate] = all ? [Covariate("baseline mean level", .continuous(means))] : []
        // Baseline level of each condition area (missing when the unit compares none of it): every area's
        // sum and count from one pass over a unit's pairs, its mean written in place into an area-major
        // table (NaN: missing) by chunks of units on the cores. (Per-unit sums appended and joined, then
        // read out per area, were the larger part of this stage at 10M rows: 50–130 ms.)
        let areaCount = t.areas.count
        let areaOf = t.conditions.map(\.area)   // by condition index (no concept copied per pair)
        let n = units.count
        var areaMeans = [Double](repeating: .nan, count: areaCount * n)
        if areaCount > 0 {
            let chunks = Parallel.chunks(n, minimum: 1 << 12)
            areaMeans.withUnsafeMutableBufferPointer { buffer in
                let out = UnsafeSendable(buffer.baseAddress!)
                units.withUnsafeBufferPointer { units in
                    _ = Parallel.map(chunks.indices) { k in
                        let sums = UnsafeMutablePointer<Int>.allocate(capacity: 2 * areaCount)
                        defer { sums.deallocate() }
                        let counts = sums + areaCount
                        for i in chunks[k] {
                            sums.initialize(repeating: 0, count: 2 * areaCount)
                            for p in units[i].pairs {
                                let a = areaOf[p.condition.index]
                                sums[a] += Int(p.baseline)
                                counts[a] += 1
                            }
                            for a in 0..<areaCount where counts[a] > 0 {
                                out.value[a * n + i] = Double(sums[a]) / Double(counts[a])
                            }
                        }
                    }
                }
            }
        }
        for area in t.areas.indices {
            let column = areaMeans[(area * n)..<((area + 1) * n)]
            guard column.contains(where: { !$0.isNaN }) else { continue }
            // NaN to nil on the cores (a pass over 308,000 units per area at 10M rows).
            let values: [Double?] = column.withUnsafeBufferPointer { column in
                let from = UnsafeSendable(column.baseAddress!)
                return perUnit(n, order: nil) { i in from.value[i].isNaN ? nil : from.value[i] }
            }
            covariates.append(Covariate("baseline level: \(t.areas[area].display)", .continuousWithMissing(values)))
        }
        covariates.append(Covariate("compared conditions", .continuous(facts.map { Double($0.n) })))
        // The categories by their codes (no string per unit).
        let ages = AgeBands(citizens: d.citizens, days: t0)
        let ageCodes: [Int32] = perUnit(n, order: nil) { i in ages.code(Int(citizens[i]), on: t0[i]) }
        covariates.append(Covariate("age band", .coded(codes: ageCodes, levels: CitizenRegistry.ageBandLevels)))
        // Sex once per citizen (units share citizens).
        var sexCode = [Int32](repeating: -1, count: d.citizens.count)
        let sexCodes = citizens.map { citizen in
            let c = Int(citizen)
            if sexCode[c] < 0 { sexCode[c] = d.citizens.sexCode(c) }
            return sexCode[c]
        }
        covariates.append(Covariate("sex", .coded(codes: sexCodes, levels: CitizenRegistry.sexLevels)))
        if all {
            // Municipality index 0 is "not given".
            let names = [EffectAnalysis.unknownGroup] + (1..<max(1, d.municipalities.count)).map { d.municipalities.name($0) }
            covariates.append(Covariate("municipality", .coded(codes: facts.map { Int32($0.municipality) }, levels: names)))
            covariates.append(Covariate("quarter of t0", quarters(t0: t0)))
        }
        // By citizen: each citizen's rows are read once, in table order, for all its units.
        let byCitizen = CitizenOrder.of(citizens, citizenCount: d.citizens.count)
        let trends: [Double?] = perUnit(units.count, order: byCitizen) { i in
            priorTrend(citizen: citizens[i], t0: t0[i], baselineMean: means[i], d.assessments)
        }
        covariates.append(Covariate("prior trend", .continuousWithMissing(trends)))
        if all, let costs = d.costs {
            let hours: [Double] = perUnit(units) { u, out in
                out.append(CostJoin.sum(costs, costs.rows(ofCitizen: Int(u.pointee.result.citizen)), from: Day.offset(u.pointee.t0.rawValue, back: 90),
                                        to: u.pointee.t0.rawValue).hours / (90.0 / 7))
            }
            covariates.append(Covariate("baseline hours per week", .continuous(hours)))
        }
        return covariates
    }

    /// What `body` appends for each unit, in unit order. The units are split
    /// into contiguous chunks on the cores; each unit's values depend on that
    /// unit alone, so the result is the same on any number of threads.
    /// `body` reads the unit in place: a unit copied out of the array would
    /// retain its pairs' storage, one counter that every unit shares, and
    /// the cores would take turns at it.
    static func perUnit<T>(_ units: [ComparisonUnit], _ body: (UnsafePointer<ComparisonUnit>, inout [T]) -> Void) -> [T] {
        let chunks = Parallel.chunks(units.count, minimum: 1 << 12)
        let parts = units.withUnsafeBufferPointer { buffer in
            let base = UnsafeSendable(buffer.baseAddress)
            return Parallel.map(0..<chunks.count) { k in
                var out: [T] = []
                out.reserveCapacity(chunks[k].count)
                for i in chunks[k] { body(base.value! + i, &out) }
                return out
            }
        }
        if parts.count == 1 { return parts[0] }
        var all: [T] = []
        all.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { all.append(contentsOf: part) }
        return all
    }


    /// `value(i)` for each unit index i in `0..<count`, worked out in the
    /// order `order` (a permutation of the indices, as ``CitizenOrder``
    /// gives) in contiguous chunks on the cores and stored by index: each
    /// value depends on its unit alone, so the result is the same in any
    /// order and on any number of threads.
    /// With `order` nil, in index order.
    static func perUnit<T>(_ count: Int, order: [Int]?, _ value: (Int) -> T) -> [T] {
        if let order {
            precondition(order.count == count, "the order is a permutation of the units")
            var done = [Bool](repeating: false, count: count)
            for i in order {
                precondition(!done[i], "the order is a permutation of the units")
                done[i] = true
            }
        }
        guard count > 0 else { return [] }
        let chunks = Parallel.chunks(count, minimum: 1 << 12)
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let out = UnsafeSendable(buffer.baseAddress!)
            _ = Parallel.map(0..<chunks.count) { k in
                if let order {
                    for position in chunks[k] { (out.value + order[position]).initialize(to: value(order[position])) }
                } else {
                    for i in chunks[k] { (out.value + i).initialize(to: value(i)) }
                }
                return 0
            }
            initialized = count
        }
    }

    /// The quarter of each unit's t0 (given as its raw day), "2024Q3",
    /// worked out once per day.
    static func quarters(t0: [Int32]) -> Covariate.Values {
        guard let low = t0.min(), let high = t0.max() else {
            return .coded(codes: [], levels: [])
        }
        var byDay = [Int32](repeating: -1, count: Int(high - low) + 1)
        var levels = FirstSeenNumbers<String>()
        let codes: [Int32] = t0.map { day in
            let slot = Int(day - low)
            if byDay[slot] >= 0 { return byDay[slot] }
            let c = Day(rawValue: day).civil
            let k = levels.number("\(c.year)Q\((c.month - 1) / 3 + 1)")
            byDay[slot] = k
            return k
        }
        return .coded(codes: codes, levels: levels.keys)
    }

    /// The mean level (levels 0–4) of the latest assessment date in
    /// [t0 − 180, t0) minus the unit's baseline mean level: the change into
    /// the baseline on the `meanChange` scale (negative: function fell).
    /// nil when the citizen has no assessment then.
    package static func priorTrend(_ u: ComparisonUnit, _ a: AssessmentTable) -> Double? {
        priorTrend(citizen: u.result.citizen, t0: u.t0.rawValue, baselineMean: u.baselineMean, a)
    }

    /// The same from the unit's citizen, t0 and baseline mean level.
    static func priorTrend(citizen: UInt32, t0: Int32, baselineMean: Double, _ a: AssessmentTable) -> Double? {
        let rows = a.rows(ofCitizen: Int(citizen))
        let from = Day.offset(t0, back: 180), before = t0
        // One pass: the latest day so far and the sum of its levels (integers, so the order does not matter).
        var latest = Int32.min
        var sum = 0, n = 0
        a.day.withUnsafeBufferPointer { day in
            a.level.withUnsafeBufferPointer { level in
                for r in rows where level[r] != 9 {
                    let d = day[r]
                    guard d >= from && d < before else { continue }
                    if d > latest {
                        latest = d
                        sum = Int(level[r])
                        n = 1
                    } else if d == latest {
                        sum += Int(level[r])
                        n += 1
                    }
                }
            }
        }
        guard n > 0 else { return nil }
        return Double(sum) / Double(n) - baselineMean
    }
}

/// What the comparison reads from a data set (the report frees the
/// data set's rows once the courses are evaluated, so it takes these first).
package struct ComparisonInputs: Sendable {
    package var assessments: AssessmentTable
    package var citizens: CitizenRegistry
    package var terminology: Terminology
    package var municipalities: NameTable
    package var teams: NameTable
    package var costs: CostTable?
    package var courses: [Course]
    /// The candidates' dates of these assessments, citizens and courses,
    /// when a caller started gathering them on other threads before
    /// (taken by the comparison's search; nil: it gathers them itself).
    package var candidateDates: BackgroundValue<PseudoCourses.CandidateDates>?

    package init(_ d: Dataset, courses: [Course], candidateDates: BackgroundValue<PseudoCourses.CandidateDates>? = nil) {
        assessments = d.assessments
        citizens = d.citizens
        terminology = d.terminology
        municipalities = d.municipalities
        teams = d.teams
        costs = d.costs
        self.courses = courses
        self.candidateDates = candidateDates
    }
}

/// ``CitizenRegistry/ageBandCode(_:on:)`` for many (citizen, day) pairs:
/// the same codes, from the calendar dates of every day between the
/// earliest birth and the latest day, worked out once (two date conversions
/// per unit were a sixth of the covariates at 10M rows).
struct AgeBands {
    private let registry: CitizenRegistry
    private let low: Int32
    /// year << 9 | month << 5 | day of each day from `low` (empty: none).
    private let civil: [Int32]

    init(citizens: CitizenRegistry, days: [Int32]) {
        registry = citizens
        var low = Int32.max, high = Int32.min
        for d in days { low = min(low, d); high = max(high, d) }
        for c in 0..<citizens.count { if let b = citizens.birthDay(c) { low = min(low, b.rawValue); high = max(high, b.rawValue) } }
        // A table only for a span of days a table suits (some 150 years); otherwise each date converted.
        guard low <= high, Int(high) - Int(low) < 60_000 else {
            self.low = 0
            civil = []
            return
        }
        self.low = low
        civil = (low...high).map { day in
            let c = Day(rawValue: day).civil
            return Int32(c.year) << 9 | Int32(c.month) << 5 | Int32(c.day)
        }
    }

    /// The citizen's age band code on `day` (``CitizenRegistry/ageBandLevels``).
    func code(_ citizen: Int, on day: Int32) -> Int32 {
        guard !civil.isEmpty else { return registry.ageBandCode(citizen, on: Day(rawValue: day)) }
        guard let birth = registry.birthDay(citizen) else { return 4 }
        let b = civil[Int(birth.rawValue - low)], t = civil[Int(day - low)]
        // Whole years: the year difference, less one before the birthday ((month, day) below the birth's).
        return CitizenRegistry.ageBandCode(age: Int(t >> 9) - Int(b >> 9) - ((t & 0x1FF) < (b & 0x1FF) ? 1 : 0))
    }
}
