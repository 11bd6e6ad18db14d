import Foundation
import Testing
@testable import FSIIIEffect
@testable import FSIIIBytes
@testable import FSIIIReports
import FSIIITestSupport

/// `--terminology FILE` reads a FHIR CodeSystem a user downloads (or
/// edits): a small FSIII CodeSystem (the shape of KL's, two conditions),
/// mutated by the KL Gateway fuzz test's JSON mutator (members deleted,
/// duplicated, renamed and swapped, values replaced with any JSON value,
/// CPR numbers as keys), then loaded. Refused, it says why in a
/// `TerminologyError`; loaded, it has conditions and the six levels, and an
/// assessments file read against it is accounted for row by row and
/// reported. `FSIII_FUZZ_CASES` and `FSIII_FUZZ_SEED` as for `CSVFuzz`.
@Suite("CodeSystemFuzz: mutated terminologies are loaded whole or refused, and what loads can be reported")
struct CodeSystemFuzzTests {
    /// The small CodeSystem of the terminology tests (`Fixtures.smallCodeSystem`).
    static let base = Fixtures.smallCodeSystem

    /// Two citizens with a course each, assessed on both conditions by name, J key and code.
    static let assessments = """
    citizen;date;condition;level;team
    0101401234;2024-01-10;Vaske sig;3;Hold A
    0101401234;2024-01-10;c-2;l2;Hold A
    0101401234;2024-03-20;J1.1;1;Hold A
    0101401234;2024-03-20;Ny tilstand;l1;Hold A
    0202504321;2024-01-12;Vaske sig;2;Hold A
    0202504321;2024-03-12;c-1;B1;Hold A

    """
    static let courses = "citizen;start;end;team\n0101401234;2024-01-15;2024-03-15;Hold A\n0202504321;2024-01-15;2024-03-01;Hold A\n"

    @Test("the unmutated CodeSystem loads, and its assessments are reported")
    func baseLoads() throws {
        let terminology = try CodeSystemLoader.terminology(from: try JSONParser.parse(Self.base))
        let dataset = Self.load(terminology)
        #expect(dataset.report[.assessments].accepted == 6)
        #expect(EffectReporter.report(dataset, options: ReportOptions()).total.courses == 2)
    }

    static func load(_ terminology: Terminology) -> Dataset {
        DatasetLoader.load([InputSource(path: "assessments.csv", kind: .assessments, bytes: FileBytes(utf8: Array(assessments.utf8))),
                            InputSource(path: "courses.csv", kind: .courses, bytes: FileBytes(utf8: Array(courses.utf8)))],
                           options: ImportOptions(terminology: terminology))
    }

    @Test("mutated CodeSystems: no crash; refused with a reason, or loaded with conditions and six levels and reported")
    func mutatedCodeSystems() throws {
        let settings = CSVFuzzSettings.fromEnvironment()
        let started = DispatchTime.now().uptimeNanoseconds
        let base = try JSONParser.parse(Self.base)
        var loaded = 0, refused = 0
        for k in 0..<settings.cases {
            if let seconds = settings.seconds, Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 > seconds { break }
            let seed = settings.seed &+ UInt64(k)
            let replay = "CodeSystemFuzz seed \(seed) (replay: FSIII_FUZZ_SEED=\(seed) FSIII_FUZZ_CASES=1)"
            var m = FHIRMutator(seed: seed)
            m.hugeStringBytes = 1 << 16
            var document = base
            for _ in 0..<(1 + m.below(4)) { m.mutateAnywhere(&document, depth: 0) }
            // Through the bytes, as a file is read: a damaged file must fail to parse with a reason.
            var bytes = m.serialize(document, pretty: m.chance(0.5))
            if m.chance(0.1) { m.damage(&bytes) }
            let value: JSONValue
            do { value = try JSONParser.parse(bytes) } catch { refused += 1; continue }
            do {
                let terminology = try CodeSystemLoader.terminology(from: value)
                loaded += 1
                #expect(!terminology.conditions.isEmpty && terminology.levels.count == 6, "\(replay): loaded without conditions or levels")
                let dataset = Self.load(terminology)
                for kind in [InputKind.assessments, .courses] {
                    #expect(dataset.report[kind].balances, "\(replay): \(kind.rawValue) does not balance: \(dataset.report[kind].identity)")
                }
                let report = EffectReporter.report(dataset, options: ReportOptions())
                #expect(!ReportTable.write(report, language: .en).isEmpty && !ReportJSON.write(report).isEmpty, "\(replay): no output")
            } catch {
                refused += 1
                #expect(!error.message.isEmpty, "\(replay): refused without a reason")
            }
        }
        print("CodeSystemFuzz: \(loaded + refused) cases from seed \(settings.seed), \(loaded) loaded, \(refused) refused")
        if loaded + refused >= 100 {
            #expect(loaded > 0 && refused > 0, "the mutations should leave some CodeSystems loadable and make others wrong")
        }
    }
}
