import Testing
import FSIIIStatistics
@testable import FSIIIEffect
import FSIIITestSupport

/// ``ComparisonCovariates`` codes its categories by integer and works out
/// the per-unit covariates in chunks on the cores: the covariates, and the
/// design made from them, must be those of the plain per-unit strings and
/// loops they replace.
@Suite("Comparison covariates: coded categories and chunked per-unit values")
struct ComparisonCovariatesTests {
    static let assessments = """
    citizen;date;condition;level
    A;2024-01-01;Vaske sig;3
    A;2024-03-01;Vaske sig;2
    A;2024-03-01;Gå;2
    A;2024-06-01;Vaske sig;2
    B;2023-12-01;Gå;3
    B;2024-05-01;Gå;2
    B;2024-06-01;Gå;1
    C;2024-01-01;Gå;3
    C;2024-02-01;Gå;2
    C;2024-04-01;Gå;2
    """
    static let courses = """
    citizen;start;end
    A;2024-01-01;2024-03-01
    A;2024-03-01;2024-06-01
    B;2024-05-01;2024-06-01
    C;2024-01-01;2024-02-01
    C;2024-02-01;2024-04-01
    """

    /// The covariates as they were made before coding: one string per unit,
    /// one loop over the pairs per area.
    static func plain(_ units: [ComparisonUnit], _ d: ComparisonInputs) -> [Covariate] {
        let t = d.terminology
        var covariates = [Covariate("baseline mean level", .continuous(units.map(\.baselineMean)))]
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
        covariates.append(Covariate("age band", .categorical(units.map { d.citizens.ageBand(Int($0.result.citizen), on: $0.t0) })))
        covariates.append(Covariate("sex", .categorical(units.map { d.citizens.sexCategory(Int($0.result.citizen)) })))
        covariates.append(Covariate("municipality", .categorical(units.map {
            $0.result.municipality == 0 ? EffectAnalysis.unknownGroup : d.municipalities.name(Int($0.result.municipality))
        })))
        covariates.append(Covariate("quarter of t0", .categorical(units.map { u in
            let c = u.t0.civil
            return "\(c.year)Q\((c.month - 1) / 3 + 1)"
        })))
        covariates.append(Covariate("prior trend", .continuousWithMissing(units.map { ComparisonCovariates.priorTrend($0, d.assessments) })))
        return covariates
    }

    /// A coded or string categorical as one string per observation.
    static func strings(_ v: Covariate.Values) -> [String]? {
        switch v {
        case let .categorical(s): s
        case let .coded(codes, levels): codes.map { levels[Int($0)] }
        default: nil
        }
    }

    @Test("coded categories and chunked values equal the per-unit strings and loops; so does the design (many chunks)")
    func sameAsPlain() throws {
        let d = Fixtures.dataset([.init("assessments.csv", .assessments, Self.assessments), .init("courses.csv", .courses, Self.courses)])
        let e = CourseEvaluator.evaluate(d.courses, assessments: d.assessments, citizens: d.citizens)
        let base = e.results.filter(\.isEvaluable).map { ComparisonUnit(result: $0, pairs: e.pairs[$0.pairs]) }
        #expect(base.count >= 3)
        // Enough units for several chunks (and several row blocks in the design).
        let units = (0..<(40_000 / base.count + 1)).flatMap { _ in base }
        let inputs = ComparisonInputs(d, courses: d.courses)
        let made = ComparisonCovariates.make(units, dataset: inputs)
        let plain = Self.plain(units, inputs)
        #expect(made.map(\.name) == plain.map(\.name))
        for (m, p) in zip(made, plain) {
            if let ms = Self.strings(m.values) {
                #expect(ms == Self.strings(p.values), "\(m.name)")
            } else {
                #expect(m.values == p.values, "\(m.name)")
            }
        }
        let treated = units.indices.map { $0 % 3 != 1 }
        #expect(try CovariateDesign(made, treated: treated) == CovariateDesign(plain, treated: treated))
    }

    @Test("per-unit values come back in unit order whatever the chunks")
    func perUnitOrder() {
        let units = (0..<20_000).map { i in
            ComparisonUnit(result: CourseResult(course: i, citizen: UInt32(i % 97), team: 0, municipality: 0,
                                                start: Day(rawValue: Int32(20_000 + i % 400)), end: nil), pairs: [])
        }
        let values: [Int] = ComparisonCovariates.perUnit(units) { u, out in out.append(Int(u.pointee.result.course)) }
        #expect(values == Array(0..<20_000))
        let order = CitizenOrder.of(units.map(\.result.citizen), citizenCount: 97)
        #expect(order.sorted() == Array(0..<20_000))
        #expect(zip(order, order.dropFirst()).allSatisfy { a, b in
            (units[a].result.citizen, a) < (units[b].result.citizen, b)
        })
        let byCitizen: [Int] = ComparisonCovariates.perUnit(units.count, order: order) { i in Int(units[i].result.course) }
        #expect(byCitizen == Array(0..<20_000))
        let quarters = Self.strings(ComparisonCovariates.quarters(t0: units.map(\.t0.rawValue)))
        #expect(quarters == units.map { u in let c = u.t0.civil; return "\(c.year)Q\((c.month - 1) / 3 + 1)" })
    }

    @Test("sex and age band codes: the CPR's last digit and the age at the day, each code the index of its label")
    func demographicCodes() {
        var citizens = CitizenRegistry()
        let female = citizens.intern(rawID: "010140-1234")   // born 1940-01-01, last digit even
        let male = citizens.intern(rawID: "311299-4321")     // born 1999-12-31, last digit odd
        let other = citizens.intern(rawID: "A-17")           // not a CPR number
        let day = Day(year: 2024, month: 12, day: 31)!
        #expect([female, male, other].map { citizens.sexCode(Int($0)) } == [0, 1, 2])
        #expect([female, male, other].map { citizens.sexCategory(Int($0)) } == ["female", "male", "unknown"])
        // 84 on 2024-12-31 (85 on the next day), 25, unknown.
        #expect([female, male, other].map { citizens.ageBandCode(Int($0), on: day) } == [2, 0, 4])
        #expect(citizens.ageBand(Int(female), on: Day(year: 2025, month: 1, day: 1)!) == "85+")
        #expect([female, male, other].map { citizens.ageBand(Int($0), on: day) } == ["75-84", "<65", "unknown"])
    }

    @Test("age bands from the table of calendar dates are the registry's own, on and around birthdays, 29 February included")
    func ageBandTable() {
        var citizens = CitizenRegistry()
        // Born 1940-02-29 (a leap day), 1959-03-01, 1949-12-31, 1960-01-01, and an id that is not a CPR number.
        let ids = ["290240-1234", "010359-4321", "311249-1112", "010160-2223", "A-17"].map { Int(citizens.intern(rawID: $0)) }
        var days: [Int32] = []
        for year in [2004, 2005, 2014, 2015, 2024, 2025] {
            for (month, day) in [(1, 1), (2, 28), (3, 1), (12, 30), (12, 31)] { days.append(Day(year: year, month: month, day: day)!.rawValue) }
        }
        days.append(Day(year: 2024, month: 2, day: 29)!.rawValue)
        let table = AgeBands(citizens: citizens, days: days)
        var seen = Set<Int32>()
        for c in ids {
            for d in days {
                let expected = citizens.ageBandCode(c, on: Day(rawValue: d))
                #expect(table.code(c, on: d) == expected, "citizen \(c) on \(Day(rawValue: d).iso)")
                seen.insert(expected)
            }
        }
        #expect(seen == [0, 1, 2, 3, 4])   // every band, so each threshold is crossed
        // The leap-day citizen turns 65 on 2005-03-01 (not yet on 2005-02-28) and 85 on 2025-03-01.
        let leap = ids[0]
        #expect(table.code(leap, on: Day(year: 2005, month: 2, day: 28)!.rawValue) == 0)
        #expect(table.code(leap, on: Day(year: 2005, month: 3, day: 1)!.rawValue) == 1)
        #expect(table.code(leap, on: Day(year: 2025, month: 3, day: 1)!.rawValue) == 3)
    }
}
