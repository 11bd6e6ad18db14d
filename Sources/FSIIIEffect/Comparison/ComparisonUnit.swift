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
        var covariates: [Covariate] = all ? [Covariate("baseline mean level", .continuous(units.map(\.baselineMean)))] : []
        // Baseline level of each condition area (missing when the unit compares none of it).
        for area in t.areas.indices {
            let values: [Double?] = units.map { u in
                var sum = 0, n = 0
                for p in u.pairs where t[p.condition].area == area { sum += Int(p.baseline); n += 1 }
                return n > 0 ? Double(sum) / Double(n) : nil
            }
            guard values.contains(where: { $0 != nil }) else { continue }
            covariates.append(Covariate("baseline level: \(t.areas[area].display)", .continuousWithMissing(values)))
        }
        covariates.append(Covariate("compared conditions", .continuous(units.map { Double($0.result.n) })))
        // Sex, and the quarter of a day, once per citizen and per day (units share both).
        var sex = [String?](repeating: nil, count: d.citizens.count)
        var quarter: [Int32: String] = [:]
        covariates.append(Covariate("age band", .categorical(units.map { d.citizens.ageBand(Int($0.result.citizen), on: $0.t0) })))
        covariates.append(Covariate("sex", .categorical(units.map { u in
            let c = Int(u.result.citizen)
            if let known = sex[c] { return known }
            let s = d.citizens.sexCategory(c)
            sex[c] = s
            return s
        })))
        if all {
            covariates.append(Covariate("municipality", .categorical(units.map {
                $0.result.municipality == 0 ? EffectAnalysis.unknownGroup : d.municipalities.name(Int($0.result.municipality))
            })))
            covariates.append(Covariate("quarter of t0", .categorical(units.map { u in
                if let known = quarter[u.t0.rawValue] { return known }
                let c = u.t0.civil
                let q = "\(c.year)Q\((c.month - 1) / 3 + 1)"
                quarter[u.t0.rawValue] = q
                return q
            })))
        }
        covariates.append(Covariate("prior trend", .continuousWithMissing(units.map { priorTrend($0, d.assessments) })))
        if all, let costs = d.costs {
            covariates.append(Covariate("baseline hours per week", .continuous(units.map { u in
                CostJoin.sum(costs, costs.rows(ofCitizen: Int(u.result.citizen)), from: Day.offset(u.t0.rawValue, back: 90), to: u.t0.rawValue).hours / (90.0 / 7)
            })))
        }
        return covariates
    }

    /// The mean level (levels 0–4) of the latest assessment date in
    /// [t0 − 180, t0) minus the unit's baseline mean level: the change into
    /// the baseline on the `meanChange` scale (negative: function fell).
    /// nil when the citizen has no assessment then.
    package static func priorTrend(_ u: ComparisonUnit, _ a: AssessmentTable) -> Double? {
        let rows = a.rows(ofCitizen: Int(u.result.citizen))
        let from = Day.offset(u.t0.rawValue, back: 180), before = u.t0.rawValue
        var latest = Int32.min
        for r in rows where a.day[r] >= from && a.day[r] < before && a.level[r] != 9 { latest = max(latest, a.day[r]) }
        guard latest != .min else { return nil }
        var sum = 0, n = 0
        for r in rows where a.day[r] == latest && a.level[r] != 9 { sum += Int(a.level[r]); n += 1 }
        return Double(sum) / Double(n) - u.baselineMean
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

    package init(_ d: Dataset, courses: [Course]) {
        assessments = d.assessments
        citizens = d.citizens
        terminology = d.terminology
        municipalities = d.municipalities
        teams = d.teams
        costs = d.costs
        self.courses = courses
    }
}
