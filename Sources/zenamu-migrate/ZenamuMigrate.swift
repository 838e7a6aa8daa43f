import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@main
struct ZenamuMigrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zenamu-migrate",
        abstract: "Move a studio's clients from its old booking system into Zenamu.",
        discussion: """
            Exit status: 0 every row accepted; 1 converted, some rows rejected (see report.json); \
            2 the input could not be read; 64 usage error; 73 the output could not be written.
            """,
        version: "0.1.0",
        subcommands: [Convert.self, Import.self, Inspect.self, Clients.self, Invitations.self, Register.self, Ledger.self,
                      Adapters.self])

    static func main() {
        // Past a file-size limit the system would kill the process mid-write with SIGXFSZ; ignored,
        // the write fails with EFBIG instead, and the run ends with exit 73 and one sentence.
        signal(SIGXFSZ, SIG_IGN)
        main(nil)
    }
}
