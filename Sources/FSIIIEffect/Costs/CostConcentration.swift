import FSIIIStatistics

/// How concentrated the home-care cost is over the citizens (SPEC §12):
/// over the N citizens with at least one cost row, each row priced as in
/// §3 (the cost table holds only priced rows), x_i a citizen's total over
/// all rows. The same figures per municipality (a citizen counted in one:
/// see `CostConcentration.make`). Small cells are already suppressed here
/// (SPEC §10): a figure about fewer than `--min-cell` citizens is nil, a
/// curve that would show such a step is coarser or empty — never 0.
public struct CostConcentration: Sendable {
    /// The concentration figures of one population of citizens.
    public struct Figures: Sendable, Hashable {
        /// N, the citizens with at least one priced cost row.
        public package(set) var citizens: Int
        /// True when N < `--min-cell`: every figure below is nil then.
        public package(set) var suppressed: Bool
        /// Σx, in kr.
        public package(set) var totalCost: Double?
        /// Share of Σx carried by the k = ⌈P/100 · N⌉ citizens with the
        /// largest totals, P = 1, 5, 10; nil when k < `--min-cell` or Σx = 0.
        public package(set) var top1Share: Double?
        public package(set) var top5Share: Double?
        public package(set) var top10Share: Double?
        /// `Σ(2i − N − 1)·x_(i) / (N·Σx)` over the ascending totals.
        public package(set) var gini: Double?
        /// Lorenz points (population share, cost share) from (0, 0) to
        /// (1, 1): 21 at most, each step at least `--min-cell` citizens.
        public package(set) var lorenz: [LorenzPoint]
        /// Of the k citizens in the top 5 % (ties at the k-th total broken
        /// by pseudonym), the share with at least one course in the data.
        public package(set) var top5WithCourseShare: Double?
        /// Mean of the course mean change (SPEC §6) over the evaluable
        /// courses of the top 5 %, and of the other citizens of N.
        public package(set) var top5MeanChange: Double?
        public package(set) var othersMeanChange: Double?
        /// Mean savings (SPEC §8) over the courses with a savings figure, likewise.
        public package(set) var top5MeanSavings: Double?
        public package(set) var othersMeanSavings: Double?

        /// A population whose figures are all hidden.
        static func suppressed(citizens: Int) -> Figures {
            Figures(citizens: citizens, suppressed: true, totalCost: nil, top1Share: nil, top5Share: nil, top10Share: nil, gini: nil,
                    lorenz: [], top5WithCourseShare: nil, top5MeanChange: nil, othersMeanChange: nil, top5MeanSavings: nil,
                    othersMeanSavings: nil)
        }
    }

    /// One point of a Lorenz curve.
    public struct LorenzPoint: Sendable, Hashable {
        /// i/N, the share of the citizens with the smallest totals.
        public var population: Double
        /// Their share of Σx.
        public var cost: Double
    }

    /// The figures of the citizens of one municipality.
    public struct Municipality: Sendable, Hashable {
        public package(set) var municipality: MunicipalityID
        /// The name as every output shows it (masked, SPEC §10).
        public package(set) var name: String
        public package(set) var figures: Figures
    }

    /// All citizens with cost rows together.
    public package(set) var overall: Figures
    /// One entry per municipality with at least one such citizen, sorted by name (UTF-8 order).
    public package(set) var byMunicipality: [Municipality]
}

extension CostConcentration {
    /// The concentration of `costs`.
    ///
    /// - Parameters:
    ///   - results, courseCosts: every course and its cost figures (same
    ///     index); a citizen "had a course" when any result names it.
    ///   - citizenMunicipality: per citizen, the municipality it is counted
    ///     in (0 = unknown): its latest assessment naming one, else its
    ///     latest course's (`CostConcentration.municipalities`).
    ///   - tieOrder: the order of citizens tied at the k-th total (their pseudonyms).
    package static func make(costs: CostTable, results: [CourseResult], courseCosts: [CourseCosts],
                             citizenMunicipality: [UInt32], municipalityNames: [String], unknownName: String,
                             minCell: Int, tieOrder: (Int) -> String) -> CostConcentration {
        let citizenCount = costs.citizenStart.count - 1
        // x_i per citizen with rows, in the cost table's own priced sums.
        var total = [Double](repeating: 0, count: max(citizenCount, 0))
        var members: [Int] = []
        for c in 0..<max(citizenCount, 0) {
            let rows = costs.rows(ofCitizen: c)
            guard !rows.isEmpty else { continue }
            var s = 0.0
            for r in rows { s += costs.cost[r] }
            total[c] = s
            members.append(c)
        }
        // Courses per citizen: evaluable mean changes and savings.
        var courseStart = [Int](repeating: 0, count: max(citizenCount, 0) + 1)
        for r in results where Int(r.citizen) < citizenCount { courseStart[Int(r.citizen) + 1] += 1 }
        for c in 0..<max(citizenCount, 0) { courseStart[c + 1] += courseStart[c] }
        var byCitizen = [Int](repeating: 0, count: courseStart.last ?? 0)
        var next = courseStart
        for (i, r) in results.enumerated() where Int(r.citizen) < citizenCount {
            byCitizen[next[Int(r.citizen)]] = i
            next[Int(r.citizen)] += 1
        }
        let courses = CitizenCourses(start: courseStart, index: byCitizen, results: results, costs: courseCosts)
        func figures(_ citizens: [Int]) -> Figures {
            Self.figures(citizens, total: total, courses: courses, minCell: minCell, tieOrder: tieOrder)
        }
        var perMunicipality: [UInt32: [Int]] = [:]
        for c in members {
            let m = c < citizenMunicipality.count ? citizenMunicipality[c] : 0
            perMunicipality[m, default: []].append(c)
        }
        let rows = perMunicipality.map { m, citizens in
            Municipality(municipality: MunicipalityID(m),
                         name: m > 0 && Int(m) < municipalityNames.count ? municipalityNames[Int(m)] : unknownName,
                         figures: figures(citizens))
        }.sorted {
            $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) || ($0.name == $1.name && $0.municipality.index < $1.municipality.index)
        }
        return CostConcentration(overall: figures(members), byMunicipality: complementarySuppression(rows, minCell: minCell))
    }

    /// The overall figures less the shown municipalities would give away
    /// the suppressed ones together (SPEC §10), so while the suppressed rows
    /// hold fewer than `minCell` citizens between them, the smallest shown
    /// row is suppressed too (RULES.md, like a lone suppressed group).
    static func complementarySuppression(_ rows: [Municipality], minCell: Int) -> [Municipality] {
        var rows = rows
        func hidden() -> Int { rows.filter(\.figures.suppressed).reduce(0) { $0 + $1.figures.citizens } }
        while hidden() > 0 && hidden() < minCell,
              let i = rows.indices.filter({ !rows[$0].figures.suppressed }).min(by: { rows[$0].figures.citizens < rows[$1].figures.citizens }) {
            rows[i].figures = Figures.suppressed(citizens: rows[i].figures.citizens)
        }
        return rows
    }

    /// Per citizen, the municipality it is counted in: the municipality of
    /// its latest assessment (by date, then input order) that names one,
    /// else that of its latest course (by start) that names one, else 0.
    package static func municipalities(assessments a: AssessmentTable, results: [CourseResult], citizenCount: Int) -> [UInt32] {
        var out = [UInt32](repeating: 0, count: citizenCount)
        var latest = [Int32](repeating: .min, count: citizenCount)
        for r in results where Int(r.citizen) < citizenCount && r.municipality != 0 {
            let c = Int(r.citizen)
            if out[c] == 0 || r.start.rawValue >= latest[c] { out[c] = r.municipality; latest[c] = r.start.rawValue }
        }
        for c in 0..<citizenCount {
            var best: (day: Int32, sequence: UInt32)?, m: UInt32 = 0
            for r in a.rows(ofCitizen: c) where a.municipality[r] != 0 {
                let key = (a.day[r], a.sequence[r])
                if best.map({ key > $0 }) ?? true { best = key; m = a.municipality[r] }
            }
            if m != 0 { out[c] = m }
        }
        return out
    }

    /// A citizen's courses, as indices into the results.
    struct CitizenCourses {
        var start: [Int], index: [Int]
        var results: [CourseResult], costs: [CourseCosts]
        func of(_ c: Int) -> ArraySlice<Int> { index[start[c]..<start[c + 1]] }
    }

    static func figures(_ citizens: [Int], total: [Double], courses: CitizenCourses, minCell: Int,
                        tieOrder: (Int) -> String) -> Figures {
        let n = citizens.count
        guard n >= minCell && n > 0 else { return Figures.suppressed(citizens: n) }
        var f = Figures.suppressed(citizens: n)
        f.suppressed = false
        // Ascending by total; equal totals by pseudonym descending, so the
        // top k (the tail) takes the smallest pseudonyms among the tied.
        var order = citizens.sorted { (total[$0], $0) < (total[$1], $1) }
        let k5 = Concentration.topCount(percent: 5, of: n)
        breakTies(&order, at: n - k5, total: total, tieOrder: tieOrder)
        let x = order.map { total[$0] }
        f.totalCost = Concentration.sum(x)
        func share(_ p: Int) -> Double? {
            Concentration.topCount(percent: p, of: n) < minCell ? nil : Concentration.topShare(ascending: x, percent: p)
        }
        f.top1Share = share(1)
        f.top5Share = share(5)
        f.top10Share = share(10)
        f.gini = Concentration.gini(ascending: x)
        f.lorenz = Concentration.lorenz(ascending: x, minimumStep: minCell).map { LorenzPoint(population: $0.population, cost: $0.share) }
        guard k5 >= minCell, k5 > 0 else { return f }
        let top = order[(n - k5)...], others = order[..<(n - k5)]
        f.top5WithCourseShare = Double(top.filter { !courses.of($0).isEmpty }.count) / Double(k5)
        (f.top5MeanChange, f.top5MeanSavings) = courseMeans(top, courses, minCell)
        (f.othersMeanChange, f.othersMeanSavings) = courseMeans(others, courses, minCell)
        return f
    }

    /// Mean of the evaluable courses' mean change and of the savings of the
    /// courses with a savings figure, each nil when fewer than `minCell`
    /// citizens (or none) contribute.
    static func courseMeans<C: Collection<Int>>(_ citizens: C, _ courses: CitizenCourses, _ minCell: Int) -> (Double?, Double?) {
        var change = 0.0, changes = 0, changeCitizens = 0
        var savings = 0.0, savingsCount = 0, savingsCitizens = 0
        for c in citizens {
            var hasChange = false, hasSavings = false
            for i in courses.of(c) {
                let r = courses.results[i]
                if r.isEvaluable { change += r.meanChange; changes += 1; hasChange = true }
                if i < courses.costs.count, let s = courses.costs[i].savings { savings += s; savingsCount += 1; hasSavings = true }
            }
            if hasChange { changeCitizens += 1 }
            if hasSavings { savingsCitizens += 1 }
        }
        let enough = max(minCell, 1)
        return (changeCitizens >= enough ? change / Double(changes) : nil,
                savingsCitizens >= enough ? savings / Double(savingsCount) : nil)
    }

    /// Reorders the citizens whose total equals the one at `boundary` (the
    /// first of the top k) so that the top takes the smallest pseudonyms:
    /// SPEC §12's tie rule. Only the tied citizens are hashed.
    static func breakTies(_ order: inout [Int], at boundary: Int, total: [Double], tieOrder: (Int) -> String) {
        guard boundary > 0, boundary < order.count else { return }
        let t = total[order[boundary]]
        guard total[order[boundary - 1]] == t else { return }
        var lo = boundary, hi = boundary + 1
        while lo > 0 && total[order[lo - 1]] == t { lo -= 1 }
        while hi < order.count && total[order[hi]] == t { hi += 1 }
        let tied = order[lo..<hi].map { (citizen: $0, pseudonym: tieOrder($0)) }
            .sorted { $0.pseudonym > $1.pseudonym }
        order.replaceSubrange(lo..<hi, with: tied.map(\.citizen))
    }
}
