import Foundation

extension CLIRunner {
    /// Runs `script` with `/bin/sh -c` in `folder`, with `$FSIII` the built
    /// executable: for what `Process` cannot arrange — a closed standard
    /// output (`>&-`), a pipe closed early (`| head -c1`), `/dev/full`, a
    /// file-size limit (`ulimit -f`).
    package static func shell(_ script: String, in folder: URL, environment: [String: String] = [:]) throws -> Result {
        var env = environment
        env["FSIII"] = binary.path
        let quoted = "'" + binary.path.replacingOccurrences(of: "'", with: "'\\''") + "'"
        return try runProgram(URL(fileURLWithPath: "/bin/sh"), ["-c", script.replacingOccurrences(of: "$FSIII", with: quoted)], environment: env, in: folder)
    }

    /// Runs any program as `run` runs `fsiii`.
    package static func runProgram(_ program: URL, _ arguments: [String], environment: [String: String] = [:], in folder: URL? = nil) throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("fsiii-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("stdout"), err = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "FSIII_PSEUDONYM_KEY")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        if let folder { process.currentDirectoryURL = folder }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }
}
