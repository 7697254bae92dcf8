// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "pmlang",
    products: [
        .library(name: "PMLang", targets: ["PMLang"]),
        .library(name: "PMRuntime", targets: ["PMRuntime"]),
        .executable(name: "pmlint", targets: ["pmlint"]),
        .executable(name: "pmrun", targets: ["pmrun"]),
    ],
    targets: [
        .target(name: "PMLang"),
        .target(name: "PMRuntime", dependencies: ["PMLang"]),
        .executableTarget(name: "pmlint", dependencies: ["PMLang"]),
        .executableTarget(name: "pmrun", dependencies: ["PMRuntime"]),
        .testTarget(name: "PMLangTests", dependencies: ["PMLang", "PMRuntime"]),
    ]
)
