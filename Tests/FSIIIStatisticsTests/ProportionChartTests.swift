import Testing
@testable import FSIIIStatistics

/// The p-chart and Laney's p′ chart, worked by hand: 2/10, 5/10, 9/20.
///
/// p̄ = 16/40 = 0.4; σ_p = √(0.24/10) = 0.1549193 (n = 10), √(0.24/20) =
/// 0.1095445 (n = 20). z = (0.2 − 0.4)/0.1549193 = −1.2909944,
/// (0.5 − 0.4)/0.1549193 = 0.6454972, (0.45 − 0.4)/0.1095445 = 0.4564355.
/// Moving ranges 1.9364917, 0.1890618; mean 1.0627767; σ_z = 1.0627767/1.128
/// = 0.9421779. p′ limits at n = 10: 0.4 ± 3·0.1549193·0.9421779 =
/// [−0.0379, 0.8378847] → [0, 0.8378847]; at n = 20: [0.0903687, 0.7096313].
/// p-chart at n = 20: 0.4 ± 3·0.1095445 = [0.0713665, 0.7286335].
@Suite("Proportion charts: p and Laney's p′")
struct ProportionChartTests {
    @Test("Laney's p′: σ_z from the moving range of z, limits p̄ ± 3·σ_p·σ_z clipped to [0, 1]")
    func laney() throws {
        let c = try #require(ProportionChart(successes: [2, 5, 9], trials: [10, 10, 20], method: .laney))
        #expect(abs(c.centre - 0.4) < 1e-15)
        #expect(abs(c.sigmaZ - 0.942177940108144) < 1e-12 && c.note == nil)
        let ten = c.limits(trials: 10), twenty = c.limits(trials: 20)
        #expect(ten.low == 0 && abs(ten.high - 0.8378847365443421) < 1e-12)
        #expect(abs(twenty.low - 0.09036873341141088) < 1e-12 && abs(twenty.high - 0.7096312665885891) < 1e-12)
    }

    @Test("p-chart: σ_z = 1, limits p̄ ± 3·√(p̄(1 − p̄)/n)")
    func pChart() throws {
        let c = try #require(ProportionChart(successes: [2, 5, 9], trials: [10, 10, 20], method: .p))
        #expect(c.sigmaZ == 1)
        let twenty = c.limits(trials: 20)
        #expect(abs(twenty.low - 0.07136646549690034) < 1e-12 && abs(twenty.high - 0.7286335345030996) < 1e-12)
    }

    @Test("edges: empty subgroups are left out; one subgroup or p̄ ∈ {0, 1} gives σ_z = 1 with a note; bad counts give nil")
    func edges() throws {
        let skip = try #require(ProportionChart(successes: [2, 0, 5, 9], trials: [10, 0, 10, 20], method: .laney))
        #expect(abs(skip.sigmaZ - 0.942177940108144) < 1e-12)
        let one = try #require(ProportionChart(successes: [3], trials: [10], method: .laney))
        #expect(one.sigmaZ == 1 && one.note?.contains("fewer than two") == true)
        let none = try #require(ProportionChart(successes: [0, 0], trials: [10, 5], method: .laney))
        #expect(none.sigmaZ == 1 && none.note != nil && none.limits(trials: 10).low == 0 && none.limits(trials: 10).high == 0)
        #expect(ProportionChart(successes: [0], trials: [0], method: .p) == nil)
        #expect(ProportionChart(successes: [11], trials: [10], method: .p) == nil)
    }

    @Test("points in a run longer than round(log₂ n + 3) are marked; points on the centre line are in no run")
    func longRuns() throws {
        // 16 points: 8 below 0, 8 above; the limit is round(4 + 3) = 7, so both runs of 8 are marked.
        let values = [Double](repeating: -1, count: 8) + [Double](repeating: 1, count: 8)
        let r = try #require(RunChartRules(values, centre: 0))
        #expect(r.longestRun == 8 && r.longestRunLimit == 7 && r.runsSignal)
        #expect(r.inLongRun(values) == [Bool](repeating: true, count: 16))
        // A point on the line neither breaks the run nor is in it.
        var onLine = values
        onLine[3] = 0
        let s = try #require(RunChartRules(onLine, centre: 0))
        let marks = s.inLongRun(onLine)
        #expect(marks[3] == false && marks.filter { $0 }.count == 8)  // the lower run has 7 points: not marked
        let alternating = (0..<16).map { $0 % 2 == 0 ? -1.0 : 1.0 }
        #expect(try #require(RunChartRules(alternating, centre: 0)).inLongRun(alternating).allSatisfy { !$0 })
    }

    struct Case: Decodable {
        var name: String, chart: String
        var successes: [Int], trials: [Int]
        var centre: Double, lcl: [Double], ucl: [Double], sigma_signal: [Bool]
        var n_useful: Int, longest_run: Int, longest_run_max: Int, crossings: Int, crossings_min: Int, runs_signal: Bool
    }
    struct PeerFile: Decodable { var cases: [Case] }

    @Test("p and p′ limits, points outside them and the run rules around p̄ match qicharts2's qic(chart = \"p\" | \"pp\")")
    func matchesQicharts2() throws {
        let file = try PeerFixture.load("laney.json", as: PeerFile.self)
        #expect(file.cases.count == 6)
        for k in file.cases {
            let c = try #require(ProportionChart(successes: k.successes, trials: k.trials, method: k.chart == "pp" ? .laney : .p))
            #expect(abs(c.centre - k.centre) <= 1e-13, "\(k.name) \(k.chart)")
            let shares = zip(k.successes, k.trials).map { Double($0) / Double($1) }
            for i in k.trials.indices {
                let l = c.limits(trials: k.trials[i])
                #expect(abs(l.low - k.lcl[i]) <= 1e-12 && abs(l.high - k.ucl[i]) <= 1e-12, "\(k.name) \(k.chart) point \(i)")
                #expect((shares[i] > l.high || shares[i] < l.low) == k.sigma_signal[i], "\(k.name) \(k.chart) point \(i)")
            }
            let r = try #require(RunChartRules(shares, centre: c.centre))
            #expect(r.usefulObservations == k.n_useful && r.longestRun == k.longest_run && r.longestRunLimit == k.longest_run_max, "\(k.name)")
            #expect(r.crossings == k.crossings && r.crossingsLimit == k.crossings_min && r.signal == k.runs_signal, "\(k.name)")
        }
        #expect(file.cases.contains { $0.runs_signal } && file.cases.contains { !$0.runs_signal })
        #expect(file.cases.contains { $0.sigma_signal.contains(true) })
    }
}
