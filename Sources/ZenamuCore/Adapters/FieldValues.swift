/// A row's non-empty values, per field, best column first: what `RawClient.values` holds.
///
/// One flat array in the fields' order rather than a dictionary of arrays: a row has a handful of
/// values, and hashing, a storage per field and sorting the keys again cost more, row after row,
/// than the rules that read them.
public struct FieldValues: Sendable, Equatable, Sequence {
    public typealias Element = (field: CanonicalField, value: RawValue)

    private var entries: [(field: CanonicalField, value: RawValue)] = []

    public init() {}

    /// The values of `field`, best first; nil when the row has none (as a dictionary would say).
    public subscript(field: CanonicalField) -> [RawValue]? {
        get {
            let values = entries.lazy.filter { $0.field == field }.map(\.value)
            return values.isEmpty ? nil : Array(values)
        }
        set {
            entries.removeAll { $0.field == field }
            for value in newValue ?? [] { append(value, for: field) }
        }
    }

    /// The best value of `field`.
    public func first(_ field: CanonicalField) -> RawValue? {
        // By index: `first(where:)` would copy (and retain) every value it passes over.
        for index in entries.indices where entries[index].field == field { return entries[index].value }
        return nil
    }

    /// Adds `value` after the values `field` already has.
    public mutating func append(_ value: RawValue, for field: CanonicalField) {
        let order = field.order
        let end = entries.firstIndex { $0.field.order > order } ?? entries.endIndex
        entries.insert((field, value), at: end)
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// Every value, in the fields' order and, within a field, best first.
    public func makeIterator() -> IndexingIterator<[Element]> { entries.makeIterator() }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.entries.elementsEqual(rhs.entries) { $0.field == $1.field && $0.value == $1.value }
    }
}

extension FieldValues: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (CanonicalField, [RawValue])...) {
        for (field, values) in elements {
            for value in values { append(value, for: field) }
        }
    }
}
