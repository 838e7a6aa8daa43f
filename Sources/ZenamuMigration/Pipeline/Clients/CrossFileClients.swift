import ZenamuCore
import ZenamuRules

/// In a run of several client lists (a studio's two locations), the same client (same e-mail) in
/// two files is one client: what only the later row holds (a phone, a balance) goes to the
/// earlier one, values that differ are a warning naming both, and a balance held in both files
/// goes to the rows to fix, neither added nor dropped. Within one file, the reconciler's rules
/// stand (another person on a shared e-mail is rejected for review).
///
/// An earlier file's clients may still change, so in such a run every file's outcomes are held
/// until the last file is read (memory grows with the run's rows), then handed on file by file.
final class CrossFileClients {
    struct File {
        let start: FileStart
        let report: FileReport
        let tally: BalanceTally
        var outcomes: [RowOutcome] = []
    }

    private(set) var files: [File] = []
    /// Where each accepted client sits among the held outcomes, by e-mail.
    private var accepted: [String: (file: Int, index: Int)] = [:]

    /// The e-mails of the current file already merged into an earlier file's client: a second
    /// person on one of them in this file is a conflict within the file, which stands.
    private var mergedHere: Set<String> = []

    func begin(_ start: FileStart, report: FileReport, tally: BalanceTally) {
        files.append(File(start: start, report: report, tally: tally))
        mergedHere = []
    }

    func hold(_ outcome: RowOutcome) {
        guard !files.isEmpty else { return }
        if case let .accepted(record, _) = outcome, let email = record.email, accepted[email] == nil {
            accepted[email] = (files.count - 1, files[files.count - 1].outcomes.count)
        }
        files[files.count - 1].outcomes.append(outcome)
    }

    /// The outcome of `record`, which the reconciler found conflicting with an earlier client
    /// (`conflict`); nil when that client is of the same file, where the conflict stands.
    func resolve(_ record: ClientRecord, warnings: [Issue], conflict: Issue) -> RowOutcome? {
        guard conflict.details["firstFile"] != nil, let email = record.email, !mergedHere.contains(email),
              let place = accepted[email],
              case .accepted(var earlier, let earlierWarnings) = files[place.file].outcomes[place.index]
        else { return nil }
        if earlier.hasBalance && record.hasBalance {
            return .rejected(record.provenance, issues: warnings + [
                Issue(.balanceInTwoFiles, file: conflict.file, row: conflict.row, column: conflict.column, field: .email,
                      value: email, details: conflict.details.merging(record.balanceDetails) { $1 }),
            ])
        }
        var differences: [String] = []
        func differ(_ a: String?, _ b: String?) { if let a, let b, a != b { differences.append("\(a) ≠ \(b)") } }
        differ(earlier.name.display.isEmpty ? nil : earlier.name.display, record.name.display.isEmpty ? nil : record.name.display)
        differ(earlier.phone?.e164, record.phone?.e164)
        if earlier.consent.value != .unknown, record.consent.value != .unknown {
            differ(earlier.consent.value.rawValue, record.consent.value.rawValue)
        }
        // What only the later row holds.
        if earlier.phone == nil { earlier.phone = record.phone }
        if earlier.consent.value == .unknown { earlier.consent = record.consent }
        if !earlier.hasBalance, record.hasBalance {
            (earlier.entries, earlier.credits) = (record.entries, record.credits)
            earlier.passExpiry = earlier.passExpiry ?? record.passExpiry
        }
        files[place.file].outcomes[place.index] = .accepted(earlier, warnings: earlierWarnings)
        mergedHere.insert(email)
        let note = differences.isEmpty
            ? Issue(.clientInTwoFiles, file: conflict.file, row: conflict.row, column: conflict.column, field: .email,
                    value: email, details: conflict.details)
            : Issue(.clientDiffersInTwoFiles, file: conflict.file, row: conflict.row, column: conflict.column, field: .email,
                    value: differences.joined(separator: "; "), details: conflict.details)
        return .merged(record, issues: warnings + [note])
    }
}
