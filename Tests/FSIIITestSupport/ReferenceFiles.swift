import Foundation

/// Where the shared reference files live, for tests that check against them
/// when they are present (`/work/shared/reference` on the team machine; a
/// fresh clone has none, and those tests are skipped, visibly).
package enum ReferenceFiles {
    /// The reference folder: `$FSIII_REFERENCE` when set, else
    /// `../shared/reference` beside the package root (the folder holding
    /// Package.swift, found by walking up from this file). nil when that
    /// folder does not exist.
    package static var directory: URL? {
        let candidate: URL
        if let override = ProcessInfo.processInfo.environment["FSIII_REFERENCE"], !override.isEmpty {
            candidate = URL(fileURLWithPath: override, isDirectory: true)
        } else if let root = packageRoot {
            candidate = root.deletingLastPathComponent()
                .appendingPathComponent("shared", isDirectory: true)
                .appendingPathComponent("reference", isDirectory: true)
        } else {
            return nil
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
              isDirectory.boolValue else { return nil }
        return candidate
    }

    /// The nearest folder above this source file that holds Package.swift.
    package static var packageRoot: URL? {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.pathComponents.count > 1 {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                return folder
            }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    /// The KL Gateway bundles (`klgateway/*.json`), sorted; empty when absent.
    package static let klgatewayBundles: [String] = {
        guard let folder = directory?.appendingPathComponent("klgateway", isDirectory: true),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return [] }
        return names.filter { $0.hasSuffix(".json") }.sorted().map { folder.appendingPathComponent($0).path }
    }()
}
