// swift-tools-version: 6.1
import PackageDescription

/// Compiler settings shared by every Swift target: Swift 6 language mode is the package default;
/// warnings are turned into errors by `.ci/run`, not here, so a local build stays usable mid-edit.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "LaminarDB",
    products: [
        .library(name: "LaminarArrow", targets: ["LaminarArrow"]),
        .library(name: "LaminarCompression", targets: ["LaminarCompression"]),
        .library(name: "LaminarParquet", targets: ["LaminarParquet"]),
        .library(name: "LaminarObjectStore", targets: ["LaminarObjectStore"]),
        .library(name: "LaminarSQL", targets: ["LaminarSQL"]),
        .library(name: "LaminarCore", targets: ["LaminarCore"]),
        .library(name: "LaminarFileFormats", targets: ["LaminarFileFormats"]),
        .library(name: "LaminarConnectors", targets: ["LaminarConnectors"]),
        .library(name: "LaminarStorage", targets: ["LaminarStorage"]),
        .library(name: "LaminarDelta", targets: ["LaminarDelta"]),
        .library(name: "LaminarDB", targets: ["LaminarDB"]),
        .executable(name: "laminar", targets: ["laminar"]),
    ],
    traits: [
        .trait(name: "Delta", description: "Delta Lake tables: reading, writing, sinks and sources."),
        .trait(name: "Iceberg", description: "Apache Iceberg tables: reading, writing, sinks and sources."),
        .trait(name: "Hudi", description: "Apache Hudi tables: reading, writing, sinks and sources."),
        .default(enabledTraits: ["Delta", "Iceberg", "Hudi"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.36.0"),
    ],
    targets: [
        // MARK: C libraries from Debian's -dev packages
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        .systemLibrary(name: "CSnappy", providers: [.apt(["libsnappy-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLZ4", pkgConfig: "liblz4", providers: [.apt(["liblz4-dev"])]),
        .systemLibrary(name: "CBrotli", pkgConfig: "libbrotlidec", providers: [.apt(["libbrotli-dev"])]),
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),

        // MARK: Library modules
        .target(name: "LaminarArrow", swiftSettings: swiftSettings),
        .target(
            name: "LaminarCompression",
            dependencies: ["CZstd", "CSnappy", "CZlib", "CLZ4", "CBrotli"],
            swiftSettings: swiftSettings
        ),
        .target(name: "LaminarParquet", dependencies: ["LaminarArrow", "LaminarCompression"], swiftSettings: swiftSettings),
        .target(name: "LaminarSQL", swiftSettings: swiftSettings),
        .target(
            name: "LaminarCore",
            dependencies: [
                "LaminarArrow", "LaminarSQL",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "LaminarFileFormats", dependencies: ["LaminarArrow"], swiftSettings: swiftSettings),
        .target(
            name: "LaminarConnectors",
            dependencies: ["LaminarArrow", "LaminarCore", "LaminarSQL", "LaminarParquet", "LaminarFileFormats",
                           "LaminarCompression", "LaminarStorage", "LaminarObjectStore",
                           .target(name: "LaminarDelta", condition: .when(traits: ["Delta"]))],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LaminarDelta",
            dependencies: ["LaminarArrow", "LaminarParquet", "LaminarObjectStore", "LaminarCompression", "CZlib"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LaminarStorage",
            dependencies: [
                "LaminarArrow", "LaminarCore", "LaminarObjectStore", "LaminarParquet", "CZlib",
                .target(name: "LaminarDelta", condition: .when(traits: ["Delta"])),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LaminarDB",
            dependencies: ["LaminarArrow", "LaminarCore", "LaminarSQL", "LaminarConnectors", "LaminarStorage", "LaminarObjectStore"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LaminarObjectStore",
            dependencies: [
                "LaminarArrow",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Command-line tool
        .executableTarget(
            name: "laminar",
            dependencies: [
                "LaminarArrow",
                "LaminarParquet",
                "LaminarSQL",
                "LaminarCore",
                "LaminarDB",
                "LaminarObjectStore",
                .target(name: "LaminarDelta", condition: .when(traits: ["Delta"])),
                "CEditLine",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Benchmarks and fuzzing
        .executableTarget(
            name: "ParquetBenchmark",
            dependencies: ["LaminarArrow", "LaminarParquet"],
            path: "Benchmarks/ParquetBenchmark",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "EngineBenchmark",
            dependencies: ["LaminarArrow", "LaminarCore", "LaminarDB"],
            path: "Benchmarks/EngineBenchmark",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "DeltaBenchmark",
            dependencies: ["LaminarArrow", "LaminarCore", "LaminarStorage", "LaminarConnectors", "LaminarSQL"],
            path: "Benchmarks/DeltaBenchmark",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "ParquetFuzzer",
            dependencies: ["LaminarParquet"],
            path: "Fuzz/ParquetFuzzer",
            // The target is one file with `@main`, which SwiftPM only accepts compiled as a library.
            swiftSettings: swiftSettings + [.unsafeFlags(["-parse-as-library"])]
        ),

        // MARK: Tests
        .target(name: "LaminarTestSupport", path: "Tests/LaminarTestSupport", swiftSettings: swiftSettings),
        .testTarget(
            name: "LaminarArrowTests",
            dependencies: ["LaminarArrow", "LaminarTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LaminarCompressionTests",
            dependencies: ["LaminarCompression"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LaminarParquetTests",
            dependencies: ["LaminarParquet", "LaminarCompression", "LaminarTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LaminarObjectStoreTests",
            dependencies: [
                "LaminarObjectStore",
                "LaminarTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "LaminarSQLTests", dependencies: ["LaminarSQL"], swiftSettings: swiftSettings),
        .testTarget(
            name: "LaminarFileFormatsTests",
            dependencies: ["LaminarFileFormats", "LaminarTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LaminarDeltaTests",
            dependencies: ["LaminarDelta", "LaminarArrow", "LaminarParquet", "LaminarObjectStore", "LaminarTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LaminarStorageTests",
            dependencies: [
                "LaminarStorage", "LaminarArrow", "LaminarCore", "LaminarObjectStore", "LaminarTestSupport",
                .product(name: "MetricsTestKit", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LaminarDBTests",
            dependencies: ["LaminarDB", "LaminarCore", "LaminarConnectors", "LaminarSQL", "LaminarArrow", "LaminarParquet",
                           "LaminarStorage", "LaminarObjectStore", "LaminarTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "InteropTests",
            dependencies: ["LaminarTestSupport"],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
