// swift-tools-version:6.2
import PackageDescription

// Our modules reach generic types' metadata through accessors given the conformances the compiler already knows,
// not through mangled names the runtime decodes: decoding `KeyedDecodingContainer<X.CodingKeys>` or `[String: Y]` by
// name checks `X.CodingKeys: CodingKey` or `String: Hashable` with a scan of every conformance record in the binary
// (~14,000, ~60 µs each), ~120 of the ~290 look-ups a cold start paid before its catalog (BENCHMARKS.md, "The
// catalog sooner", run N). Code generation only; what the code does is the same.
let metadataByAccessor: [SwiftSetting] = [
    .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"])
]

let package = Package(
    name: "storefront-tui",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "storefront", targets: ["storefront"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.8.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // The only C door: ncursesw, wide-character API on.
        .systemLibrary(
            name: "CNCurses",
            path: "Sources/CNCurses",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // libqrencode, for the payment QR code.
        .systemLibrary(
            name: "CQREncode",
            path: "Sources/CQREncode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        // libcurl, for HTTPS with a CA of the user's choosing (URLSession on Linux offers none).
        .systemLibrary(
            name: "CCurl",
            path: "Sources/CCurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(
            name: "StorefrontAPI",
            dependencies: [
                "CCurl",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: metadataByAccessor
        ),
        .target(
            name: "ShopCore",
            dependencies: ["StorefrontAPI"],
            swiftSettings: metadataByAccessor
        ),
        .target(
            name: "ShopTUI",
            dependencies: ["StorefrontAPI", "ShopCore", "CNCurses", "CQREncode"],
            swiftSettings: metadataByAccessor
        ),
        .target(
            name: "Sandbox",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: metadataByAccessor
        ),
        // What ShopCore's and ShopTUI's tests share: the exhaustive TestStore, the fixtures, the unimplemented
        // and offline APIs and the recording stub.
        .target(
            name: "ShopTestSupport",
            dependencies: ["StorefrontAPI", "ShopCore"],
            path: "Tests/ShopTestSupport"
        ),
        // The SSH kiosk's pure parts: sshd_config, visitor identity, settings file, scripted requests.
        .target(
            name: "Kiosk",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: metadataByAccessor
        ),
        .executableTarget(
            name: "storefront",
            dependencies: [
                "StorefrontAPI", "ShopCore", "ShopTUI", "Sandbox", "Kiosk",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: metadataByAccessor,
            // Release on Linux: the Swift runtime and Foundation linked into the binary instead of bound at every
            // start against their shared libraries (BENCHMARKS.md, "The catalog sooner", run I). `-static-stdlib`
            // alone misses Foundation's own static dependencies (swiftlang/swift-package-manager#10564), so they
            // are named; the system libraries stay shared, and libcurl is loaded when first used (CCurl's shim).
            // `--no-export-dynamic` undoes the toolchain's `-export-dynamic` for static links: 48,000 symbols in the
            // dynamic table made every start pay for them (the loader's look-ups, the runtime's backtracer scanning
            // them with `dladdr`); nothing looks a symbol up in the executable (`--version` 8.6 -> 7.3 ms, run N).
            linkerSettings: [
                .unsafeFlags(
                    [
                        "-static-stdlib", "-lFoundation", "-lCoreFoundation", "-lFoundationInternationalization",
                        "-lFoundationEssentials", "-l_FoundationCollections", "-l_FoundationCShims", "-l_FoundationICU",
                        "-Xlinker", "--no-export-dynamic",
                    ], .when(platforms: [.linux], configuration: .release))
            ],
            plugins: ["GitCommit"]
        ),
        // `GitCommit.id` for --version: the commit the binary was built from.
        .plugin(name: "GitCommit", capability: .buildTool()),
        .testTarget(
            name: "StorefrontAPITests",
            dependencies: [
                "StorefrontAPI", "Sandbox",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["VendorExamples"]
        ),
        .testTarget(name: "ShopCoreTests", dependencies: ["ShopCore", "ShopTestSupport"]),
        .testTarget(
            name: "ShopTUITests",
            dependencies: ["ShopTUI", "ShopCore", "StorefrontAPI", "ShopTestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "SandboxTests",
            dependencies: ["Sandbox", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "SupportTests",
            dependencies: ["ShopCore", "Sandbox", "StorefrontAPI", .product(name: "GRDB", package: "GRDB.swift")],
            // Recordings made by earlier builds (RecordingCompatibilityTests).
            exclude: ["Recordings"]
        ),
        .testTarget(name: "KioskTests", dependencies: ["Kiosk"]),
        // The executable's own parts (store profiles), through @testable import.
        .testTarget(name: "StorefrontCommandTests", dependencies: ["storefront"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "Sandbox", "StorefrontAPI", .product(name: "GRDB", package: "GRDB.swift"),
                // A small loopback store answering what a test scripts (`storefront doctor` on broken products).
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
    ]
)
