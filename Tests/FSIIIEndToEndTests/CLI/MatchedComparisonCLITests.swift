import Foundation
import Testing
import FSIIIEffect
import FSIIITestSupport

/// `fsiii report --compare-to matched` and its options (issue 18): exit 2
/// with a message that names the option before anything is read.
@Suite("Command line: --compare-to matched", .serialized, .enabled(if: CLIRunner.available, "the fsiii executable was not built: skipped"))
struct MatchedComparisonCLITests {
    static let sample = Fixtures.packageRoot.appendingPathComponent("SampleData").path

    @Test("bad values of --compare-to, --controls, --match-k, --spacing-tolerance are usage errors that name the option")
    func badValues() throws {
        let cases: [([String], String)] = [
            (["--compare-to", "trial"], "--compare-to takes matched"),
            (["--compare-to", "matched", "--controls", "everyone"], "--controls must be one of never-treated, not-yet-treated"),
            (["--compare-to", "matched", "--match-k", "0"], "--match-k needs a whole number from 1 to 100"),
            (["--compare-to", "matched", "--index-window-days", "-5"], "--index-window-days needs a whole number"),
            (["--compare-to", "matched", "--spacing-tolerance", "150"], "--spacing-tolerance needs a number from 0 to 99"),
            (["--match-k", "2"], "--match-k needs --compare-to matched"),
            (["--exact-municipality"], "--exact-municipality needs --compare-to matched"),
        ]
        for (arguments, message) in cases {
            let r = try CLIRunner.run(["report", Self.sample] + arguments)
            #expect(r.status == 2, "\(arguments)")
            #expect(r.stderr.contains(message), "\(arguments): \(r.stderr)")
        }
    }

    @Test("the options are in --help")
    func help() throws {
        let r = try CLIRunner.run(["report", "--help"])
        for name in ["--compare-to", "--controls", "--match-k", "--exact-municipality", "--index-window-days", "--spacing-tolerance"] {
            #expect(r.stdout.contains(name), "\(name)")
        }
    }

    @Test("thin input: when every citizen has a course there is no candidate, and the report says so instead of a zero")
    func noCandidates() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try HandComputedCourses.assessments.write(to: folder.appendingPathComponent("assessments.csv"), atomically: true, encoding: .utf8)
        try HandComputedCourses.courses.write(to: folder.appendingPathComponent("courses.csv"), atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["report", folder.path, "--compare-to", "matched", "--format", "json", "--bootstrap", "50", "--quiet", "--min-cell", "0"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("\"problem\" : \"no candidates") || r.stdout.contains("\"problem\": \"no candidates"))
        #expect(r.stdout.contains("\"effect\" : null") || r.stdout.contains("\"effect\": null"))
    }

    @Test("--bootstrap with --compare-to matched sets the comparison's B without turning the cost comparison on")
    func bootstrapServesTheComparison() throws {
        let r = try CLIRunner.run(["report", Self.sample, "--compare-to", "matched", "--format", "json", "--bootstrap", "50", "--quiet"])
        #expect(r.status == 0 && !r.stdout.contains("\"cost_comparison\""))
        #expect(r.stdout.contains("\"bootstrap\" : 50") || r.stdout.contains("\"bootstrap\": 50"))
        let costs = try CLIRunner.run(["report", Self.sample, "--format", "json", "--bootstrap", "50", "--quiet"])
        #expect(costs.stdout.contains("\"cost_comparison\""))
    }
}
