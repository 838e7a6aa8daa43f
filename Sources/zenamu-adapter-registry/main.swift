import Foundation

// Writes the registry of the adapters in Systems/ (run by AdapterRegistryPlugin at build time):
//   zenamu-adapter-registry OUTPUT FILE...
// A Swift file contributes each `struct Name: SourceAdapter` it declares (built with `Name()`);
// a JSON file is embedded whole, to be decoded as a declarative adapter when the registry loads.

let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: zenamu-adapter-registry OUTPUT FILE...\n".utf8))
    exit(64)
}
let files = arguments.dropFirst().sorted { ($0 as NSString).lastPathComponent < ($1 as NSString).lastPathComponent }

/// `struct Name: …SourceAdapter…` at the start of a line, public or not.
let conformance = try NSRegularExpression(
    pattern: #"^(?:public\s+|internal\s+)?struct\s+([A-Za-z_][A-Za-z0-9_]*)\s*:[^{]*\bSourceAdapter\b"#,
    options: [.anchorsMatchLines])

var types: [String] = []
var declarations: [(file: String, json: String)] = []
for file in files {
    let text = try String(contentsOfFile: file, encoding: .utf8)
    let name = (file as NSString).lastPathComponent
    if file.hasSuffix(".swift") {
        let range = NSRange(text.startIndex..., in: text)
        for match in conformance.matches(in: text, range: range) {
            if let type = Range(match.range(at: 1), in: text) { types.append(String(text[type])) }
        }
    } else if file.hasSuffix(".json") {
        declarations.append((name, text))
    }
}

/// A raw string literal that holds `text` whatever it contains.
func literal(_ text: String) -> String {
    var hashes = "#"
    while text.contains("\"" + hashes) || text.contains(hashes.dropLast() + "\"\"\"") { hashes += "#" }
    return hashes + "\"\"\"\n" + text + (text.hasSuffix("\n") ? "" : "\n") + "\"\"\"" + hashes
}

var source = """
    // Generated at build time by AdapterRegistryPlugin from Sources/ZenamuAdapters/Systems/. Do not edit.
    import ZenamuCore

    extension AdapterRegistry {
        /// The Swift adapters of Systems/, in file order.
        static let systemAdapters: [any SourceAdapter] = [

    """
for type in types { source += "        \(type)(),\n" }
source += """
        ]

        /// The declarative adapters of Systems/Declared/, as written.
        static let bundledDeclarations: [(file: String, json: String)] = [

    """
for declaration in declarations {
    source += "        (\"\(declaration.file)\", \(literal(declaration.json))),\n"
}
source += "    ]\n}\n"
try source.write(toFile: output, atomically: true, encoding: .utf8)
