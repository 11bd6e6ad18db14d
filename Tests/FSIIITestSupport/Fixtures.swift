import Foundation
import FSIIIEffect
import FSIIIBytes

/// Small in-memory inputs for tests: files as text, loaded the way the CLI
/// loads them.
package enum Fixtures {
    /// An input file: name, kind and content (UTF-8 text, or raw bytes).
    package struct File {
        package var name: String
        package var kind: InputKind
        package var bytes: [UInt8]

        package init(_ name: String, _ kind: InputKind, _ text: String) {
            self.name = name
            self.kind = kind
            self.bytes = Array(text.utf8)
        }

        package init(_ name: String, _ kind: InputKind, bytes: [UInt8]) {
            self.name = name
            self.kind = kind
            self.bytes = bytes
        }
    }

    package static func dataset(_ files: [File], hourlyRate: Double? = nil) -> Dataset {
        DatasetLoader.load(files.map { InputSource(path: $0.name, kind: $0.kind, bytes: FileBytes(utf8: $0.bytes)) },
                           options: ImportOptions(hourlyRate: hourlyRate))
    }

    package static func assessments(_ text: String) -> Dataset {
        dataset([File("assessments.csv", .assessments, text)])
    }

    /// A fresh temporary folder, removed by the caller with `remove`.
    package static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fsiii-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The `Fixtures` folder of the test target that holds `file` (the
    /// committed fixture files sit beside the tests that read them).
    package static func fixtureFolder(_ file: String = #filePath) -> URL {
        var folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        while folder.pathComponents.count > 1 && !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Fixtures").path) {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("Fixtures")
    }

    /// The package root (holds Package.swift and SampleData).
    package static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The rows of a dataset's assessment table as readable tuples.
    package static func rows(_ d: Dataset) -> [(citizen: Int, day: String, condition: String, level: Int, goal: Int?)] {
        let a = d.assessments
        return (0..<(a.citizenStart.count - 1)).flatMap { c in
            a.rows(ofCitizen: c).map { r in
                (c, Day(rawValue: a.day[r]).iso, d.terminology.conditions[Int(a.condition[r])].display, Int(a.level[r]), a.goal(at: r).map(Int.init))
            }
        }
    }
}
