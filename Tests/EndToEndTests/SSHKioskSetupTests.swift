import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The kiosk as an operator sets it up (ssh-kiosk init's checks, a public URL) and a visitor pays from a phone.
@Suite(.serialized, .enabled(if: KioskFixture.canRun, "needs root and openssh-server (make deps)"))
struct SSHKioskSetupTests {
    let screens = SSHKioskTests()

    /// `ssh-kiosk init` with `options`; its status, standard output and standard error.
    func initKiosk(_ kiosk: KioskFixture, _ options: [String]) async throws -> (Int32, String, String) {
        let name = UUID().uuidString
        let status = try await Spawn.run(
            [kiosk.binary, "ssh-kiosk", "init", "--port", String(kiosk.port), "--listen", "127.0.0.1"] + options,
            stdout: kiosk.path("\(name).out"), stderr: kiosk.path("\(name).err"))
        return (status, kiosk.read("\(name).out"), kiosk.read("\(name).err"))
    }

    @Test func initRefusesTheTemporaryFolderAndAKeysFileSshdCannotReadAndChecksAGoodOneThenListsVisitors() async throws
    {
        let kiosk = try await KioskFixture()
        defer { kiosk.stop() }
        // A folder in the system's temporary folder: every login would be "Permission denied (publickey)".
        let temporary = "/tmp/storefront-kiosk-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let (status, out, err) = try await initKiosk(kiosk, ["--dir", temporary, "--user", "root"])
        #expect(status == 1, "\(out)\(err)")
        #expect(err.contains("refusing: bad ownership or modes for directory"), "\(err)")
        #expect(err.contains(": /tmp. ") && err.contains("/etc/storefront-kiosk"), "\(err)")
        #expect(!out.contains("Start it"), "\(out)")
        #expect(!FileManager.default.fileExists(atPath: temporary), "init wrote into the refused folder")

        // An authorized-keys file that the visitors' account (here nobody) cannot read.
        let keys = kiosk.path("visitors.keys")
        #expect(FileManager.default.createFile(atPath: keys, contents: Data("ssh-ed25519 AAAA x\n".utf8)))
        chmod(keys, 0o600)
        let (keysStatus, keysOut, keysErr) = try await initKiosk(
            kiosk, ["--dir", kiosk.path("private"), "--user", "nobody", "--authorized-keys", keys])
        #expect(keysStatus == 1, "\(keysOut)\(keysErr)")
        #expect(keysErr.contains("the account nobody cannot read the authorized-keys file: \(keys)"), "\(keysErr)")
        #expect(keysErr.contains("chown nobody \(keys)"), "\(keysErr)")
        #expect(!keysOut.contains("Start it"))

        // A good folder: sshd -t accepts what init wrote, it says how to start it, and sshd starts from it.
        try await kiosk.start()
        let started = kiosk.read("init.out")
        #expect(started.contains("sshd -t -f \(kiosk.kioskDirectory)/sshd_config accepts it"), "\(started)")
        #expect(started.contains("Start it:   mkdir -p /run/sshd && /usr/sbin/sshd -f"), "\(started)")
        let key = try await kiosk.makeKey("visitor")
        let (addStatus, added) = try await kiosk.run(key: key, "add", "pulse-wireless-earbuds", "2")
        #expect(addStatus == 0, "\(added)\n\(kiosk.read("sshd.log"))")

        // `ssh-kiosk visitors`: the key's fingerprint as ssh-keygen shows it, its folder, its cart lines.
        _ = try await Spawn.run(["ssh-keygen", "-l", "-f", key + ".pub"], stdout: kiosk.path("keygen.out"))
        let fingerprint = try #require(kiosk.read("keygen.out").split(separator: " ").dropFirst().first)
        _ = try await Spawn.run(
            [kiosk.binary, "ssh-kiosk", "visitors", "--dir", kiosk.kioskDirectory], stdout: kiosk.path("visitors.out"))
        let listed = kiosk.read("visitors.out")
        let row = try #require(listed.split(separator: "\n").first { $0.hasPrefix(fingerprint) }, "\(listed)")
        let folders = try FileManager.default.contentsOfDirectory(atPath: kiosk.kioskDirectory + "/state/visitors")
        #expect(folders.count == 1 && row.contains(folders[0]), "\(listed)")
        #expect(row.hasSuffix(" 1"), "one cart line: \(listed)")
        // Pruning: nobody is older than a day yet; everybody is older than no time at all.
        _ = try await Spawn.run(
            [kiosk.binary, "ssh-kiosk", "visitors", "--dir", kiosk.kioskDirectory, "--older-than", "1d"],
            stdout: kiosk.path("prune.out"))
        #expect(kiosk.read("prune.out").contains("Removed 0 visitor(s)"), "\(kiosk.read("prune.out"))")
        _ = try await Spawn.run(
            [kiosk.binary, "ssh-kiosk", "visitors", "--dir", kiosk.kioskDirectory, "--older-than", "0s"],
            stdout: kiosk.path("prune.out"))
        #expect(kiosk.read("prune.out").contains("Removed 1 visitor(s)"), "\(kiosk.read("prune.out"))")
    }

    /// `ssh … add` from a second terminal while the shop is open: the cart screen shows it without `r`, both
    /// while it is shown (re-read every few seconds) and when it is opened again.
    @Test func theOpenCartShowsWhatAnotherTerminalAdded() async throws {
        let kiosk = try await KioskFixture()
        defer { kiosk.stop() }
        try await kiosk.start()
        let key = try await kiosk.makeKey("visitor")
        let session = try kiosk.interactiveSession(key: key)
        let catalog = try await session.waitFor { $0.contains("₹") && $0.contains("enter open") }
        try #require(catalog.contains("enter open"), "the shop screens are needed:\n\(catalog)")
        try session.send("c")
        try await screens.expectScreen(session, "Your cart is empty", "empty cart")
        let (status, output) = try await kiosk.run(key: key, "add", "pulse-wireless-earbuds", "2")
        #expect(status == 0, "\(output)")
        let shown = try await session.waitFor { $0.contains("Pulse Wireless Earbuds") }
        #expect(shown.contains("Pulse Wireless Earbuds"), "the open cart did not show the new line:\n\(shown)")
        // Away from the cart, another line is added; opening the cart again shows it.
        try session.send("b")
        try await screens.expectScreen(session, "enter open", "catalog")
        let (again, _) = try await kiosk.run(key: key, "add", "volt-20000mah-power-bank")
        #expect(again == 0)
        try await Task.sleep(for: .seconds(6))
        try session.send("c")
        let reopened = try await session.waitFor { $0.contains("Volt") }
        #expect(reopened.contains("Volt") && reopened.contains("Pulse"), "\(reopened)")
        try session.send("q")
    }

    /// The pay page through the public URL: fetched as the proxy in front of it would, with its Host header.
    func fetch(_ kiosk: KioskFixture, _ path: String, form: String? = nil) async throws -> String {
        let out = kiosk.path("curl-\(UUID().uuidString).out")
        let port = try #require(kiosk.baseURL?.port)
        let arguments =
            ["curl", "-s", "-H", "Host: demo.example.com", "http://127.0.0.1:\(port)\(path)"]
            + (form.map { ["--data", $0] } ?? [])
        _ = try await Spawn.run(arguments, stdout: out)
        return kiosk.read(out)
    }

    /// `sandbox serve --public-url` or `ssh-kiosk init --public-url`: either puts the base into the link.
    @Test(arguments: ["sandbox", "init"])
    func aVisitorPaysFromTheirPhoneThroughThePublicURL(_ setBy: String) async throws {
        let kiosk = try await KioskFixture()
        defer { kiosk.stop() }
        let publicURL = ["--public-url", "https://demo.example.com"]
        try await kiosk.start(
            sandbox: setBy == "sandbox" ? publicURL : [], initOptions: setBy == "init" ? publicURL : [])
        let session = try await kiosk.interactiveSession(key: try kiosk.makeKey("visitor"))
        // Wide enough for the whole link on one row beside the QR code.
        try session.tmux(["resize-window", "-t", session.name, "-x", "200", "-y", "50"])
        let catalog = try await session.waitFor { $0.contains("₹") && $0.contains("enter open") }
        try #require(catalog.contains("enter open"), "the shop screens are needed:\n\(catalog)")
        try session.send("Enter")
        try await screens.expectScreen(session, "add to cart", "product page")
        try session.send("Enter")
        try await screens.expectScreen(session, "to the cart.", "added")
        let payment = try await screens.checkOutToPayment(session, expecting: "https://demo.example.com/sandbox/pay/")
        #expect(!payment.contains("127.0.0.1") && !payment.contains("Ask the presenter"), "\(payment)")
        let path = try #require(
            screens.firstMatch("https://demo\\.example\\.com(/sandbox/pay/[A-Za-z0-9_-]+)", in: payment))

        // The phone opens the page: a plain form with pay and fail buttons, sized for a phone.
        let page = try await fetch(kiosk, path)
        #expect(page.contains("<form method=\"post\""), "\(page)")
        #expect(page.contains("value=\"pay\"") && page.contains("value=\"fail\""), "\(page)")
        #expect(page.contains("name=\"viewport\""), "\(page)")
        // The form posts back to the same page (relative), so it works behind any public base.
        let action = try #require(screens.firstMatch("action=\"([^\"]*)\"", in: page))
        #expect(!action.hasPrefix("/") && !action.contains("127.0.0.1"), "\(action)")
        let paid = try await fetch(kiosk, path, form: "action=pay")
        #expect(paid.contains("Payment successful"), "\(paid)")
        // The shop in the visitor's terminal sees it.
        try await screens.expectScreen(session, "Payment received", "paid")
        try session.send("q")
    }
}
