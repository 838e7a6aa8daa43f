// swift-tools-version: 6.2
import PackageDescription

// The pipeline, one module per concept:
//   ZenamuCore       schema, issues, table, adapter and sink protocols (pure Swift, no C)
//   ZenamuReaders    bytes -> rows: format by content; CSV (encoding, dialect); XLSX (libzip + Expat);
//                    XLS (FreeXL)
//   ZenamuAdapters   rows -> raw client fields: the generic multilingual adapter, the registry
//   ZenamuRules      raw fields -> ClientRecord + issues: one rule per file, reconciliation
//   ZenamuPhone      libphonenumber behind a small C shim
//   ZenamuSinks      canonical CSV, report.json
//   ZenamuErrorWorkbook  the XLSX error workbook's round trip: written (libxlsxwriter), read back
//   ZenamuStore      the Zenamu store: clients, balances, invitations in SQLite (GRDB)
//   ZenamuMigration  the pipeline that wires the above (convert, import, inspect)
//   zenamu-migrate   the command line
let package = Package(
    name: "zenamu-migrate",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "zenamu-migrate", targets: ["zenamu-migrate"]),
        .library(name: "ZenamuMigration", targets: ["ZenamuMigration"]),
        // The conformance suite an adapter's own tests import (docs/ADAPTERS.md).
        .library(name: "ZenamuAdapterKit", targets: ["ZenamuAdapterKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .target(name: "ZenamuCore"),

        .systemLibrary(name: "CUchardet", pkgConfig: "uchardet",
                       providers: [.apt(["libuchardet-dev"])]),
        .systemLibrary(name: "CLibzip", pkgConfig: "libzip", providers: [.apt(["libzip-dev"])]),
        .systemLibrary(name: "CExpat", pkgConfig: "expat", providers: [.apt(["libexpat1-dev"])]),
        .systemLibrary(name: "CFreeXL", pkgConfig: "freexl", providers: [.apt(["libfreexl-dev"])]),
        .target(name: "ZenamuReaders", dependencies: ["ZenamuCore", "CUchardet", "CLibzip", "CExpat", "CFreeXL"]),

        // Adapters: the generic one, the returned error workbook, and one file per named system in
        // Systems/ (Swift) or Systems/Declared/ (JSON), registered by the build plugin below.
        .target(name: "ZenamuAdapters", dependencies: ["ZenamuCore"], exclude: ["Systems/Declared"],
                plugins: ["AdapterRegistryPlugin"]),
        .executableTarget(name: "zenamu-adapter-registry"),
        .plugin(name: "AdapterRegistryPlugin", capability: .buildTool(), dependencies: ["zenamu-adapter-registry"]),
        // swift package --allow-writing-to-package-directory new-adapter NAME
        .plugin(name: "NewAdapter",
                capability: .command(
                    intent: .custom(verb: "new-adapter", description: "Scaffold a Swift adapter, its fixture folder and its test"),
                    permissions: [.writeToPackageDirectory(reason: "It writes the adapter, its fixture folder and its test.")])),

        // libphonenumber is C++ with protobuf types; a tiny extern "C" shim keeps C++ interop
        // (which crashes the 6.3 compiler on those types and spreads to dependents) out of Swift.
        .target(name: "CPhoneNumber",
                linkerSettings: [.linkedLibrary("phonenumber"), .linkedLibrary("stdc++")]),
        .target(name: "ZenamuPhone", dependencies: ["ZenamuCore", "CPhoneNumber"]),

        .target(name: "ZenamuRules", dependencies: ["ZenamuCore"]),
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter",
                       providers: [.apt(["libxlsxwriter-dev", "zlib1g-dev"])]),
        .target(name: "ZenamuSinks", dependencies: ["ZenamuCore"]),
        // The error workbook's round trip: its layout, writer, hidden sheets, the adapter that reads
        // it back and the account of a reply.
        .target(name: "ZenamuErrorWorkbook", dependencies: ["ZenamuCore", "ZenamuAdapters", "ZenamuSinks", "CXlsxWriter"]),
        // SHA-256 of imported files, for the store's ledger, from OpenSSL's libcrypto.
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .target(name: "ZenamuStore",
                dependencies: ["ZenamuCore", "ZenamuSinks", "CCrypto", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "ZenamuMigration",
                dependencies: ["ZenamuCore", "ZenamuReaders", "ZenamuAdapters", "ZenamuRules",
                               "ZenamuPhone", "ZenamuSinks", "ZenamuErrorWorkbook", "ZenamuStore"]),
        .executableTarget(
            name: "zenamu-migrate",
            dependencies: ["ZenamuMigration", "ZenamuReaders", "ZenamuStore", "ZenamuErrorWorkbook",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]),

        // FreeXL in a process of its own (it can crash on crafted files); the readers run it.
        .executableTarget(name: "zenamu-xls-reader", dependencies: ["ZenamuReaders"]),

        // The reader alone, for bench/run.
        .executableTarget(name: "zenamu-read", dependencies: ["ZenamuCore", "ZenamuReaders"], path: "bench/zenamu-read"),

        // The adapter kit: what every adapter must do, for its author's tests (Swift Testing).
        .target(name: "ZenamuAdapterKit",
                dependencies: ["ZenamuMigration", "ZenamuAdapters", "ZenamuReaders", "ZenamuSinks", "ZenamuErrorWorkbook",
                               .product(name: "PropertyBased", package: "swift-property-based")]),
        .target(name: "ZenamuTestSupport", dependencies: ["ZenamuMigration", "ZenamuAdapters", "ZenamuReaders", "ZenamuStore", "ZenamuErrorWorkbook", "CLibzip"]),
        // Tests by kind, as swift-argument-parser splits its own (docs/TESTING.md): units of one
        // part, the pipeline on the bundled fixtures, and whole processes (`scripts/test --fast`
        // skips those).
        .testTarget(name: "ZenamuUnitTests",
                    dependencies: ["ZenamuTestSupport", "ZenamuMigration", "ZenamuErrorWorkbook", "ZenamuAdapterKit",
                                   .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "ZenamuPipelineTests",
                    dependencies: ["ZenamuTestSupport", "ZenamuMigration", "ZenamuErrorWorkbook", "ZenamuStore", "ZenamuAdapterKit", "zenamu-migrate",
                                   .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "ZenamuEndToEndTests",
                    dependencies: ["ZenamuTestSupport", "ZenamuMigration", "ZenamuErrorWorkbook", "ZenamuStore", "zenamu-migrate"]),
    ],
    cxxLanguageStandard: .cxx17
)

// A warning fails the build, in debug and in release alike: it cannot land unseen.
for target in package.targets where target.type != .system && target.type != .plugin {
    target.swiftSettings = (target.swiftSettings ?? []) + [.treatAllWarnings(as: .error)]
    target.cxxSettings = (target.cxxSettings ?? []) + [.treatAllWarnings(as: .error)]
}
