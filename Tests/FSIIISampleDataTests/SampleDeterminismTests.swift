import Foundation
import Testing
import FSIIITestSupport
@testable import FSIIISampleData
import FSIIIEffect

/// `fsiii generate` is deterministic per seed (SampleGenerator): the same
/// spec writes the same bytes, whatever the thread count; another seed
/// writes other data; the counterfactual world has the same schedule.
@Suite("Generated data are deterministic per seed")
struct SampleDeterminismTests {
    static func files(_ spec: SampleSpec) throws -> [String: Data] {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try SampleCSVWriter.write(SampleGenerator(spec), to: folder.path)
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            out[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return out
    }

    static func spec(seed: UInt64) -> SampleSpec {
        var spec = SampleSpec()
        spec.citizens = 200
        spec.seed = seed
        spec.costDetail = .weekly
        return spec
    }

    @Test("the same seed writes the same bytes; another seed other data")
    func sameSeedSameBytes() throws {
        let a = try Self.files(Self.spec(seed: 7)), b = try Self.files(Self.spec(seed: 7)), c = try Self.files(Self.spec(seed: 8))
        #expect(a.keys.sorted() == ["assessments.csv", "costs.csv", "courses.csv", "rates.csv"])
        #expect(a == b)
        #expect(a["assessments.csv"] != c["assessments.csv"] && a["costs.csv"] != c["costs.csv"])
    }

    @Test("a citizen is the same whichever others are generated, and the counterfactual world keeps its courses and dates")
    func perCitizen() throws {
        let g = SampleGenerator(Self.spec(seed: 7))
        var cf = Self.spec(seed: 7)
        cf.counterfactual = true
        let h = SampleGenerator(cf)
        for i in [0, 17, 199] {
            let x = g.citizen(i), y = g.citizen(i), z = h.citizen(i)
            #expect(x.id == y.id && x.assessments.map(\.level) == y.assessments.map(\.level) && x.costs.map(\.minutes) == y.costs.map(\.minutes))
            #expect(z.courses.map(\.id) == x.courses.map(\.id) && z.courses.map(\.start) == x.courses.map(\.start))
            #expect(z.assessments.map(\.day) == x.assessments.map(\.day))
        }
        // Levels differ only where a course's effect reached.
        for i in 0..<200 where g.citizen(i).courses.isEmpty {
            #expect(g.citizen(i).assessments.map(\.level) == h.citizen(i).assessments.map(\.level))
        }
    }
}
