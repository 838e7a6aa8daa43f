import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory new-adapter NAME`: scaffolds a Swift
/// adapter for the system NAME: its file in Sources/ZenamuAdapters/Systems/ (registered by the
/// build plugin, no list to edit), its fixture folder, and its test, which pass the adapter kit
/// as generated. Then make it read the system's real export (docs/ADAPTERS.md).
@main
struct NewAdapter: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) throws {
        let words = arguments.filter { !$0.hasPrefix("-") }
        guard !words.isEmpty else {
            throw ScaffoldError("give the system's name: swift package --allow-writing-to-package-directory new-adapter \"Studio Box\"")
        }
        let system = words.joined(separator: " ")
        let parts = system.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        guard let first = parts.first, first.first?.isLetter == true else {
            throw ScaffoldError("\"\(system)\" should start with a letter, such as \"Studio Box\".")
        }
        let type = parts.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        let id = parts.map { $0.lowercased() }.joined(separator: "-")
        let root = context.package.directoryURL
        let files: [(URL, String)] = [
            (root.appending(path: "Sources/ZenamuAdapters/Systems/\(type).swift"), Templates.adapter(type: type, id: id, system: system)),
            (root.appending(path: "Tests/ZenamuPipelineTests/Systems/\(type)Tests.swift"), Templates.test(type: type, id: id)),
            (root.appending(path: "fixtures/\(id)/input.csv"), Templates.fixture(system: system)),
            (root.appending(path: "fixtures/\(id)/expected/clients.csv"), Templates.expectedClients),
        ]
        for (url, _) in files where FileManager.default.fileExists(atPath: url.path) {
            throw ScaffoldError("\(url.path) exists already; choose another name or remove it.")
        }
        for (url, text) in files {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            print("created \(url.path.replacingOccurrences(of: root.path + "/", with: ""))")
        }
        print("""

            Next: put a real (anonymised) export in fixtures/\(id)/input.csv, make \(type).swift recognise its
            headers, then run scripts/test; ZENAMU_UPDATE_GOLDENS=1 writes fixtures/\(id)/expected/report.json.
            """)
    }
}

struct ScaffoldError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

enum Templates {
    static func adapter(type: String, id: String, system: String) -> String {
        """
        import ZenamuCore

        /// \(system): <where its export comes from, and what is particular about it>.
        ///
        /// Scaffolded by `new-adapter`: it reads the file as the generic adapter does and recognises it
        /// by one header only \(system) writes. Replace that header with the system's own, and override
        /// the hooks the system needs (`noise`, `extract`, `assembly`, `part`): docs/ADAPTERS.md.
        public struct \(type): SourceAdapter {
            public init() {}

            private let generic = GenericClientList()

            /// A header only \(system) writes (its key: case, accents and punctuation do not count).
            static let ownHeader = HeaderText.key("\(system) Member ID")

            public let description = AdapterDescription(
                id: "\(id)",
                name: "\(system) client list",
                systems: ["\(system)"],
                languages: ["en"],
                fingerprint: "a \\"\(system) Member ID\\" column beside the client's name and e-mail",
                samples: [
                    AdapterSample(
                        name: "One client",
                        csv: \"\"\"
                            \(system) Member ID,Name,Email,Entries
                            1,Ann Example,ann@example.com,3
                            \"\"\",
                        expected: ["Ann Example,ann@example.com,3,,,"]),
                ])

            public func recognise(header: [String]) -> Recognition {
                guard header.contains(where: { HeaderText.key($0) == Self.ownHeader }) else { return .none }
                return Recognition(confidence: 0.95, reasons: ["the \\"\(system) Member ID\\" column"])
            }

            public func mapping(for header: [String]) -> ColumnMapping {
                var mapping = generic.mapping(for: header)
                for index in mapping.columns.indices where HeaderText.key(mapping.columns[index].column.header) == Self.ownHeader {
                    mapping.columns[index].field = .clientID
                    mapping.columns[index].reason = "\(system)'s member id"
                }
                return mapping
            }
        }

        """
    }

    static func test(type: String, id: String) -> String {
        """
        import Testing
        import ZenamuAdapterKit
        import ZenamuAdapters
        import ZenamuTestSupport

        @Suite("\(type) adapter")
        struct \(type)Tests {
            @Test func passesTheAdapterKit() async throws {
                try await AdapterKit.check(\(type)())
            }

            @Test func itsFixtureIsReadAsItsSystem() throws {
                let converted = try ConvertedFixture(fixture: "\(id)")
                #expect(converted.report.system == "\(id)")
                #expect(converted.report.rows.addsUp)
            }
        }

        """
    }

    static func fixture(system: String) -> String {
        "\(system) Member ID,Name,Email,Entries\n1,Ann Example,ann@example.com,3\n2,Ben Example,ben@example.com,\n"
    }

    static let expectedClients = "name and surname,email,entries,credits,phone,consent\r\nAnn Example,ann@example.com,3,,,\r\nBen Example,ben@example.com,,,,\r\n"
}
