import Foundation
import ZenamuCore
import ZenamuReaders

/// The plan stage: every file opened and every table chosen and planned before a data row is
/// read, so the run's one language is known before the first file starts (one workbook reads in
/// one language), balances files included.
struct RunPlan {
    /// A document with client lists: its tables, and what it says of an earlier run (a returned
    /// error workbook: the clients it imported, its phone country and language, the rows it sent).
    struct Document {
        let context: DocumentContext
        let tables: [FilePlan]
    }

    let documents: [Document]
    /// A system's second files (`FilePart.balances`), in the order given.
    let balances: [FilePlan]
    /// The language messages are written in, and why (for the report).
    let messages: (catalogue: MessageCatalogue, source: String)

    init(paths: [String], conversion: Conversion) throws {
        let options = conversion.options
        var documents: [Document] = []
        var balances: [FilePlan] = []
        for path in paths {
            let file = try TableReader.open(path: path, limits: options.limits)
            let tables = try ChosenTable.choose(in: file, file: (path as NSString).lastPathComponent, sheet: options.sheet,
                                                adapters: conversion.adapters)
            let plan = { (table: ChosenTable, kept: RunSettings?) in
                FilePlan(table, sheets: file.sheetNames, kept: kept, options: options, phones: conversion.phones)
            }
            balances += tables.filter(\.isBalances).map { plan($0, nil) }
            let lists = tables.filter { !$0.isBalances }
            guard let first = lists.first else { continue }
            let context = try first.found.adapter.context(of: file)
            documents.append(Document(context: context, tables: lists.map { plan($0, context.settings) }))
        }
        if options.balancesNeedClientList, documents.isEmpty, let alone = balances.first {
            let file = alone.rules.file
            throw InputError(file: file, reason: "this is a report of passes (\(alone.adapter.description.name)), "
                + "whose remaining visits are joined to the clients on the client id; give the system's client list "
                + "in the same run, before it: zenamu-migrate convert CLIENTS.csv \(file) --out DIR.")
        }
        let plans = documents.flatMap(\.tables) + balances
        try ColumnChoice.checkAllUsed(options.columnChoices, used: plans.reduce(into: []) { $0.formUnion($1.choicesUsed) },
                                      headers: plans.map { ($0.rules.file, $0.header.cells) })
        self.documents = documents
        self.balances = balances
        // The first client list decides, else the first balances file (`inspect` reads one alone).
        if let first = documents.first, let table = first.tables.first {
            messages = Self.messages(option: options.locale,
                                     kept: first.context.settings?.locale.flatMap(MessageLanguage.init(code:)),
                                     language: table.mapping.language)
        } else if let table = balances.first {
            messages = Self.messages(option: options.locale, language: table.mapping.language)
        } else {
            messages = (MessageCatalogue.english, "default")
        }
    }

    /// The run's language: `--locale`, else the one a returned workbook kept from its first run,
    /// else the header's language when we have its catalogue, else English; and the reason, for
    /// the report.
    static func messages(option: MessageLanguage?, kept: MessageLanguage? = nil, language: String?)
        -> (catalogue: MessageCatalogue, source: String)
    {
        if let option { return (option.catalogue, "--locale") }
        if let kept { return (kept.catalogue, "the first run's, kept in the workbook") }
        if let guessed = MessageLanguage(code: language) { return (guessed.catalogue, "the header's language") }
        return (MessageCatalogue.english, "default")
    }
}
