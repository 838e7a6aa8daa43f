import Foundation
import ZenamuCore

/// Every adapter that ships with the binary, by id. `--system auto` asks each to recognise the file.
///
/// Nothing here lists the systems: the build plugin (Plugins/AdapterRegistryPlugin) registers each
/// Swift adapter in `Systems/` and embeds each declaration in `Systems/Declared/`, so adding a
/// system is adding one file.
public enum AdapterRegistry {
    /// Named systems first, so that on a tie the system that knows the file wins over the words.
    /// (`AdapterRegistry.all`, in ZenamuMigration, adds the returned error workbook's reader.)
    public static let bundled: [any SourceAdapter] = systemAdapters + declaredAdapters + [GenericClientList()]

    /// The bundled declarations. Each is checked by the adapter kit's tests, so one that does not
    /// decode cannot ship; were it to, it is left out rather than stopping every run.
    static let declaredAdapters: [any SourceAdapter] = bundledDeclarations.compactMap { file, json in
        (try? AdapterDeclaration.decode(Data(json.utf8), file: file)).map(DeclarativeAdapter.init)
    }

    /// The bundled declarations, decoded one by one, with the error of any that fails.
    public static func checkBundledDeclarations() -> [(file: String, result: Result<AdapterDeclaration, DeclarationError>)] {
        bundledDeclarations.map { file, json in
            (file, Result { try AdapterDeclaration.decode(Data(json.utf8), file: file) }.mapError { $0 as! DeclarationError })
        }
    }

    /// The declarative adapters in `folder` (its `.json` files, by name), for `--adapters DIR`.
    public static func declarations(in folder: URL) throws -> [any SourceAdapter] {
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension.lowercased() == "json" }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        } catch {
            throw DeclarationError(file: folder.path, reason: "the folder of adapters cannot be read.")
        }
        return try files.map { try declaration(at: $0) }
    }

    /// One declarative adapter file.
    public static func declaration(at file: URL) throws -> DeclarativeAdapter {
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw DeclarationError(file: file.path, reason: "the file cannot be read.")
        }
        return DeclarativeAdapter(try AdapterDeclaration.decode(data, file: file.lastPathComponent))
    }

    /// The user's own folder of declarative adapters, read on every run when it exists:
    /// `$XDG_CONFIG_HOME/zenamu-migrate/adapters`, else `~/.config/zenamu-migrate/adapters`.
    public static var userFolder: URL {
        let environment = ProcessInfo.processInfo.environment
        let config = environment["XDG_CONFIG_HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".config")
        return config.appendingPathComponent("zenamu-migrate/adapters")
    }
}
