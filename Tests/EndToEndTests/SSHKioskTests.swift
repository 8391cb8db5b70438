import Foundation
import StorefrontAPI
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A real OpenSSH kiosk on loopback: a stand-alone sandbox, `storefront ssh-kiosk init`, and `sshd -f` with
/// the generated configuration, stopped (with every session it forked) when the test ends.
final class KioskFixture {
    let root: URL
    /// sshd's port: free when chosen, and chosen again by `start()` if another process took it meanwhile.
    private(set) var port = freeLoopbackPort()
    /// The store's API key: only the sandbox and the kiosk's 0600 settings may know it.
    let apiKey = "kiosk-e2e-\(UUID().uuidString)"
    private(set) var baseURL: URL?
    private var sandbox: BackgroundProcess?
    private var sshd: BackgroundProcess?

    /// sshd needs root (privilege separation) and the Debian packages from the Makefile.
    static var canRun: Bool {
        getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd")
            && FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh")
    }

    init() async throws {
        // Under a root-owned folder, not the checkout (which may lie below /tmp): sshd refuses a ForceCommand or
        // AuthorizedKeysCommand below a group- or world-writable folder. The binary is copied there too.
        let parent = URL(fileURLWithPath: "/var/lib/storefront-e2e")
        try FileManager.default.createDirectory(
            at: parent, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        chmod(parent.path, 0o755)
        root = parent.appendingPathComponent("kiosk-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        chmod(root.path, 0o755)
        // Copied by `cp`, not in this process: a write descriptor held here could leak into a child that another
        // test thread forks meanwhile, and exec of the copy would then fail with ETXTBSY.
        let copied = try await Spawn.run(["cp", BuiltBinary.path, root.appendingPathComponent("storefront").path])
        guard copied == 0 else { throw SpawnError.failed(["cp", BuiltBinary.path], copied) }
        chmod(root.appendingPathComponent("storefront").path, 0o755)
    }

    /// The copy of the built binary that sshd runs.
    var binary: String { root.appendingPathComponent("storefront").path }

    var kioskDirectory: String { root.appendingPathComponent("kiosk").path }
    func path(_ name: String) -> String { root.appendingPathComponent(name).path }

    /// `sandbox`: more options of `sandbox serve`; `initOptions`: more options of `ssh-kiosk init`.
    func start(sandbox sandboxOptions: [String] = [], initOptions: [String] = []) async throws {
        sandbox = try BackgroundProcess(
            [binary, "sandbox", "serve", "--port", "0", "--db", path("sandbox.sqlite"), "--api-key", apiKey]
                + sandboxOptions,
            stdout: path("sandbox.out"), stderr: path("sandbox.err"))
        let url = try await waitForFile(path("sandbox.out")) { $0.hasPrefix("http") }
        baseURL = URL(string: url.trimmingCharacters(in: .whitespacesAndNewlines))
        try Data(apiKey.utf8).write(to: root.appendingPathComponent("api.key"))
        try FileManager.default.createDirectory(
            atPath: "/run/sshd", withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        // The port was free when chosen; a process started since (another test's) may hold it by now, and then
        // sshd says so and ends: the kiosk is set up again on another port.
        for attempt in 1...3 {
            let status = try await Spawn.run(
                [
                    binary, "ssh-kiosk", "init", "--dir", kioskDirectory, "--port", String(port), "--listen",
                    "127.0.0.1", "--user", "root", "--store-url", baseURL?.absoluteString ?? "", "--api-key-file",
                    path("api.key"),
                ] + initOptions, stdout: path("init.out"), stderr: path("init.err"))
            #expect(status == 0, "ssh-kiosk init: \(read("init.err"))")
            unlink(path("sshd.log"))
            sshd = try BackgroundProcess(
                ["/usr/sbin/sshd", "-f", kioskDirectory + "/sshd_config", "-D", "-e"], stderr: path("sshd.log"))
            let line = try await waitForFile(path("sshd.log")) {
                $0.contains("Server listening") || $0.contains("Address already in use")
            }
            guard line.contains("Address already in use"), attempt < 3 else { return }
            sshd?.stop()
            port = freeLoopbackPort()
        }
    }

    /// Stops sshd, every session it forked (found by the kiosk folder in their command line), and the sandbox.
    func stop() {
        sshd?.stop()
        for pid in sessionPIDsNow() { kill(pid, SIGTERM) }
        sandbox?.stop()
        try? FileManager.default.removeItem(at: root)
    }

    /// The kiosk-session processes still running for this kiosk.
    func sessionPIDs() async -> [pid_t] {
        let out = path("pgrep-\(UUID().uuidString).out")
        defer { unlink(out) }
        _ = try? await Spawn.run(["pgrep", "-f", "kiosk-session --config \(kioskDirectory)/"], stdout: out)
        return read(out).split(whereSeparator: \.isNewline).compactMap { pid_t(String($0)) }
    }

    /// The same, blocking (pgrep ends at once): for `stop()`, which runs in `defer`.
    func sessionPIDsNow() -> [pid_t] {
        let out = path("pgrep-\(UUID().uuidString).out")
        defer { unlink(out) }
        _ = try? Spawn.runBlocking(["pgrep", "-f", "kiosk-session --config \(kioskDirectory)/"], stdout: out)
        return read(out).split(whereSeparator: \.isNewline).compactMap { pid_t(String($0)) }
    }

    func read(_ name: String) -> String {
        (try? String(contentsOfFile: name.hasPrefix("/") ? name : path(name), encoding: .utf8)) ?? ""
    }

    /// Polls a file until a line satisfies `predicate`; returns it (or throws when it never comes).
    func waitForFile(_ file: String, attempts: Int = 600, _ predicate: (String) -> Bool) async throws -> String {
        for _ in 0..<attempts {
            if let line = read(file).split(separator: "\n").map(String.init).first(where: predicate) { return line }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw KioskTestError.timedOut(file, read(file))
    }

    /// A visitor's key pair; returns the private key's path.
    func makeKey(_ name: String) async throws -> String {
        let key = path("key-\(name)")
        let status = try await Spawn.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", key])
        guard status == 0 else { throw KioskTestError.keygen(status) }
        return key
    }

    func sshArguments(key: String, tty: Bool, command: [String] = []) -> [String] {
        [
            "ssh", tty ? "-tt" : "-T", "-F", "/dev/null", "-p", String(port), "-i", key, "-o", "IdentitiesOnly=yes",
            "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
            "-o", "LogLevel=ERROR", "root@127.0.0.1",
        ] + command
    }

    /// A scripted request through the ForceCommand; its exit status and standard output.
    func run(key: String, _ command: String...) async throws -> (Int32, String) {
        let out = path("ssh-\(UUID().uuidString).out")
        defer { unlink(out) }
        let client = try BackgroundProcess(sshArguments(key: key, tty: false, command: command), stdout: out)
        let status = await client.wait()
        return (status, read(out))
    }

    /// `ssh -tt` in tmux, then a line with ssh's exit status; the pane stays for reading.
    func interactiveSession(key: String, term: String = "tmux-256color") throws -> TmuxSession {
        let line = sshArguments(key: key, tty: true).joined(separator: " ")
        return try TmuxSession(command: "sh -c '\(line); echo ssh-exit=$?; sleep 120'", environment: ["TERM": term])
    }
}

enum KioskTestError: Error {
    case timedOut(String, String)
    case keygen(Int32)
}

@Suite(.serialized, .enabled(if: KioskFixture.canRun, "needs root and openssh-server (make deps)"))
struct SSHKioskTests {
    /// The name on the selected catalog line: `› NAME   ₹PRICE` (screens) or `> NAME  ₹PRICE` (walking skeleton).
    func selectedName(_ screen: String) -> String? {
        for line in screen.split(separator: "\n") {
            let text = line.trimmingCharacters(in: .whitespaces)
            guard text.hasPrefix("› ") || text.hasPrefix("> "), let price = text.range(of: "₹") else { continue }
            return text[text.index(text.startIndex, offsetBy: 2)..<price.lowerBound].trimmingCharacters(
                in: .whitespaces)
        }
        return nil
    }

    @Test func browseAddDropReconnectAndFindTheCart() async throws {
        let kiosk = try await KioskFixture()
        defer { kiosk.stop() }
        try await kiosk.start()
        let visitor = try await kiosk.makeKey("visitor")
        let stranger = try await kiosk.makeKey("stranger")

        // Browse over ssh -tt.
        let first = try kiosk.interactiveSession(key: visitor)
        let catalog = try await first.waitFor { $0.contains("₹") }
        #expect(catalog.contains("₹"), "no catalog over ssh:\n\(catalog)\n\(kiosk.read("sshd.log"))")
        try first.send("j")
        let firstName = selectedName(catalog)
        let browsed = try await first.waitFor { self.selectedName($0).map { $0 != firstName } ?? false }
        let name = try #require(selectedName(browsed), "no selection moved to:\n\(browsed)")

        // Add to cart: with the full screens by keys (Enter opens the product, Enter adds it); on the
        // walking skeleton (no product screen yet) through the kiosk's scripted `add`, as the same visitor.
        if browsed.contains("enter open") {
            try first.send("Enter")
            let product = try await first.waitFor { $0.contains("add to cart") }
            #expect(product.contains("add to cart") && product.contains(name), "no product page:\n\(product)")
            try first.send("Enter")
            // "1 item" shows as soon as enter is pressed; "… to the cart." once the store has the line.
            let added = try await first.waitFor { $0.contains("1 item") && $0.contains("to the cart.") }
            #expect(added.contains("1 item") && added.contains("to the cart."), "not added:\n\(added)")
        } else {
            let client = StorefrontClient(
                configuration: ClientConfiguration(baseURL: try #require(kiosk.baseURL), apiKey: kiosk.apiKey))
            let products = try await client.products(ProductQuery(limit: 100)).products
            let product = try #require(products.first { $0.name == name }, "\(name) not in the catalog")
            let (status, output) = try await kiosk.run(key: visitor, "add", product.slug ?? product.id)
            #expect(status == 0, "add failed: \(output)")
            #expect(output.contains("Added 1 × \(name)"), "\(output)")
        }

        // Resize reaches the TUI through ssh's window-change request.
        try first.tmux(["resize-window", "-t", first.name, "-x", "100", "-y", "30"])
        let resized = try await first.waitFor { screen in
            let rows = screen.components(separatedBy: "\n")
            return rows.count >= 30 && !rows[29].trimmingCharacters(in: .whitespaces).isEmpty
        }
        #expect(resized.components(separatedBy: "\n").count >= 30, "the footer did not move to row 30:\n\(resized)")

        // Drop the connection: the client dies; sshd hangs up the session, which must end.
        let clientPID = try #require(pid_t(try first.format("pane_pid")))
        let sessions = await kiosk.sessionPIDs()
        #expect(!sessions.isEmpty, "no kiosk-session while connected")
        // No secret in the session's process title or environment.
        for pid in sessions {
            let commandLine = kiosk.read("/proc/\(pid)/cmdline")
            let environment = kiosk.read("/proc/\(pid)/environ")
            #expect(commandLine.contains("kiosk-session"))
            #expect(!commandLine.contains(kiosk.apiKey) && !commandLine.contains("127.0.0.1:"), "secrets in argv")
            #expect(!environment.isEmpty && !environment.contains(kiosk.apiKey), "secrets in the environment")
        }
        kill(clientPID, SIGKILL)
        var remaining = await kiosk.sessionPIDs()
        for _ in 0..<300 where !remaining.isEmpty {
            try await Task.sleep(for: .milliseconds(100))
            remaining = await kiosk.sessionPIDs()
        }
        #expect(remaining.isEmpty, "the session outlived its connection: \(remaining)")

        // Reconnect with the same key: the same cart.
        let second = try kiosk.interactiveSession(key: visitor)
        let again = try await second.waitFor { $0.contains("₹") }
        #expect(again.contains("₹"), "no catalog after reconnecting:\n\(again)")
        let (status, cart) = try await kiosk.run(key: visitor, "cart")
        #expect(status == 0)
        #expect(cart.contains("× 1"), "the cart was lost:\n\(cart)")
        #expect(cart.contains(name), "\(cart)")
        if again.contains("enter open") {
            let withCart = try await second.waitFor { $0.contains("1 item") }
            #expect(withCart.contains("1 item"), "the shop does not show the cart:\n\(withCart)")
        }
        // Another key is another visitor with an empty cart.
        let (_, strangerCart) = try await kiosk.run(key: stranger, "cart")
        #expect(strangerCart.contains("The cart is empty."), "visitors share a cart:\n\(strangerCart)")

        // Quitting ends the connection cleanly.
        try second.send("q")
        let after = try await second.waitFor { $0.contains("ssh-exit=") }
        #expect(after.contains("ssh-exit=0"), "\(after)")
    }

    /// Waits for `text`; records the screen when it does not come.
    @discardableResult
    func expectScreen(
        _ session: TmuxSession, _ text: String, _ step: String, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> String {
        let screen = try await session.waitFor { $0.contains(text) }
        #expect(screen.contains(text), "\(step): no “\(text)” on screen:\n\(screen)", sourceLocation: sourceLocation)
        return screen
    }

    func firstMatch(_ pattern: String, in text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let range = Range(match.range(at: 1), in: text)
        else { return nil }
        return String(text[range])
    }

    /// Logs in with the OTP the sandbox shows (a cart with a line is needed), then checks out up to the payment
    /// screen; the screen once `expecting` shows on it.
    @discardableResult
    func checkOutToPayment(_ first: TmuxSession, expecting: String) async throws -> String {
        try first.send("l")
        try await expectScreen(first, "Log in or create an account", "login")
        try first.send("-l", "9876543210")
        try first.send("Enter")
        let otpScreen = try await expectScreen(first, "sandbox OTP:", "OTP screen")
        let otp = try #require(firstMatch("sandbox OTP: ([0-9]{6})", in: otpScreen))
        try first.send("-l", otp)
        try first.send("Enter")
        try await expectScreen(first, "Demo Customer", "signed in")
        try first.send("c")
        try await expectScreen(first, "enter checkout", "cart")
        try first.send("Enter")
        try await expectScreen(first, "12 MG Road", "address list")
        try first.send("Enter")
        try await expectScreen(first, "ctrl-s skip", "business details")
        try first.send("C-s")
        try await expectScreen(first, "We deliver to PIN code", "delivery check")
        try first.send("Enter")
        try await expectScreen(first, "place order", "review")
        try first.send("Enter")
        return try await expectScreen(first, expecting, "payment screen")
    }

    @Test func aCheckoutCutOffByADroppedConnectionResumesOnTheOrder() async throws {
        let kiosk = try await KioskFixture()
        defer { kiosk.stop() }
        try await kiosk.start()
        let visitor = try await kiosk.makeKey("visitor")
        let first = try kiosk.interactiveSession(key: visitor)
        let catalog = try await first.waitFor { $0.contains("₹") && $0.contains("enter open") }
        try #require(catalog.contains("enter open"), "the shop screens are needed:\n\(catalog)")
        try first.send("Enter")
        try await expectScreen(first, "add to cart", "product page")
        try first.send("Enter")
        try await expectScreen(first, "to the cart.", "added")
        // No public URL: the link would be to the server's loopback, which a visitor's phone cannot open.
        let payment = try await checkOutToPayment(first, expecting: "Ask the presenter to settle this payment")
        #expect(!payment.contains("127.0.0.1") && !payment.contains("Pay in your browser"), "\(payment)")
        let order = try #require(firstMatch("Order ([A-Za-z0-9-]+)", in: payment), "no order number:\n\(payment)")

        // The connection drops while the payment is awaited.
        kill(try #require(pid_t(try first.format("pane_pid"))), SIGKILL)
        var remaining = await kiosk.sessionPIDs()
        for _ in 0..<300 where !remaining.isEmpty {
            try await Task.sleep(for: .milliseconds(100))
            remaining = await kiosk.sessionPIDs()
        }
        #expect(remaining.isEmpty, "the session outlived its connection")

        // Back with the same key: the order and its payment status.
        let second = try kiosk.interactiveSession(key: visitor)
        let resumed = try await second.waitFor { $0.contains("Order \(order)") && $0.contains("payment pending") }
        #expect(
            resumed.contains("Order \(order)") && resumed.contains("payment pending"),
            "the checkout did not resume:\n\(resumed)")
        try second.send("q")
        let after = try await second.waitFor { $0.contains("ssh-exit=") }
        #expect(after.contains("ssh-exit=0"), "\(after)")
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func aSignalEndsTheSessionRestoringTheTerminal(_ signalNumber: Int32) async throws {
        let kiosk = try await KioskFixture()
        defer { kiosk.stop() }
        try await kiosk.start()
        let key = try await kiosk.makeKey("visitor")
        let session = try kiosk.interactiveSession(key: key)
        let catalog = try await session.waitFor { $0.contains("₹") }
        #expect(catalog.contains("₹"), "no catalog over ssh:\n\(catalog)")
        #expect(try session.format("alternate_on") == "1")
        let pids = await kiosk.sessionPIDs()
        #expect(!pids.isEmpty, "no kiosk-session while connected")
        for pid in pids { kill(pid, signalNumber) }
        let after = try await session.waitFor { $0.contains("ssh-exit=") }
        #expect(after.contains("ssh-exit="), "the connection stayed open:\n\(after)")
        await #expect(kiosk.sessionPIDs().isEmpty)
        // The shop restored the visitor's terminal on its way out (through ssh, into tmux).
        #expect(try session.format("alternate_on") == "0", "the alternate screen was not left")
        #expect(try session.format("cursor_flag") == "1", "the cursor was left hidden")
    }

    @Test func scriptedRequestsAreTheOnlyCommandsAndNothingIsForwarded() async throws {
        let kiosk = try await KioskFixture()
        defer { kiosk.stop() }
        try await kiosk.start()
        let key = try await kiosk.makeKey("visitor")
        let (shellStatus, shellOutput) = try await kiosk.run(key: key, "sh", "-c", "id")
        #expect(shellStatus == 2, "a shell command ran: \(shellOutput)")
        #expect(!shellOutput.contains("uid="))
        // The shop without a terminal (ssh -T, no command) says how to connect.
        let (noTTYStatus, _) = try await kiosk.run(key: key)
        #expect(noTTYStatus == 2)
        // The client's TERM is a hint: an unknown one falls back to a known type.
        let odd = try kiosk.interactiveSession(key: key, term: "no-such-terminal-xyz")
        let screen = try await odd.waitFor { $0.contains("₹") }
        #expect(screen.contains("₹"), "no catalog with an unknown TERM over ssh:\n\(screen)")
        try odd.send("q")
        let quit = try await odd.waitFor { $0.contains("ssh-exit=") }
        #expect(quit.contains("ssh-exit=0"), "\(quit)")
        let (status, output) = try await kiosk.run(key: key, "help")
        #expect(status == 0)
        #expect(output.contains("add PRODUCT"))
        // A local forward is refused by the server (ssh -W asks for a direct TCP channel).
        let forward = try BackgroundProcess(
            kiosk.sshArguments(key: key, tty: false).dropLast() + ["-W", "127.0.0.1:\(kiosk.port)", "root@127.0.0.1"])
        #expect(await forward.wait() != 0, "TCP forwarding was allowed")
        // The API key is only in the 0600 settings file, not in the sshd_config that names the command.
        #expect(kiosk.read(kiosk.kioskDirectory + "/kiosk.json").contains(kiosk.apiKey))
        let mode = try FileManager.default.attributesOfItem(atPath: kiosk.kioskDirectory + "/kiosk.json")[
            .posixPermissions]
        #expect((mode as? Int) == 0o600)
        #expect(!kiosk.read(kiosk.kioskDirectory + "/sshd_config").contains(kiosk.apiKey))
    }

    @Test func twentyConcurrentVisitorsAllAddToTheirOwnCart() async throws {
        let kiosk = try await KioskFixture()
        defer { kiosk.stop() }
        try await kiosk.start()
        let client = StorefrontClient(
            configuration: ClientConfiguration(baseURL: try #require(kiosk.baseURL), apiKey: kiosk.apiKey))
        let product = try #require(try await client.products(ProductQuery(limit: 5)).products.first { !$0.hasVariant })
        var keys: [String] = []
        for index in 0..<20 { keys.append(try await kiosk.makeKey("visitor\(index)")) }
        let outputs = keys.indices.map { kiosk.path("add-\($0).out") }
        let clients = try keys.indices.map { index in
            try BackgroundProcess(
                kiosk.sshArguments(key: keys[index], tty: false, command: ["add", product.slug ?? product.id]),
                stdout: outputs[index], stderr: outputs[index] + ".err")
        }
        var statuses: [Int32] = []
        for client in clients { statuses.append(await client.wait()) }
        for index in keys.indices {
            let output = kiosk.read(outputs[index])
            #expect(
                statuses[index] == 0,
                "visitor \(index): status \(statuses[index]) \(kiosk.read(outputs[index] + ".err"))")
            #expect(output.contains("Added 1 × \(product.name)"), "visitor \(index): \(output)")
            // Each visitor's own cart: one line of one, not the others' additions.
            #expect(output.contains("× 1"), "visitor \(index): \(output)")
        }
        let visitors = try FileManager.default.contentsOfDirectory(atPath: kiosk.kioskDirectory + "/state/visitors")
        #expect(visitors.count == 20)
    }

    @Test func twentyConcurrentShopsOverSshTtyAddByKeys() async throws {
        let kiosk = try await KioskFixture()
        defer { kiosk.stop() }
        try await kiosk.start()
        var keys: [String] = []
        for index in 0..<20 { keys.append(try await kiosk.makeKey("shopper\(index)")) }
        // All twenty connected at once, each in its own terminal.
        let sessions = try keys.map { try kiosk.interactiveSession(key: $0) }
        for (index, session) in sessions.enumerated() {
            let catalog = try await session.waitFor { $0.contains("₹") && $0.contains("enter open") }
            try #require(catalog.contains("enter open"), "shopper \(index): no catalog:\n\(catalog)")
            try session.send("Enter")
        }
        for (index, session) in sessions.enumerated() {
            let product = try await session.waitFor { $0.contains("add to cart") }
            #expect(product.contains("add to cart"), "shopper \(index): no product page:\n\(product)")
            try session.send("Enter")
        }
        for (index, session) in sessions.enumerated() {
            let added = try await session.waitFor {
                $0.contains("to the cart.") || $0.lowercased().contains("error")
            }
            #expect(
                added.contains("1 item") && added.contains("to the cart."), "shopper \(index): not added:\n\(added)")
            #expect(!added.lowercased().contains("error"), "shopper \(index):\n\(added)")
            try session.send("q")
        }
        for (index, session) in sessions.enumerated() {
            let after = try await session.waitFor { $0.contains("ssh-exit=") }
            #expect(after.contains("ssh-exit=0"), "shopper \(index):\n\(after)")
        }
        await #expect(kiosk.sessionPIDs().isEmpty)
    }
}
