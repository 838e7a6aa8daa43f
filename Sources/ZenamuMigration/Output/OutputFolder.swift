import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ZenamuCore
import ZenamuSinks

/// The output folder of one run, whose outputs are replaced all together or not at all.
///
/// Sinks write into a staging folder inside it (`DIR/.zenamu-migrate/run-…`, on the same disk, so
/// renames are cheap and atomic). When the run succeeds, `commit` makes every staged file durable,
/// writes a manifest, and renames the staging folder to `DIR/.zenamu-migrate/commit` — that one
/// rename is the moment the new outputs win — then moves each file into place and removes the
/// outputs this run did not produce (an `errors.xlsx` from an earlier run). A run that fails or is
/// killed before that rename leaves the previous outputs exactly as they were; one killed after it
/// is completed by the next run that opens the folder (`recover`), before anything else.
///
/// One run at a time: the folder is locked (`flock`) from opening to commit, and a second run fails
/// at once with a sentence rather than mixing its outputs with the first's.
public final class OutputFolder {
    /// Every file a run may leave in the folder.
    public static let outputs = ["clients.csv", "report.json", "errors.xlsx"]
    static let controlName = ".zenamu-migrate"

    /// The folder as the user named it, for messages.
    public let path: String
    private let folder: URL
    private let control: URL
    private let staging: URL
    private var lock: Int32 = -1

    /// Opens `path` for a run reading `inputs`. Refuses, before anything is created or changed, an
    /// output that is one of the inputs (`UsageError`) or a folder where an output file goes
    /// (`OutputError`); fails with `OutputError` when another run holds the folder.
    public init(path: String, inputs: [String]) throws {
        self.path = path
        folder = URL(fileURLWithPath: path, isDirectory: true)
        control = folder.appendingPathComponent(Self.controlName, isDirectory: true)
        staging = control.appendingPathComponent("run-\(getpid())-\(UInt32.random(in: 0...UInt32.max))", isDirectory: true)

        try Self.refuseClashes(in: folder, path: path, inputs: inputs)
        do {
            // The folder, its control folder and the staging are their owner's only (personal data).
            if !FileManager.default.fileExists(atPath: folder.path) {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            }
            try FileManager.default.createDirectory(at: control, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw OutputError(path: path, reason: Self.isFile(folder.path)
                ? "it is a file, not a folder; choose a folder for --out" : "the folder cannot be created")
        }
        try takeLock()
        try Self.rollForward(folder: folder, control: control)
        Self.removeStaleStaging(in: control)
        guard mkdir(staging.path, 0o700) == 0 else {
            throw OutputError(path: path, errno: errno, doing: "cannot create a staging folder in it")
        }
        InterruptCleanup.remove(onInterrupt: staging.path)
    }

    deinit {
        if lock >= 0 { close(lock) }
    }

    /// Where a sink writes `name` during the run.
    public func staged(_ name: String) -> URL { staging.appendingPathComponent(name) }

    /// A staged file as the user knows it: `DIR/report.json` for the staging folder's
    /// `report.json.issues` or a library's temporary file in it; other paths as they are.
    public func shown(_ staged: String) -> String {
        guard staged.hasPrefix(staging.path + "/") else { return staged }
        let name = String(staged.dropFirst(staging.path.count + 1))
        let output = Self.outputs.first { name == $0 || name.hasPrefix($0 + ".") } ?? "errors.xlsx"
        return (path as NSString).appendingPathComponent(output)
    }

    /// The staging folder, for libraries that need a folder for their own temporary files.
    public var stagingPath: String { staging.path }

    /// Puts the produced outputs in place and removes the others, all together.
    public func commit(produced: Set<String>) throws {
        StopPoint.reach("output.staged")
        let names = Self.outputs.filter(produced.contains)
        for name in names {
            // A library wrote some of them (errors.xlsx) with the umask's permissions.
            _ = chmod(staged(name).path, 0o600)
            try OutputFile.sync(path: staged(name).path)
        }
        let manifest = try OutputFile(path: staged(Self.manifestName).path)
        for name in Self.outputs {
            try manifest.write("\(produced.contains(name) ? "produce" : "remove")\t\(name)\n")
        }
        try manifest.close()
        try Self.syncFolder(staging.path)
        StopPoint.reach("output.manifest")
        let committed = control.appendingPathComponent("commit")
        guard rename(staging.path, committed.path) == 0 else {
            throw OutputError(path: path, errno: errno, doing: "cannot put the new outputs in place")
        }
        try Self.syncFolder(control.path)
        StopPoint.reach("output.renamed")
        try Self.rollForward(folder: folder, control: control)
    }

    /// Removes what this run staged; the previous outputs stay as they were.
    public func abandon() {
        try? FileManager.default.removeItem(at: staging)
        if lock >= 0 {
            close(lock)
            lock = -1
        }
    }

    /// Completes a commit a killed run left half done, and removes the staging of runs killed
    /// before their commit. Idempotent. Takes the folder's lock, so it never races a running run.
    public static func recover(path: String) throws {
        let folder = URL(fileURLWithPath: path, isDirectory: true)
        let control = folder.appendingPathComponent(controlName, isDirectory: true)
        guard FileManager.default.fileExists(atPath: control.path) else { return }
        let holder = try OutputFolderLock(control: control, path: path)
        defer { _ = holder }
        try rollForward(folder: folder, control: control)
        removeStaleStaging(in: control)
    }

    /// Staging folders of runs that were killed: no run holds them, since the caller holds the lock.
    private static func removeStaleStaging(in control: URL) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: control.path)) ?? [] where name.hasPrefix("run-") {
            try? FileManager.default.removeItem(at: control.appendingPathComponent(name))
        }
    }

    // MARK: - The steps

    static let manifestName = "manifest"

    /// Moves a committed run's files into place, following its manifest.
    private static func rollForward(folder: URL, control: URL) throws {
        let committed = control.appendingPathComponent("commit")
        let manifestPath = committed.appendingPathComponent(manifestName).path
        guard let manifest = try? String(contentsOfFile: manifestPath, encoding: .utf8) else {
            // No manifest: the commit rename never happened, or the roll-forward finished.
            try? FileManager.default.removeItem(at: committed)
            return
        }
        for line in manifest.split(separator: "\n") {
            let parts = line.split(separator: "\t").map(String.init)
            guard parts.count == 2, outputs.contains(parts[1]) else { continue }
            let target = folder.appendingPathComponent(parts[1]).path
            if parts[0] == "produce" {
                let source = committed.appendingPathComponent(parts[1]).path
                // Already moved when a killed roll-forward got this far.
                if access(source, F_OK) == 0, rename(source, target) != 0 {
                    throw OutputError(path: target, errno: errno, doing: "cannot put the new file in place")
                }
                StopPoint.reach("output.moved")
            } else if isFile(target), unlink(target) != 0, errno != ENOENT {
                throw OutputError(path: target, errno: errno, doing: "cannot remove the previous run's file")
            }
        }
        try syncFolder(folder.path)
        // The manifest goes last: until then a later run would finish the same moves again.
        unlink(manifestPath)
        try? FileManager.default.removeItem(at: committed)
    }

    private func takeLock() throws {
        let holder = try OutputFolderLock(control: control, path: path)
        lock = holder.release()
    }

    /// Refusals made before anything is touched.
    private static func refuseClashes(in folder: URL, path: String, inputs: [String]) throws {
        var inputIDs: [(dev_t, ino_t, String)] = []
        for input in inputs {
            var info = stat()
            if stat(input, &info) == 0 { inputIDs.append((info.st_dev, info.st_ino, input)) }
        }
        for name in outputs {
            let target = folder.appendingPathComponent(name).path
            var info = stat()
            guard lstat(target, &info) == 0 else { continue }
            let kind = info.st_mode & S_IFMT
            if kind != S_IFREG && kind != S_IFLNK {
                throw OutputError(path: (path as NSString).appendingPathComponent(name),
                                  reason: "it is a folder or a special file, not one the run may replace; move it away, "
                                      + "or choose another --out folder")
            }
            guard stat(target, &info) == 0 else { continue }
            if let input = inputIDs.first(where: { $0.0 == info.st_dev && $0.1 == info.st_ino }) {
                throw UsageError("\(input.2) is both an input and an output of this run: converting it into "
                    + "\(path) would replace it. Choose another --out folder, for example \(path)/next.")
            }
        }
    }

    private static func isFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT != S_IFDIR
    }

    private static func syncFolder(_ path: String) throws {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw OutputError(path: path, errno: errno, doing: "cannot open the folder") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw OutputError(path: path, errno: errno, doing: "saving to disk failed") }
    }
}

/// The exclusive lock on an output folder (`DIR/.zenamu-migrate/lock`), released when the
/// descriptor closes, which the system does even when the process is killed.
private final class OutputFolderLock {
    private var descriptor: Int32

    init(control: URL, path: String) throws {
        descriptor = open(control.appendingPathComponent("lock").path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw OutputError(path: path, errno: errno, doing: "cannot lock the folder") }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            close(descriptor)
            descriptor = -1
            if code == EWOULDBLOCK {
                throw OutputError(path: path, reason: "another zenamu-migrate run is writing into this folder; wait "
                    + "for it to finish, or choose another --out folder")
            }
            throw OutputError(path: path, errno: code, doing: "cannot lock the folder")
        }
    }

    /// Hands the descriptor (and with it the lock) to the caller.
    func release() -> Int32 {
        defer { descriptor = -1 }
        return descriptor
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }
}
