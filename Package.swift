// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "swift-micrograd",
    // Synchronization's Atomic and Mutex (the engine's tapes and leaves, the math library's selection).
    platforms: [.macOS(.v15), .iOS(.v18)],
    products: [
        .library(name: "Micrograd", targets: ["Micrograd"]),
        .library(name: "MicrogradParity", targets: ["MicrogradParity"]),
        .library(name: "MicrogradTorch", targets: ["MicrogradTorch"]),
        .executable(name: "micrograd", targets: ["MicrogradCLI"]),
    ],
    targets: [
        .target(name: "Micrograd"),
        .target(name: "MicrogradParity", dependencies: ["Micrograd"]),
        .target(name: "MicrogradTorch", dependencies: ["Micrograd", "MicrogradParity"]),
        .executableTarget(name: "MicrogradCLI", dependencies: ["Micrograd", "MicrogradParity", "MicrogradTorch"]),
        .executableTarget(name: "MicrogradBenchmark", dependencies: ["Micrograd", "MicrogradTorch"]),
        .testTarget(name: "MicrogradTests", dependencies: ["Micrograd"]),
        .testTarget(name: "ParityTests", dependencies: ["Micrograd", "MicrogradParity"]),
        .testTarget(name: "LiveTorchTests", dependencies: ["Micrograd", "MicrogradParity", "MicrogradTorch"]),
    ],
    swiftLanguageModes: [.v6]
)
