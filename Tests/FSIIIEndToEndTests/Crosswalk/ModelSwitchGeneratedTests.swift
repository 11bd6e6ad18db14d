import Foundation
import Testing
import FSIIIBytes
@testable import FSIIIEffect
import FSIIISampleData
import FSIIIStatistics
import FSIIITestSupport

/// Issue 20 on generated data: municipalities switch to the simplified
/// model at staggered dates (`fsiii generate --switch-date`), with a
/// planted jump of zero. Without `--harmonize` the straddling courses are
/// `model_switch`; with it they are compared, and the mean change of the
/// courses ending in the three months before a switch and the three months
/// after differs by no more than chance.
@Suite("Model switch on generated data (issue 20)")
struct ModelSwitchGeneratedTests {
    /// Switches 2024-06-01, 2024-09-29 and 2025-01-27: all three inside the period.
    static func data(seed: UInt64, staggerDays: Int = 120) throws -> (folder: URL, generator: SampleGenerator) {
        var spec = SampleSpec()
        spec.switchStaggerDays = staggerDays
        spec.citizens = 2000
        spec.seed = seed
        spec.costDetail = .none
        spec.badRows = false
        spec.switchDate = Day(year: 2024, month: 6, day: 1)
        let folder = try Fixtures.temporaryFolder()
        let generator = SampleGenerator(spec)
        _ = try SampleCSVWriter.write(generator, to: folder.path)
        return (folder, generator)
    }

    static func report(_ folder: URL, harmonize: Bool) throws -> EffectReport {
        var o = ReportOptions()
        o.minCell = 0
        if harmonize { o.harmonize = .builtIn }
        return EffectReporter.report(try DatasetLoader.load([InputPath(folder.path)]), options: o)
    }

    @Test("the generator's switch: legacy conditions only before a municipality's date, simplified ones after")
    func generatorSwitches() throws {
        let (folder, generator) = try Self.data(seed: 11)
        defer { try? FileManager.default.removeItem(at: folder) }
        let d = try DatasetLoader.load([InputPath(folder.path)])
        let models = ConditionModels(d.terminology)
        var before = (legacy: 0, simplified: 0), after = (legacy: 0, simplified: 0)
        let municipalityOfName = Dictionary(uniqueKeysWithValues: SampleNames.municipalities.enumerated().map { ($1, $0) })
        for r in 0..<d.assessments.count {
            let name = d.municipalities.names[Int(d.assessments.municipality[r])]
            guard let m = municipalityOfName[name], let switchDay = generator.switchDay(municipality: m) else { continue }
            let bits = models.bits(d.assessments.condition[r])
            if d.assessments.day[r] < switchDay.rawValue {
                if bits == ConditionModels.legacy { before.legacy += 1 } else if bits == ConditionModels.simplified { before.simplified += 1 }
            } else {
                if bits == ConditionModels.legacy { after.legacy += 1 } else if bits == ConditionModels.simplified { after.simplified += 1 }
            }
        }
        #expect(before.legacy > 1000 && before.simplified == 0)
        #expect(after.simplified > 1000 && after.legacy == 0)
        #expect(generator.switchDay(municipality: 2) == Day(year: 2025, month: 1, day: 27))
    }

    @Test("without --harmonize straddling courses are model_switch; with it none is, and they are compared")
    func reasonAndHarmonised() throws {
        let (folder, _) = try Self.data(seed: 12)
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = try Self.report(folder, harmonize: false)
        let harmonised = try Self.report(folder, harmonize: true)
        let switched = plain.total.notEvaluable.modelSwitch
        #expect(switched >= 3, "some courses straddle a switch")
        #expect(harmonised.total.notEvaluable.modelSwitch == 0)
        // Each model_switch course is compared once harmonised (or, rarely, lacks a follow-up of a mapped condition).
        let ids = plain.courses.indices.filter { plain.courses[$0].notEvaluable == .modelSwitch }
        let nowEvaluable = ids.filter { harmonised.courses[$0].isEvaluable }.count
        #expect(nowEvaluable * 10 >= switched * 8)
        #expect(harmonised.total.courses >= plain.total.courses + nowEvaluable - 1)
    }

    @Test("only some municipalities switch: model_switch courses only where a switch falls in the course")
    func someMunicipalitiesSwitch() throws {
        // 2024-06-01 and 2025-07-26 inside the period (ends 2025-09-30), the third never.
        let (folder, generator) = try Self.data(seed: 13, staggerDays: 420)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(generator.switchDay(municipality: 0) != nil && generator.switchDay(municipality: 1) != nil)
        #expect(generator.switchDay(municipality: 2) == nil)
        let plain = try Self.report(folder, harmonize: false)
        var switchedBy: [String: Int] = [:], coursesBy: [String: Int] = [:]
        for c in plain.courses {
            let name = plain.name(of: MunicipalityID(c.municipality))
            coursesBy[name, default: 0] += 1
            if c.notEvaluable == .modelSwitch { switchedBy[name, default: 0] += 1 }
        }
        let names = SampleNames.municipalities
        #expect((coursesBy[names[2]] ?? 0) > 50, "the non-switching municipality has courses")
        #expect(switchedBy[names[2]] == nil, "no model_switch where the model never changes")
        #expect((switchedBy[names[0]] ?? 0) + (switchedBy[names[1]] ?? 0) == plain.total.notEvaluable.modelSwitch)
        #expect((switchedBy[names[0]] ?? 0) >= 1 && (switchedBy[names[1]] ?? 0) >= 1)
        let harmonised = try Self.report(folder, harmonize: true)
        #expect(harmonised.total.notEvaluable.modelSwitch == 0)
    }

    /// Welch's difference of the mean change of the courses ending in the
    /// 91 days before and after `day`: (difference, 95 % half-width).
    static func jump(_ r: EffectReport, municipality: String, at day: Day) -> (Double, Double)? {
        var before: [Double] = [], after: [Double] = []
        for c in r.courses where c.isEvaluable && r.name(of: MunicipalityID(c.municipality)) == municipality {
            guard let end = c.end else { continue }
            let change = c.meanChange
            if end < day && day - end <= 91 { before.append(change) }
            if end >= day && end - day < 91 { after.append(change) }
        }
        guard before.count >= 5, after.count >= 5,
              let a = MeanSummary(before), let b = MeanSummary(after) else { return nil }
        let va = (a.standardDeviation ?? 0) * (a.standardDeviation ?? 0), vb = (b.standardDeviation ?? 0) * (b.standardDeviation ?? 0)
        let se = (va / Double(before.count) + vb / Double(after.count)).squareRoot()
        return (b.mean - a.mean, 1.96 * se)
    }

    @Test("harmonised: no jump at the switch beyond chance (planted zero), over 6 seeds and the switching municipalities")
    func noJumpAtSwitch() throws {
        var covered = 0, total = 0
        for seed in UInt64(21)...26 {
            let (folder, generator) = try Self.data(seed: seed)
            defer { try? FileManager.default.removeItem(at: folder) }
            let r = try Self.report(folder, harmonize: true)
            for (m, name) in SampleNames.municipalities.enumerated() {
                guard let day = generator.switchDay(municipality: m), let (difference, halfWidth) = Self.jump(r, municipality: name, at: day) else { continue }
                total += 1
                if abs(difference) <= halfWidth { covered += 1 }
            }
        }
        #expect(total >= 12)
        // A 95 % interval covers 0 in about 95 % of cases: at least 80 % here.
        #expect(covered * 10 >= total * 8, "\(covered) of \(total)")
    }
}
