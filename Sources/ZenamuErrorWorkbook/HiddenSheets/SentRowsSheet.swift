/// The rows an error workbook sent to the customer to fix, by their original row (`input.csv #6`),
/// in a hidden sheet: when the workbook comes back, a row missing from it was deleted.
public enum SentRows {
    public static let sheetName = "zenamu-sent"
    public static let header = ["original row"]
}
