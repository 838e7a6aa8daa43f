import ZenamuAdapters
import ZenamuCore
import ZenamuErrorWorkbook

extension AdapterRegistry {
    /// Every adapter a run can choose from: the bundled systems and the generic list, then the
    /// reader of the error workbook this tool writes (it lives with its writer, in ZenamuErrorWorkbook).
    public static let all: [any SourceAdapter] = bundled + [ReturnedErrorWorkbook()]

    public static func adapter(id: String) -> (any SourceAdapter)? {
        all.first { $0.id == id }
    }

    public static var ids: [String] { all.map(\.id) }
}
