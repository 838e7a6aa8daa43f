import ZenamuCore

/// Every source adapter, by id. `--system auto` asks each to recognise the header.
public enum AdapterRegistry {
    public static let all: [any SourceAdapter] = [
        GenericClientList(),
        ReturnedErrorWorkbook(),
    ]

    public static func adapter(id: String) -> (any SourceAdapter)? {
        all.first { $0.id == id }
    }

    public static var ids: [String] { all.map(\.id) }
}
