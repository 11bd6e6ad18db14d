// swift-tools-version:6.0
import PackageDescription

// FSIII Effect: Foundation only, no package dependencies (DEVELOPERS.md).
let package = Package(
    name: "FSIIIEffect",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "FSIIIEffect", targets: ["FSIIIEffect"]),
        .executable(name: "fsiii", targets: ["fsiii"]),
        .executable(name: "fsiii-bench", targets: ["FSIIIBenchmarks"]),
    ],
    targets: [
        // Dynamic exclusivity checks cost ~5 % on the import's hot path;
        // the library's parallel code is written so that tasks never share
        // mutable state (STYLE.md), which is what the checks would catch.
        .target(name: "FSIIIEffect", path: "Sources/FSIIIEffect",
                swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),
        .executableTarget(name: "fsiii", dependencies: ["FSIIIEffect"], path: "Sources/fsiii"),
        .executableTarget(name: "FSIIIBenchmarks", dependencies: ["FSIIIEffect"], path: "Benchmarks/FSIIIBenchmarks"),
        .testTarget(name: "FSIIIEffectTests", dependencies: ["FSIIIEffect"], path: "Tests/FSIIIEffectTests",
                    exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
