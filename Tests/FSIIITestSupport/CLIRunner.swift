import Foundation

/// Runs the `fsiii` executable that `swift test` builds beside the tests.
package enum CLIRunner {
    package struct Result {
        package var status: Int32
        package var stdout: String
        package var stderr: String
    }

    /// The built `fsiii`, next to the test bundle.
    package static var binary: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if folder.lastPathComponent.hasSuffix(".xctest") { folder = folder.deletingLastPathComponent() }
        return folder.appendingPathComponent("fsiii")
    }

    package static var available: Bool { FileManager.default.isExecutableFile(atPath: binary.path) }

    package static func run(_ arguments: [String], environment: [String: String] = [:], in folder: URL? = nil) throws -> Result {
        try runProgram(binary, arguments, environment: environment, in: folder)
    }
}
