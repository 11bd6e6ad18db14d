import Foundation
@testable import FSIIIEffect
@testable import FSIIISampleData

/// Small hand-made inputs of the HTML report's tests, with figures chosen
/// so the expected pixels can be worked out by hand (see each test), and
/// the generated sample data for the whole-page tests.
enum HTMLFixtures {
    /// Five teams for the funnel plot. κ = Σvariance / Σexpected = 8 / 32 = 0.25.
    ///
    /// | team   | citizens | O  | E  | Σp(1−p) | O/E  |
    /// |--------|----------|----|----|---------|------|
    /// | Hold A | 10       | 8  | 8  | 2       | 1.00 |
    /// | Hold B | 20       | 24 | 16 | 4       | 1.50 |
    /// | Hold C | 6        | 1  | 4  | 1       | 0.25 |
    /// | Hold D | 3        | 2  | 2  | 0.5     | 1.00 | suppressed (< 5)
    /// | Hold E | 4        | 0  | 2  | 0.5     | 0.00 | suppressed (< 5)
    ///
    /// Two groups are suppressed, so the complementary rule hides no other.
    static func funnelReport(phi: Double) -> EffectReport {
        func group(_ name: String, citizens: Int, observed: Int, expected: Double, variance: Double) -> GroupFigures {
            var g = GroupFigures(group: name)
            g.courses = citizens
            g.citizens = citizens
            g.observed = observed
            g.improved = observed
            g.expected = expected
            g.variance = variance
            g.ratio = Double(observed) / expected
            g.improvedShare = Double(observed) / Double(citizens)
            g.meanChange = 0.5
            return g
        }
        var groups = [
            group("Hold A", citizens: 10, observed: 8, expected: 8, variance: 2),
            group("Hold B", citizens: 20, observed: 24, expected: 16, variance: 4),
            group("Hold C", citizens: 6, observed: 1, expected: 4, variance: 1),
            group("Hold D", citizens: 3, observed: 2, expected: 2, variance: 0.5),
            group("Hold E", citizens: 4, observed: 0, expected: 2, variance: 0.5),
        ]
        var total = group("Total", citizens: 43, observed: 35, expected: 32, variance: 8)
        SmallCellSuppression.apply(&groups, total: &total, minCell: 5)
        for i in groups.indices { Funnel.applyLimits(&groups[i], phi: phi) }
        return report(groups: groups, total: total, phi: phi, evaluation: CourseEvaluation(results: [], pairs: [], windows: CourseWindows()))
    }

    static func report(groups: [GroupFigures], total: GroupFigures, phi: Double, evaluation: CourseEvaluation) -> EffectReport {
        EffectReport(options: ReportOptions(), imports: ImportReport(), evaluation: evaluation, courseCosts: nil, groups: groups,
                     total: total, phi: phi, period: nil, citizenCount: total.citizens, courseSource: .courses)
    }

    /// An evaluable course of one condition, ending on `end`, improved by `change` points.
    static func course(_ index: Int, citizen: Int, end: Day, change: Int) -> CourseResult {
        var r = CourseResult(course: index, citizen: UInt32(citizen), team: 1, municipality: 1, start: end - 60, end: end)
        r.n = 1
        r.baselineSum = 2 + max(0, change)
        r.followUpSum = 2 - min(0, change)
        r.improved = change > 0 ? 1 : 0
        r.worsened = change < 0 ? 1 : 0
        r.unchanged = change == 0 ? 1 : 0
        r.pairs = index..<(index + 1)
        return r
    }

    /// Courses by month of end, one citizen each: (month, courses, improved);
    /// an improved course changes by 1 point, the others by 0.
    static func trendEvaluation(_ months: [(Day, Int, Int)]) -> CourseEvaluation {
        var results: [CourseResult] = []
        for (end, courses, improved) in months {
            for k in 0..<courses {
                results.append(course(results.count, citizen: results.count, end: end, change: k < improved ? 1 : 0))
            }
        }
        return CourseEvaluation(results: results, pairs: [], windows: CourseWindows())
    }

    /// One compared pair per course and citizen: (condition index, changes of its pairs).
    static func conditionEvaluation(_ conditions: [(Int, [Int])]) -> CourseEvaluation {
        var results: [CourseResult] = []
        var pairs: [ConditionPair] = []
        let day = Day(year: 2024, month: 3, day: 1)!
        for (condition, changes) in conditions {
            for change in changes {
                let i = results.count
                results.append(course(i, citizen: i, end: day, change: change))
                pairs.append(ConditionPair(course: Int32(i), condition: ConditionCode(condition), baseline: UInt8(2 + max(0, change)),
                                           followUp: UInt8(2 - min(0, change)), goal: nil, baselineDay: day - 60, followUpDay: day))
            }
        }
        return CourseEvaluation(results: results, pairs: pairs, windows: CourseWindows())
    }
}

/// The sample data of the README (`fsiii generate --citizens 300 --seed 1`),
/// generated once into a temporary folder and read as `fsiii report` reads it.
struct SampleReport: Sendable {
    let folder: URL
    let dataset: Dataset
    let report: EffectReport
    /// The raw citizen ids written to the sample files (CPR-shaped).
    let citizenIDs: [String]

    static let shared: SampleReport? = try? SampleReport(minCell: 5)

    init(minCell: Int) throws {
        var spec = SampleSpec()
        spec.citizens = 300
        spec.seed = 1
        let generator = SampleGenerator(spec)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fsiii-html-\(UUID().uuidString)")
        self.folder = folder
        // The files are read once; remove them so every test run does not
        // leave 300 CPR-shaped citizens behind in the temporary folder.
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try SampleCSVWriter.write(generator, to: folder.path)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        dataset = try DatasetLoader.load(files.map { InputPath(folder.appendingPathComponent($0).path) }, options: ImportOptions())
        var options = ReportOptions()
        options.minCell = minCell
        report = EffectReporter.report(dataset, options: options)
        citizenIDs = (0..<spec.citizens).map { generator.citizen($0).id }
    }

    func report(minCell: Int, grouping: Grouping = .team) -> EffectReport {
        var options = ReportOptions()
        options.minCell = minCell
        options.grouping = grouping
        return EffectReporter.report(dataset, options: options)
    }
}
