import Foundation
import Testing
@testable import FSIIIEffect

@Suite("Reference example: medium import")
struct MediumImportTests {
    static var medium: String? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let dir = root.appendingPathComponent("../shared/reference/examples/medium").standardized.path
        return FileManager.default.fileExists(atPath: dir) ? dir : nil
    }

    @Test(.enabled(if: medium != nil, "../shared/reference not found: skipped"))
    func accounting() throws {
        let data = try DatasetLoader.load([InputPath(Self.medium!)], options: ImportOptions(showProgress: false))
        let a = data.report[.assessments]
        #expect(a == ImportCounts(read: 2987, accepted: 2968, rejected: 6, superseded: 3, removed: 10))
        for p in data.report.problems { print(p) }
        print(data.report.counts)
    }
}
