import CXlsxWriter

/// The error workbook's cell formats, made once per workbook.
struct WorkbookStyles {
    typealias Format = UnsafeMutablePointer<lxw_format>?

    /// Excel's built-in "@" format: what the customer types in the cell stays text (a phone keeps
    /// its leading 0 and its "+").
    static let textFormat = "@"
    static let errorFill: lxw_color_t = 0xFFC7CE
    static let errorFont: lxw_color_t = 0x9C0006
    static let warningFill: lxw_color_t = 0xFFEB9C
    static let headerFill: lxw_color_t = 0xDDE5F0
    /// Thin grey lines around every cell of a table: two flagged neighbours ("-3" and "abc") print
    /// as two values, not one red block.
    static let gridColor: lxw_color_t = 0xBFBFBF

    let header: Format
    let title: Format
    let label: Format
    let problem: Format
    let reference: Format
    let wrapped: Format
    /// A number in a column of words, aligned with them.
    let leftNumber: Format
    /// Indexed by `CellKind` then `Mark`.
    private let cells: [CellKind: [Mark: Format]]

    enum CellKind: CaseIterable { case text, number }
    enum Mark: CaseIterable { case none, error, warning }

    init(_ writer: XLSXWriter) {
        header = writer.format {
            format_set_bold($0)
            format_set_bg_color($0, Self.headerFill)
            format_set_bottom($0, UInt8(LXW_BORDER_THIN.rawValue))
            format_set_text_wrap($0)
            format_set_align($0, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        }
        title = writer.format {
            format_set_bold($0)
            format_set_font_size($0, 14)
        }
        label = writer.format {
            format_set_bold($0)
            format_set_align($0, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        }
        problem = writer.format {
            Self.grid($0)
            format_set_text_wrap($0)
            format_set_font_color($0, Self.errorFont)
            format_set_align($0, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        }
        reference = writer.format {
            Self.grid($0)
            format_set_font_color($0, 0x595959)
            format_set_num_format($0, Self.textFormat)
            format_set_align($0, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        }
        wrapped = writer.format {
            format_set_text_wrap($0)
            format_set_align($0, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        }
        leftNumber = writer.format { format_set_align($0, UInt8(LXW_ALIGN_LEFT.rawValue)) }
        var cells: [CellKind: [Mark: Format]] = [:]
        for kind in CellKind.allCases {
            for mark in Mark.allCases {
                cells[kind, default: [:]][mark] = writer.format { format in
                    Self.grid(format)
                    format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
                    if kind == .text { format_set_num_format(format, Self.textFormat) }
                    switch mark {
                    case .none: break
                    case .error:
                        format_set_bg_color(format, Self.errorFill)
                        format_set_font_color(format, Self.errorFont)
                    case .warning:
                        format_set_bg_color(format, Self.warningFill)
                    }
                }
            }
        }
        self.cells = cells
    }

    func cell(_ kind: CellKind, _ mark: Mark = .none) -> Format { cells[kind]?[mark] ?? nil }

    private static func grid(_ format: UnsafeMutablePointer<lxw_format>) {
        format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
        format_set_border_color(format, gridColor)
    }
}

/// The widest value written in each column, in characters, for widths that fit the content.
struct ColumnWidths {
    /// By column index, grown as columns are written (a sheet has a few dozen).
    private var widest: [Int] = []
    private(set) var lastColumn: UInt16?

    /// Notes a value; a wrapped value counts by its longest line.
    mutating func note(_ value: String, in column: UInt16) {
        let index = Int(column)
        if index >= widest.count { widest.append(contentsOf: repeatElement(0, count: index + 1 - widest.count)) }
        widest[index] = max(widest[index], LineLengths.longest(in: value))
        lastColumn = max(lastColumn ?? column, column)
    }

    /// The width to give `column`: its widest value plus a margin, within `range`.
    func width(_ column: UInt16, within range: ClosedRange<Int>, margin: Int = 2) -> Double {
        let widest = Int(column) < widest.count ? widest[Int(column)] : 0
        return Double(min(max(widest, range.lowerBound), range.upperBound) + margin)
    }
}
