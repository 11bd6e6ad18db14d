// swift-tools-version:6.0
import PackageDescription

// FSIII Effect: Foundation only, no package dependencies (DEVELOPERS.md).
// Five modules, each depending only on the ones before it (docs/MODULES.md):
// FSIIIBytes (unsafe, low-level; nothing public) and FSIIIStatistics, then
// the domain FSIIIEffect, then FSIIIReports and FSIIISampleData. No target
// has unsafe build flags, so the library can be a versioned dependency.
let package = Package(
    name: "FSIIIEffect",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "FSIIIEffect", targets: ["FSIIIEffect", "FSIIIReports", "FSIIIStatistics"]),
        .executable(name: "fsiii", targets: ["fsiii"]),
        .executable(name: "fsiii-bench", targets: ["FSIIIBenchmarks"]),
    ],
    targets: [
        .target(name: "FSIIIBytes", path: "Sources/FSIIIBytes"),
        .target(name: "FSIIIStatistics", path: "Sources/FSIIIStatistics"),
        .target(name: "FSIIIEffect", dependencies: ["FSIIIBytes", "FSIIIStatistics"], path: "Sources/FSIIIEffect"),
        .target(name: "FSIIIReports", dependencies: ["FSIIIEffect", "FSIIIBytes", "FSIIIStatistics"], path: "Sources/FSIIIReports"),
        .target(name: "FSIIISampleData", dependencies: ["FSIIIEffect", "FSIIIBytes", "FSIIIStatistics"], path: "Sources/FSIIISampleData"),
        .executableTarget(name: "fsiii", dependencies: ["FSIIIEffect", "FSIIIReports", "FSIIISampleData", "FSIIIBytes"],
                          path: "Sources/fsiii"),
        .executableTarget(name: "FSIIIBenchmarks", dependencies: ["FSIIIEffect", "FSIIIReports", "FSIIISampleData", "FSIIIBytes"],
                          path: "Benchmarks/FSIIIBenchmarks"),

        // Tests mirror the modules; end-to-end and command-line tests apart.
        // FSIIITestSupport: fixtures, the CLI runner and the reference files,
        // shared by the test targets (package access, no @testable import).
        .target(name: "FSIIITestSupport", dependencies: ["FSIIIEffect", "FSIIIBytes"], path: "Tests/FSIIITestSupport"),
        .testTarget(name: "FSIIIBytesTests", dependencies: ["FSIIIBytes", "FSIIIStatistics", "FSIIITestSupport"],
                    path: "Tests/FSIIIBytesTests"),
        .testTarget(name: "FSIIIStatisticsTests", dependencies: ["FSIIIStatistics", "FSIIITestSupport"],
                    path: "Tests/FSIIIStatisticsTests", exclude: ["Fixtures"]),
        .testTarget(name: "FSIIIEffectTests", dependencies: ["FSIIIEffect", "FSIIIBytes", "FSIIIStatistics", "FSIIITestSupport"],
                    path: "Tests/FSIIIEffectTests", exclude: ["Fixtures"]),
        .testTarget(name: "FSIIIReportsTests",
                    dependencies: ["FSIIIReports", "FSIIIEffect", "FSIIIBytes", "FSIIIStatistics", "FSIIISampleData", "FSIIITestSupport"],
                    path: "Tests/FSIIIReportsTests"),
        .testTarget(name: "FSIIISampleDataTests", dependencies: ["FSIIISampleData", "FSIIIEffect", "FSIIIBytes", "FSIIITestSupport"],
                    path: "Tests/FSIIISampleDataTests"),
        .testTarget(name: "FSIIIEndToEndTests",
                    dependencies: ["FSIIIReports", "FSIIIEffect", "FSIIIBytes", "FSIIIStatistics", "FSIIISampleData", "FSIIITestSupport"],
                    path: "Tests/FSIIIEndToEndTests", exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
