import Foundation
import Testing
@testable import FSIIIEffect
@testable import FSIIIBytes
@testable import FSIIIReports
import FSIIITestSupport

/// `--crosswalk FILE` (issue 20) is a CSV file a user writes by hand, and so
/// as hostile an input as an export: the built-in crosswalk written as CSV,
/// mutated by the CSV fuzz test's mutator (odd and CPR-shaped cells,
/// swapped and missing headers, stray quotes, encodings, truncation), then
/// read. A file is used whole or refused: refused, every problem says
/// `file:line` (or names the file) and echoes no CPR number of the file;
/// read, the crosswalk names every legacy condition once and harmonises a
/// report without a crash. `FSIII_FUZZ_CASES` and `FSIII_FUZZ_SEED` as for
/// `CSVFuzz`.
@Suite("CrosswalkFuzz: mutated crosswalk files are read whole or refused, with places and no CPR number")
struct CrosswalkFuzzTests {
    /// The built-in table as the file a user would write (`legacy;simplified;basis`).
    static let base: [UInt8] = {
        var text = "legacy;simplified;basis\n"
        for (legacy, simplified, basis) in Crosswalk.builtInTable {
            text += "\(legacy);\(simplified ?? "");\(basis.rawValue)\n"
        }
        return Array(text.utf8)
    }()

    @Test("the built-in table written as a file reads back as the built-in crosswalk")
    func baseReads() throws {
        let read = try CrosswalkLoader.parse(CSVSmallTable(FileBytes(utf8: Self.base)), shownPath: "crosswalk.csv",
                                             version: "test", terminology: .builtIn)
        let key = { (c: Crosswalk) in c.rows.map { "\($0.legacy)>\($0.simplified.map(String.init(describing:)) ?? "-"):\($0.basis)" } }
        #expect(key(read) == key(Crosswalk.builtIn))
    }

    @Test("mutated crosswalk files: no crash, refused with places or read whole, no CPR number echoed")
    func mutatedFiles() {
        let settings = CSVFuzzSettings.fromEnvironment()
        let started = DispatchTime.now().uptimeNanoseconds
        let legacyCount = Terminology.builtIn.conditions.count { $0.legacyKey != nil }
        // Courses across the model switch, to harmonise with each crosswalk read.
        let dataset = Fixtures.dataset(Fixtures.modelSwitch)
        #expect(dataset.assessments.count == 10, "the model-switch fixture did not import")
        var refused = 0, read = 0
        for k in 0..<settings.cases {
            if let seconds = settings.seconds, Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 > seconds { break }
            let seed = settings.seed &+ UInt64(k)
            var m = CSVFuzzMutator(seed: seed)
            var bytes = Self.base
            for _ in 0..<(1 + m.below(3)) { bytes = m.mutate(bytes) }
            let identifiers = CPRScan.identifiers(in: bytes)
            let replay = "CrosswalkFuzz seed \(seed) (replay: FSIII_FUZZ_SEED=\(seed) FSIII_FUZZ_CASES=1)"
            do {
                let crosswalk = try CrosswalkLoader.parse(CSVSmallTable(FileBytes(utf8: bytes)), shownPath: "crosswalk.csv",
                                                          version: "fuzz", terminology: .builtIn)
                read += 1
                #expect(Set(crosswalk.rows.map(\.legacy)).count == legacyCount && crosswalk.rows.count == legacyCount,
                        "\(replay): \(crosswalk.rows.count) rows for \(legacyCount) legacy conditions")
                var options = ReportOptions()
                options.harmonize = crosswalk
                options.combine = m.pick(LevelCombination.allCases)
                let harmonized = EffectReporter.report(dataset, options: options)
                #expect(harmonized.harmonization != nil, "\(replay): the report was not harmonised")
                #expect(!ReportTable.write(harmonized, language: .en).isEmpty, "\(replay): no table")
            } catch {
                refused += 1
                #expect(!error.problems.isEmpty, "\(replay): refused without a problem")
                for problem in error.problems {
                    #expect(problem.hasPrefix("crosswalk.csv:"),
                            "\(replay): a problem without its place: \(problem.prefix(120))")
                }
                let leaked = CPRScan.leaks(in: error.description, identifiers, embedded: true)
                #expect(leaked.isEmpty, "\(replay): \(leaked.count) CPR number(s) of the file in its problems")
            }
        }
        print("CrosswalkFuzz: \(read + refused) cases from seed \(settings.seed), \(read) read whole, \(refused) refused")
        // A replayed case or a short run may meet one kind only.
        if read + refused >= 100 {
            #expect(read > 0 && refused > 0, "the mutations should leave some files readable and make others wrong")
        }
    }
}
