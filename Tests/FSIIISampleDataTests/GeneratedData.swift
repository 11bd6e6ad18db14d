import Foundation
import FSIIITestSupport
@testable import FSIIISampleData
@testable import FSIIIEffect
import FSIIIBytes

/// Generated sample data read back the way `fsiii report` reads it (the
/// CSV files through `DatasetLoader`, the courses through
/// `CourseEvaluator`, SPEC §5–§6), beside what the generator planted: each
/// citizen's latent history (`SampleLife`).
struct GeneratedData {
    let generator: SampleGenerator
    let dataset: Dataset
    let evaluation: CourseEvaluation
    /// The generator's citizens and their histories, by generator index.
    let lives: [(citizen: SampleCitizen, life: SampleLife)]

    init(_ spec: SampleSpec) throws {
        generator = SampleGenerator(spec)
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try SampleCSVWriter.write(generator, to: folder.path)
        dataset = try DatasetLoader.load([InputPath(folder.path)], options: ImportOptions())
        evaluation = CourseEvaluator.evaluate(dataset.courses, assessments: dataset.assessments, citizens: dataset.citizens)
        let g = generator
        lives = Parallel.map(0..<spec.citizens) { g.simulate($0) }
    }

    /// A spec of `citizens` citizens, seed `seed`, the given effect
    /// parameters, the data's usual defects (bad rows, mixed tokens) and no costs.
    static func spec(citizens: Int, seed: UInt64, effect: Double = 0.30, natural: Double = 0.20, decayMonths: Double = 6) -> SampleSpec {
        var spec = SampleSpec()
        spec.citizens = citizens
        spec.seed = seed
        spec.effect = effect
        spec.natural = natural
        spec.decayMonths = decayMonths
        spec.costDetail = .none
        return spec
    }

    /// The generator index of a course id `F<i>-<k>`.
    static func citizenIndex(ofCourse id: String) -> Int? {
        guard id.hasPrefix("F"), let dash = id.firstIndex(of: "-") else { return nil }
        return Int(id[id.index(after: id.startIndex)..<dash])
    }

    /// One evaluable course as the library figures it, split by the truth.
    struct CourseSplit {
        /// `meanChange` (SPEC §6) from the loaded data.
        var observed: Double
        /// The same mean of b − f on the latent levels of the compared
        /// conditions on the baseline and follow-up days.
        var latent: Double
        /// The planted effect's part of `latent`.
        var planted: Double
        /// The first-order regression-to-the-mean part the referral rule
        /// implies (see `expectedRTM`).
        var expectedRTM: Double
        /// Mean days from baseline to follow-up over the compared conditions.
        var span: Double
        /// Referred at the visitation 7–28 days after a drop (a real low
        /// point), the baseline being that referral assessment.
        var atDropVisit: Bool
    }

    /// Every evaluable course split into its parts.
    var courses: [CourseSplit] {
        var out: [CourseSplit] = []
        for r in evaluation.results where r.isEvaluable {
            let course = dataset.courses[r.course]
            guard let i = Self.citizenIndex(ofCourse: course.id),
                  let truth = lives[i].citizen.courses.first(where: { $0.id == course.id })?.truth else { continue }
            let life = lives[i].life
            var latent = 0.0, planted = 0.0
            let pairs = evaluation.pairs[r.pairs]
            for p in pairs {
                guard let k = life.conditions.firstIndex(of: p.condition) else { continue }
                latent += life.latent.level(k, on: p.baselineDay, treated: true) - life.latent.level(k, on: p.followUpDay, treated: true)
                planted += truth.effect(on: p.followUpDay) - truth.effect(on: p.baselineDay)
            }
            let n = Double(pairs.count)
            // RTM only where the baseline is the referral assessment.
            let referredAtBaseline = pairs.allSatisfy { $0.baselineDay == truth.referralDay }
            let rtm = referredAtBaseline ? Self.expectedRTM(life, referral: truth.referralDay, compared: pairs.count) : 0
            let span = pairs.reduce(0.0) { $0 + Double($1.followUpDay - $1.baselineDay) } / n
            let atDrop = referredAtBaseline && truth.dropDay.map { (7...28).contains(truth.referralDay - $0) } == true
            out.append(CourseSplit(observed: r.meanChange, latent: latent / n, planted: planted / n, expectedRTM: rtm, span: span, atDropVisit: atDrop))
        }
        return out
    }

    /// The first-order shift of the baseline's mean noise among those
    /// referred: the referral probability p(η) with η linear in the mean
    /// observed level (slope 1, and 3.5 more through the change since the
    /// previous assessment when there is one), so E[ē | referred] ≈
    /// β(1 − p)·Var(ē), Var(ē) = (σ² + 1/6)/n for n compared conditions
    /// (normal noise σ plus stochastic rounding, whose variance averages 1/6).
    static func expectedRTM(_ life: SampleLife, referral: Day, compared n: Int) -> Double {
        guard let o = life.occasions.firstIndex(where: { $0.day == referral }), let eta = life.referralLogit(at: o) else { return 0 }
        let hasPrevious = life.occasions[..<o].contains { $0.day >= referral - 180 && $0.factualMean != nil }
        let beta = SampleLife.referralLevelSlope + (hasPrevious ? SampleLife.referralChangeSlope : 0)
        let p = 1 / (1 + exp(-eta))
        let variance = (SampleLatent.noise * SampleLatent.noise + 1.0 / 6) / Double(max(1, n))
        return beta * (1 - p) * variance
    }

    /// A citizen's assessment days in the loaded data, each with its levels by condition.
    func occasions(ofDatasetCitizen c: Int) -> [(day: Day, levels: [UInt8: UInt8])] {
        let a = dataset.assessments
        var byDay: [Int32: [UInt8: UInt8]] = [:]
        for r in a.rows(ofCitizen: c) { byDay[a.day[r], default: [:]][a.condition[r]] = a.level[r] }
        return byDay.keys.sorted().map { (Day(rawValue: $0), byDay[$0] ?? [:]) }
    }

    /// One pseudo-course of a citizen without a course: observed and latent mean change.
    struct PseudoCourse {
        var observed: Double
        var latent: Double
        /// Days from the index to the later assessment.
        var span: Double
    }

    /// Pseudo-courses of the citizens without a course, from the loaded
    /// data: an index assessment `index(citizen, occasions)` picks and the
    /// later assessment 8–12 weeks after whose spacing is nearest 70 days;
    /// the change is SPEC §6's over the conditions assessed (0–4) on both.
    func pseudoCourses(index pick: (SampleCitizen, [(day: Day, levels: [UInt8: UInt8])]) -> [Int]) -> [PseudoCourse] {
        var out: [PseudoCourse] = []
        for (citizen, life) in lives where citizen.courses.isEmpty {
            guard let c = dataset.citizens.find(rawID: citizen.id) else { continue }
            let days = occasions(ofDatasetCitizen: c)
            for i in pick(citizen, days) {
                let t0 = days[i].day
                let later = days.indices.filter { days[$0].day - t0 >= 56 && days[$0].day - t0 <= 84 }
                guard let j = later.min(by: { abs(days[$0].day - t0 - 70) < abs(days[$1].day - t0 - 70) }) else { continue }
                var observed = 0, latent = 0.0, n = 0
                for (code, b) in days[i].levels where b <= 4 {
                    guard let f = days[j].levels[code], f <= 4, let k = life.conditions.firstIndex(where: { $0.rawValue == code }) else { continue }
                    observed += Int(b) - Int(f)
                    latent += life.latent.level(k, on: t0, treated: false) - life.latent.level(k, on: days[j].day, treated: false)
                    n += 1
                }
                if n > 0 { out.append(PseudoCourse(observed: Double(observed) / Double(n), latent: latent / Double(n), span: Double(days[j].day - t0))) }
            }
        }
        return out
    }
}

/// Mean and standard error of `xs`.
func meanAndError(_ xs: [Double]) -> (mean: Double, error: Double) {
    let n = Double(xs.count)
    let m = xs.reduce(0, +) / n
    let v = xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / max(1, n - 1)
    return (m, (v / n).squareRoot())
}
