// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "swift-micrograd",
    // The engine's tapes, leaves and math-library selection use the Synchronization module's
    // `Atomic` and `Mutex`, which Apple's systems ship from macOS 15 and iOS 18 on.
    // `MicrogradTorch` and the `micrograd` command start processes, so they build on macOS and
    // Linux only.
    platforms: [.macOS(.v15), .iOS(.v18)],
    products: [
        .library(name: "Micrograd", targets: ["Micrograd"]),
        .library(name: "MicrogradParity", targets: ["MicrogradParity"]),
        .library(name: "MicrogradTorch", targets: ["MicrogradTorch"]),
        .executable(name: "micrograd", targets: ["MicrogradCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .target(name: "Micrograd"),
        .target(name: "MicrogradParity", dependencies: ["Micrograd"]),
        .target(name: "MicrogradTorch", dependencies: ["Micrograd", "MicrogradParity"]),
        .executableTarget(
            name: "MicrogradCLI",
            dependencies: [
                "Micrograd", "MicrogradParity", "MicrogradTorch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(name: "MicrogradBenchmark", dependencies: ["Micrograd", "MicrogradTorch"]),
        // What every test target shares (as swift-numerics' `_TestSupport`): the bit-identity and
        // ulp assertions, on the package's one `UlpDistance`, and the package-root lookup.
        .target(name: "TestSupport", dependencies: ["MicrogradParity"], path: "Tests/TestSupport"),
        .testTarget(name: "MicrogradTests", dependencies: ["Micrograd", "TestSupport"]),
        .testTarget(name: "ParityTests", dependencies: ["Micrograd", "MicrogradParity", "TestSupport"]),
        .testTarget(name: "LiveTorchTests", dependencies: ["Micrograd", "MicrogradParity", "MicrogradTorch", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["MicrogradCLI", "Micrograd", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
