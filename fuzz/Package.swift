// swift-tools-version: 6.2
import PackageDescription

// libFuzzer targets for zenamu-migrate's readers and pipeline, built only by fuzz/run with
// `-sanitize=fuzzer,address`: they link libFuzzer, so they cannot live in the main package, whose
// `swift build` builds every target. Each target's main hands itself to libFuzzer's driver.
let package = Package(
    name: "zenamu-fuzz",
    dependencies: [.package(name: "zenamu-migrate", path: "..")],
    targets: [
        .target(name: "CFuzzer"),
        .target(name: "FuzzHarness", dependencies: [.product(name: "ZenamuMigration", package: "zenamu-migrate")]),
        .executableTarget(name: "fuzz-csv", dependencies: ["CFuzzer", "FuzzHarness"]),
        .executableTarget(name: "fuzz-xlsx", dependencies: ["CFuzzer", "FuzzHarness"]),
        .executableTarget(name: "fuzz-xls", dependencies: ["CFuzzer", "FuzzHarness"]),
        .executableTarget(name: "fuzz-returned-workbook", dependencies: ["CFuzzer", "FuzzHarness"]),
    ]
)
