import Foundation
import PackagePlugin

/// Registers every adapter in `Sources/ZenamuAdapters/Systems/` at build time: each Swift type
/// there that conforms to `SourceAdapter`, and each declarative adapter in `Systems/Declared/`
/// (embedded in the binary, so the binary needs no resource folder beside it). Adding a system is
/// adding a file; no list is edited. See docs/ARCHITECTURE.md, "Registration".
@main
struct AdapterRegistryPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let systems = target.directoryURL.appending(path: "Systems")
        let swiftFiles = target.sourceFiles(withSuffix: "swift").map(\.url)
            .filter { $0.path.hasPrefix(systems.path + "/") }
        let declared = systems.appending(path: "Declared")
        let jsonFiles = ((try? FileManager.default.contentsOfDirectory(at: declared, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "json" }
        let inputs = (swiftFiles + jsonFiles).sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "AdapterRegistry+Systems.swift")
        return [
            .buildCommand(
                displayName: "Registering the adapters in Systems/",
                executable: try context.tool(named: "zenamu-adapter-registry").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]),
        ]
    }
}
