import Foundation
import Kiosk
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `ssh-kiosk init`'s own StrictModes checks, on real folders: root owns them, another account reads them.
@Suite(.enabled(if: getuid() == 0, "needs root: the files must belong to root and be judged for another account"))
struct StrictModesTests {
    /// A fresh folder under /var/lib (root's, 0755 all the way up), removed by the caller.
    func goodFolder() throws -> String {
        let folder = "/var/lib/storefront-e2e/strict-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        chmod("/var/lib/storefront-e2e", 0o755)
        chmod(folder, 0o755)
        return folder
    }

    @Test func aFolderInTheSystemsTemporaryFolderIsRefusedWithItsPathAndFix() throws {
        let problem = try #require(StrictModes.checkSecure("/tmp/kiosk-\(UUID().uuidString)", kind: "the kiosk folder"))
        #expect(problem.path == "/tmp")
        #expect(problem.reason.hasPrefix("bad ownership or modes for directory"))
        #expect(problem.fix.contains("/etc/storefront-kiosk"), "\(problem)")
        // Even when the folder exists already and is itself fine.
        let inside = "/tmp/kiosk-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: inside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: inside) }
        chmod(inside, 0o755)
        #expect(StrictModes.checkSecure(inside, kind: "the kiosk folder")?.path == "/tmp")
    }

    @Test func aGroupWritableFolderSaysWhichChmod() throws {
        let folder = try goodFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        chmod(folder, 0o775)
        let problem = try #require(StrictModes.checkSecure(folder + "/kiosk", kind: "the kiosk folder"))
        #expect(problem.path == folder)
        #expect(problem.fix.contains("chmod go-w \(folder)"), "\(problem)")
    }

    @Test func aKeysFileTheAccountCannotReadIsRefused() throws {
        let folder = try goodFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let keys = folder + "/visitors.keys"
        #expect(FileManager.default.createFile(atPath: keys, contents: Data("ssh-ed25519 AAAA x\n".utf8)))
        chmod(keys, 0o600)
        let nobody = try #require(StrictModes.Account.named("nobody"))
        let unreadable = try #require(StrictModes.checkReadable(keys, by: nobody, kind: "the authorized-keys file"))
        #expect(unreadable.path == keys)
        #expect(unreadable.fix.contains("chown nobody \(keys)"), "\(unreadable)")
        // Readable, but in a folder the account cannot enter.
        chmod(keys, 0o644)
        chmod(folder, 0o700)
        let closed = try #require(StrictModes.checkReadable(keys, by: nobody, kind: "the authorized-keys file"))
        #expect(closed.path == folder)
        #expect(closed.fix == "chmod o+x \(folder)")
        // Root reads it anyway (and the keys file itself passes sshd's ownership rule).
        #expect(StrictModes.checkReadable(keys, by: try #require(StrictModes.Account.named("root")), kind: "k") == nil)
    }

    @Test func aGoodFolderPasses() throws {
        let folder = try goodFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let keys = folder + "/visitors.keys"
        #expect(FileManager.default.createFile(atPath: keys, contents: Data("ssh-ed25519 AAAA x\n".utf8)))
        chmod(keys, 0o644)
        #expect(StrictModes.checkSecure(folder + "/kiosk", kind: "the kiosk folder") == nil)
        #expect(StrictModes.checkSecure(keys, owner: 65534, kind: "the authorized-keys file") == nil)
        let nobody = try #require(StrictModes.Account.named("nobody"))
        #expect(StrictModes.checkReadable(keys, by: nobody, kind: "the authorized-keys file") == nil)
        // A keys file owned by someone else than root or the visitors' account is not.
        chown(keys, 1234, 1234)
        #expect(StrictModes.checkSecure(keys, owner: 65534, kind: "the authorized-keys file")?.path == keys)
    }
}

@Suite struct KioskVisitorTests {
    @Test func theFingerprintIsTheOneSshKeygenShows() {
        let identity = VisitorIdentity(authInfo: "publickey ssh-ed25519 \(VisitorIdentityTests.key)\n")
        #expect(identity.sshKeygenFingerprint == "SHA256:SBxj9ee0LsJ/isybiRYeoa29DpcyGqZFNVWdyvc/jNY")
        #expect(VisitorIdentity.anonymous.sshKeygenFingerprint == nil)
    }

    @Test func visitorsAreListedWithTheirKeyAndOldOnesPruned() throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let recent = VisitorIdentity(authInfo: "publickey ssh-ed25519 \(VisitorIdentityTests.key)")
        let recentFolder = recent.stateDirectory(under: state)
        try FileManager.default.createDirectory(at: recentFolder, withIntermediateDirectories: true)
        recent.record(in: recentFolder)
        // A folder from before records were written, last touched ten days ago.
        let old = state.appendingPathComponent("visitors/0123456789abcdef0123456789abcdef")
        try FileManager.default.createDirectory(at: old, withIntermediateDirectories: true)
        let tokens = old.appendingPathComponent("tokens.json")
        #expect(FileManager.default.createFile(atPath: tokens.path, contents: Data("{}".utf8)))
        let tenDaysAgo = Date().addingTimeInterval(-10 * 86400)
        for path in [tokens.path, old.path] {
            try FileManager.default.setAttributes([.modificationDate: tenDaysAgo], ofItemAtPath: path)
        }

        let listed = KioskVisitor.list(stateDirectory: state.path)
        #expect(listed.map(\.folder) == ["481c63f5e7b42ec27f8acc9b89161ea1", "0123456789abcdef0123456789abcdef"])
        #expect(listed.first?.fingerprint == "SHA256:SBxj9ee0LsJ/isybiRYeoa29DpcyGqZFNVWdyvc/jNY")
        #expect(listed.last?.fingerprint == nil)
        #expect(abs(listed.last!.lastSeen.timeIntervalSince(tenDaysAgo)) < 2)

        let week = try #require(KioskVisitor.duration("7d"))
        let cutoff = Date().addingTimeInterval(-week)
        let removed = KioskVisitor.prune(stateDirectory: state.path, seenBefore: cutoff)
        #expect(removed.map(\.folder) == ["0123456789abcdef0123456789abcdef"])
        #expect(KioskVisitor.list(stateDirectory: state.path).map(\.folder) == ["481c63f5e7b42ec27f8acc9b89161ea1"])
    }

    @Test func durations() {
        #expect(KioskVisitor.duration("7d") == 604_800.0)
        #expect(KioskVisitor.duration("12h") == 43_200.0)
        #expect(KioskVisitor.duration("30m") == 1800.0)
        for bad in ["", "7", "d", "7w", "-1d", "x7d"] { #expect(KioskVisitor.duration(bad) == nil, "\(bad)") }
    }
}
