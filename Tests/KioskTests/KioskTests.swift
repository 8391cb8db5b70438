import Foundation
import Kiosk
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct VisitorIdentityTests {
    static let key = "AAAAC3NzaC1lZDI1NTE5AAAAIKqIwehUnNHajOdIwKaZFoO4LqVHUew24MOig3PuplwX"

    @Test func aPublicKeyGivesTheFingerprintSshKeygenShows() {
        // `ssh-keygen -l` prints SHA256:SBxj9ee0LsJ/isybiRYeoa29DpcyGqZFNVWdyvc/jNY for this key: the same bytes.
        let identity = VisitorIdentity(authInfo: "publickey ssh-ed25519 \(Self.key)\n")
        #expect(identity == .key(fingerprint: "481c63f5e7b42ec27f8acc9b89161ea1adbd0e97321aa64535559dcaf73f8cd6"))
        #expect(!identity.isEphemeral)
    }

    @Test func twoKeysAreTwoVisitorsAndOneKeyIsAlwaysTheSame() {
        let other = "AAAAC3NzaC1lZDI1NTE5AAAAIDsd3GzYQZ8p2bq1w5Q0q0l3x9m0b8x1wq2q3e4r5t6y"
        let first = VisitorIdentity(authInfo: "publickey ssh-ed25519 \(Self.key)")
        let again = VisitorIdentity(authInfo: "publickey ssh-ed25519 \(Self.key) comment")
        let second = VisitorIdentity(authInfo: "publickey ssh-ed25519 \(other)")
        #expect(first == again)
        #expect(first != second)
        let root = URL(fileURLWithPath: "/kiosk/state")
        #expect(first.stateDirectory(under: root) == again.stateDirectory(under: root))
        #expect(first.stateDirectory(under: root) != second.stateDirectory(under: root))
        #expect(first.stateDirectory(under: root).path == "/kiosk/state/visitors/481c63f5e7b42ec27f8acc9b89161ea1")
    }

    @Test func noKeyMeansAFreshSessionPerConnection() {
        for text in ["", "password", "keyboard-interactive\n", "publickey ssh-ed25519 not*base64", "publickey"] {
            #expect(VisitorIdentity(authInfo: text) == .anonymous, "\(text)")
        }
        let identity = VisitorIdentity.current(environment: [:])
        #expect(identity == .anonymous)
        #expect(identity.isEphemeral)
        let root = URL(fileURLWithPath: "/kiosk/state")
        #expect(identity.stateDirectory(under: root) != identity.stateDirectory(under: root))
    }

    @Test func theKeyAfterAPasswordLineStillCounts() {
        let identity = VisitorIdentity(authInfo: "password\npublickey ssh-ed25519 \(Self.key)\n")
        #expect(identity != .anonymous)
    }
}

@Suite struct KioskRequestTests {
    @Test func noCommandOpensTheShop() throws {
        #expect(try KioskRequest(originalCommand: nil) == .shop)
        #expect(try KioskRequest(originalCommand: "  ") == .shop)
        #expect(try KioskRequest(originalCommand: "shop") == .shop)
    }

    @Test func scriptedRequests() throws {
        #expect(try KioskRequest(originalCommand: "cart") == .showCart)
        #expect(try KioskRequest(originalCommand: "help") == .help)
        #expect(
            try KioskRequest(originalCommand: "add brass-diya-pair") == .add(product: "brass-diya-pair", quantity: 1))
        #expect(try KioskRequest(originalCommand: "add  p_12 3") == .add(product: "p_12", quantity: 3))
    }

    @Test func anythingElseIsRefusedWithoutAShell() {
        for text in [
            "sh", "bash -i", "cart; sh", "add x;id", "add $(id)", "add ../../etc/passwd", "add x 0",
            "add x 100", "add x y", "add", "cart extra", "scp -t /tmp", "internal-sftp",
        ] {
            #expect(throws: KioskRequest.ParseError.self, "\(text)") { try KioskRequest(originalCommand: text) }
        }
    }
}

@Suite struct SSHDConfigTests {
    let config = SSHDConfig(
        port: 2222, listenAddress: "0.0.0.0", user: "demo", directory: "/etc/storefront-kiosk",
        binary: "/usr/local/bin/storefront")

    func directives(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1)
            if parts.count == 2 { result[String(parts[0])] = String(parts[1]) }
        }
        return result
    }

    @Test func noShellNoForwardingOneUserAndTheKeyExposed() {
        let text = config.render()
        let d = directives(text)
        #expect(d["Port"] == "2222")
        #expect(d["ListenAddress"] == "0.0.0.0")
        #expect(d["HostKey"] == "/etc/storefront-kiosk/ssh_host_ed25519_key")
        #expect(d["PidFile"] == "/etc/storefront-kiosk/sshd.pid")
        #expect(d["AllowUsers"] == "demo")
        #expect(d["PermitRootLogin"] == "no")
        #expect(d["ExposeAuthInfo"] == "yes")
        #expect(d["PermitTTY"] == "yes")
        for off in [
            "AllowAgentForwarding", "AllowTcpForwarding", "X11Forwarding", "PermitTunnel", "AllowStreamLocalForwarding",
            "PermitUserEnvironment", "PasswordAuthentication", "PermitUserRC",
        ] {
            #expect(d[off] == "no", "\(off)")
        }
        #expect(d["DisableForwarding"] == "yes")
        #expect(d["ClientAliveInterval"] == "5" && d["ClientAliveCountMax"] == "5", "a frozen client goes in ~60 s")
        #expect(d["Subsystem"] == nil, "no sftp")
        #expect(d["Match"] == "User demo")
        #expect(
            d["ForceCommand"]
                == "/usr/local/bin/storefront kiosk-session --config /etc/storefront-kiosk/kiosk.json")
        #expect(d["AuthorizedKeysCommand"] == "/etc/storefront-kiosk/authorized-keys %t %k")
        #expect(d["AuthorizedKeysCommandUser"] == "nobody")
        // The settings are the last block: everything after Match applies to the demo user only.
        #expect(text.range(of: "Match User demo")!.lowerBound > text.range(of: "PermitTunnel no")!.lowerBound)
    }

    @Test func onlyListedKeysWhenAnAuthorizedKeysFileIsGiven() {
        var restricted = config
        restricted.authorizedKeysFile = "/etc/storefront/visitors.keys"
        let d = directives(restricted.render())
        #expect(d["AuthorizedKeysFile"] == "/etc/storefront/visitors.keys")
        #expect(d["AuthorizedKeysCommand"] == nil)
    }

    @Test func rootOnlyWithAKey() {
        var root = config
        root.user = "root"
        #expect(directives(root.render())["PermitRootLogin"] == "prohibit-password")
    }
}

@Suite struct KioskSettingsTests {
    func temporaryPath() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("kiosk.json").path
    }

    let settings = KioskSettings(
        storeID: "sandbox", baseURL: "http://127.0.0.1:8080/api/v1/sandbox/storefront", apiKey: "secret-key",
        stateDirectory: "/k/state", debugMode: true)

    @Test func writtenPrivateAndReadBack() throws {
        let path = try temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        try settings.write(path: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try KioskSettings.load(path: path) == settings)
    }

    @Test func aFileOthersCanReadIsRefused() throws {
        let path = try temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        try settings.write(path: path)
        chmod(path, 0o644)
        #expect(throws: KioskSettings.LoadError.tooOpen(path, mode: 0o644)) { try KioskSettings.load(path: path) }
    }

    @Test func missingOrMalformedIsRefused() throws {
        let path = try temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        #expect(throws: KioskSettings.LoadError.unreadable(path)) { try KioskSettings.load(path: path) }
        _ = FileManager.default.createFile(
            atPath: path, contents: Data("{\"store_id\":1}".utf8), attributes: [.posixPermissions: 0o600])
        #expect(throws: KioskSettings.LoadError.malformed(path)) { try KioskSettings.load(path: path) }
    }
}

@Suite struct KioskResumeTests {
    @Test func theNewestUnpaidOrderResumes() {
        #expect(
            KioskResume.orderToResume([
                ("ORD-3", "cancelled", "pending"), ("ORD-2", "pending", "pending"), ("ORD-1", "pending", "pending"),
            ]) == "ORD-2")
        #expect(KioskResume.orderToResume([("ORD-2", "confirmed", "failed")]) == "ORD-2")
    }

    @Test func paidOrCancelledOrdersDoNot() {
        #expect(
            KioskResume.orderToResume([("ORD-2", "confirmed", "success"), ("ORD-1", "cancelled", "pending")]) == nil)
        #expect(KioskResume.orderToResume([]) == nil)
    }
}
