import ZenamuCore

/// The sentences every workbook reader ends with, kept in one place so XLSX and XLS say the same.
extension InputError {
    static func passwordProtected(_ file: String) -> InputError {
        InputError(file: file, reason: "the workbook is password-protected; open it in Excel, remove the password "
            + "(File › Info › Protect Workbook) and save it again, or export it as CSV.")
    }

    /// A workbook whose content is broken: `problem` says how, and the customer is told the way out.
    static func damagedWorkbook(_ file: String, _ problem: String, row: Int? = nil, column: String? = nil) -> InputError {
        InputError(file: file, row: row, column: column, reason: "\(problem); save it again from Excel, or export it as CSV.")
    }
}
