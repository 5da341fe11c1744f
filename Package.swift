// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "swift-micrograd",
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
        .executableTarget(name: "MicrogradCLI", dependencies: ["Micrograd", "MicrogradParity"]),
        .executableTarget(name: "MicrogradBenchmark", dependencies: ["Micrograd"]),
        .testTarget(name: "MicrogradTests", dependencies: ["Micrograd"]),
        .testTarget(name: "ParityTests", dependencies: ["Micrograd", "MicrogradParity"]),
        .testTarget(name: "LiveTorchTests", dependencies: ["Micrograd", "MicrogradParity", "MicrogradTorch"]),
    ],
    swiftLanguageModes: [.v6]
)
