// swift-tools-version:6.0
import PackageDescription

// A consumer of the FSIII Effect library that depends on it by version, as
// any other package would. The URL stands for wherever the repository is
// published; `.ci/run` maps it (a SwiftPM mirror) to a tagged clone of this
// repository and builds and runs the example against that.
let package = Package(
    name: "TeamFigures",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://git.example.org/fsiii-effect.git", from: "0.1.0"),
    ],
    targets: [
        .executableTarget(name: "TeamFigures", dependencies: [.product(name: "FSIIIEffect", package: "fsiii-effect")],
                          path: "Sources/TeamFigures"),
    ],
    swiftLanguageModes: [.v6]
)
