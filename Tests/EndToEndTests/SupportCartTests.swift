import Foundation
import StorefrontAPI
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A stand-alone `storefront sandbox serve` with a known support key, and a customer's cart made through the
/// real API: what `storefront support cart` is pointed at.
final class SupportFixture {
    let root: URL
    let apiKey = "e2e-store-key"
    let supportKey = "e2e-support-key-7f3a9c21d4"
    private var sandbox: BackgroundProcess?
    private(set) var baseURL: URL!
    private(set) var customer: StorefrontClient!
    private(set) var userID = ""
    private(set) var cart: Cart!

    /// `serveFlags`: more flags of `sandbox serve` (short token lifetimes, OTP cooldown).
    init(serveFlags: [String] = []) async throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("sf-support-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        // Trace logging: whatever the server logs, the support key and tokens must not be in it.
        sandbox = try BackgroundProcess(
            [
                "env", "SANDBOX_LOG_LEVEL=trace", BuiltBinary.path, "sandbox", "serve", "--port", "0", "--db",
                path("sandbox.sqlite"), "--api-key", apiKey, "--support-key", supportKey,
            ] + serveFlags, stdout: path("sandbox.out"), stderr: path("sandbox.err"))
        var url = ""
        for _ in 0..<600 where url.isEmpty {
            url = read("sandbox.out").split(separator: "\n").map(String.init).first { $0.hasPrefix("http") } ?? ""
            if url.isEmpty { try await Task.sleep(for: .milliseconds(100)) }
        }
        try #require(!url.isEmpty, "the sandbox did not start: \(read("sandbox.err"))")
        baseURL = URL(string: url)
        // A guest's cart of two products without variants (short names, so that they fit an 80-column row).
        customer = StorefrontClient(configuration: ClientConfiguration(baseURL: baseURL, apiKey: apiKey))
        let products = try await customer.products(ProductQuery(limit: 40)).products
            .filter { !$0.hasVariant && $0.stockAvailable && $0.name.count <= 28 }
        try #require(products.count >= 2)
        cart = try await customer.createCart(items: [
            CartItemUpdate(productId: products[0].id, variantId: nil, quantity: 2),
            CartItemUpdate(productId: products[1].id, variantId: nil, quantity: 1),
        ])
        userID = try await customer.session().userId
    }

    func path(_ name: String) -> String { root.appendingPathComponent(name).path }

    func read(_ name: String) -> String {
        (try? String(contentsOfFile: name.hasPrefix("/") ? name : path(name), encoding: .utf8)) ?? ""
    }

    /// The store flags of the support command.
    var storeFlags: [String] {
        ["--store-id", "sandbox", "--api-key", apiKey, "--env", baseURL.absoluteString, "--quiet"]
    }

    /// Runs the binary without a terminal; (exit status, stdout, stderr).
    func run(_ arguments: [String]) async throws -> (Int32, String, String) {
        let out = path("run-\(UUID().uuidString).out")
        let err = path("run-\(UUID().uuidString).err")
        let status = try await Spawn.run([BuiltBinary.path] + arguments, stdout: out, stderr: err)
        return (status, read(out), read(err))
    }

    func stop() {
        sandbox?.stop()
        try? FileManager.default.removeItem(at: root)
    }
}

@Suite(.serialized) struct SupportCartTests {
    @Test func supportSeesTheCustomersCartAndCanChangeNothing() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: BuiltBinary.path), "build the binary first")
        let fixture = try await SupportFixture()
        defer { fixture.stop() }
        let names = fixture.cart.cartItems.map(\.displayName)
        let total = fixture.cart.toBePaid.formatted()

        let flags = (["support", "cart", "--user-id", fixture.userID, "--readonly"] + fixture.storeFlags)
            .joined(separator: " ")
        let session = try TmuxSession(
            command: "sh -c '\(BuiltBinary.path) \(flags); echo app-exit=$?; sleep 120'",
            environment: ["STOREFRONT_SUPPORT_KEY": fixture.supportKey])
        let screen = try await session.waitFor { screen in names.allSatisfy(screen.contains) && screen.contains(total) }
        for name in names { #expect(screen.contains(name), "no \(name) on screen:\n\(screen)") }
        #expect(screen.contains("To be paid"), "no totals panel:\n\(screen)")
        #expect(screen.contains(total), "no grand total \(total):\n\(screen)")
        #expect(screen.contains("READ-ONLY"), "no read-only badge:\n\(screen)")
        #expect(screen.contains(fixture.userID), "whose cart is not said:\n\(screen)")
        #expect(!screen.contains("+ more") && !screen.contains("d remove"), "change keys in the footer:\n\(screen)")

        #expect(!screen.contains("w wishlist"), "the viewer's own wishlist in the footer:\n\(screen)")

        // Each notice differs from the one before, so that each key is seen to answer. The viewer's own
        // screens (wishlist, checkout) are outside a support view.
        let outside = "Support view: only this customer's cart and the catalog"
        for (key, notice) in [
            ("w", outside), ("+", "Read-only: changing quantities is disabled"),
            ("d", "Read-only: removing lines is disabled"), ("-", "Read-only: changing quantities is disabled"),
            ("m", "Read-only: moving lines to the wishlist is disabled"), ("Enter", outside),
        ] {
            try session.send(key)
            let shown = try await session.waitFor { $0.contains(notice) }
            #expect(shown.contains(notice), "\(key): no notice:\n\(shown)")
        }
        try session.send("q")
        let after = try await session.waitFor { $0.contains("app-exit=") }
        #expect(after.contains("app-exit=0"), "\(after)")

        // The server's cart is as the customer left it.
        let now = try #require(try await fixture.customer.userCart())
        #expect(now.cartItems.map(\.quantity) == fixture.cart.cartItems.map(\.quantity))
        #expect(now.toBePaid == fixture.cart.toBePaid)
        // The support token went nowhere: no token file, nothing in the server's logs.
        let tokenFiles =
            (try? FileManager.default.contentsOfDirectory(
                atPath: session.home.appendingPathComponent("state/storefront").path)) ?? []
        #expect(tokenFiles.isEmpty, "a token file was written: \(tokenFiles)")
        let logs = fixture.read("sandbox.out") + fixture.read("sandbox.err")
        #expect(!logs.contains(fixture.supportKey), "the support key is in the sandbox's output")
        #expect(!logs.contains("eyJ"), "a token is in the sandbox's output")
    }

    @Test func jsonPrintsTheCartAndFailuresExitWithOneLine() async throws {
        let fixture = try await SupportFixture()
        defer { fixture.stop() }
        let key = ["--support-key", fixture.supportKey]
        let (status, out, err) = try await fixture.run(
            ["support", "cart", "--user-id", fixture.userID, "--json"] + fixture.storeFlags + key)
        #expect(status == 0, "\(err)")
        struct Snapshot: Decodable {
            struct Line: Decodable {
                var name: String
                var quantity: Int
            }
            struct Totals: Decodable { var toBePaid: Money }
            var lines: [Line]
            var totals: Totals
            var containsPersonalData: Bool
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let snapshot = try decoder.decode(Snapshot.self, from: Data(out.utf8))
        #expect(snapshot.lines.map(\.name) == fixture.cart.cartItems.map(\.displayName))
        #expect(snapshot.lines.map(\.quantity) == [2, 1])
        #expect(snapshot.totals.toBePaid == fixture.cart.toBePaid)
        #expect(!snapshot.containsPersonalData)
        #expect(!out.contains("eyJ") && !err.contains("eyJ"), "a token was printed")

        // The built-in sandbox (here on the same database file) mints its own support token.
        let builtIn = try await fixture.run([
            "support", "cart", "--user-id", fixture.userID, "--json", "--sandbox-db", fixture.path("sandbox.sqlite"),
        ])
        #expect(builtIn.0 == 0, "\(builtIn.2)")
        #expect(try decoder.decode(Snapshot.self, from: Data(builtIn.1.utf8)).lines.map(\.quantity) == [2, 1])

        // The key from a file (kept out of `ps`): the same cart; a missing file is a clear failure.
        let keyFile = fixture.path("support.key")
        try Data((fixture.supportKey + "\n").utf8).write(to: URL(fileURLWithPath: keyFile))
        let fromFile = try await fixture.run(
            ["support", "cart", "--user-id", fixture.userID, "--json", "--support-key-file", keyFile]
                + fixture.storeFlags)
        #expect(fromFile.0 == 0, "\(fromFile.2)")
        #expect(try decoder.decode(Snapshot.self, from: Data(fromFile.1.utf8)).lines.map(\.quantity) == [2, 1])
        let missingFile = try await fixture.run(
            ["support", "cart", "--user-id", fixture.userID, "--json", "--support-key-file", keyFile + ".gone"]
                + fixture.storeFlags)
        #expect(missingFile.0 == 1)
        #expect(missingFile.2.contains("cannot read the support key file"), "\(missingFile.2)")

        let unknown = try await fixture.run(
            ["support", "cart", "--user-id", "NOSUCHUSER", "--json"] + fixture.storeFlags + key)
        #expect(unknown.0 == 1)
        #expect(unknown.2 == "storefront: no user NOSUCHUSER in this store.\n", "\(unknown.2)")

        let guest = StorefrontClient(
            configuration: ClientConfiguration(baseURL: fixture.baseURL, apiKey: fixture.apiKey))
        let guestID = try await guest.session().userId
        let empty = try await fixture.run(
            ["support", "cart", "--user-id", guestID, "--json"] + fixture.storeFlags + key)
        #expect(empty.0 == 1)
        #expect(empty.2 == "storefront: user \(guestID) has no cart.\n", "\(empty.2)")

        let wrongKey = try await fixture.run(
            ["support", "cart", "--user-id", fixture.userID, "--json", "--support-key", "nope"] + fixture.storeFlags)
        #expect(wrongKey.0 == 1)
        #expect(wrongKey.2.contains("Invalid support key"), "\(wrongKey.2)")
        #expect(wrongKey.2.contains("--support-key-file FILE"), "says where the right key is: \(wrongKey.2)")
        #expect(!wrongKey.2.contains(fixture.supportKey))

        let noCredential = try await fixture.run(
            ["support", "cart", "--user-id", fixture.userID, "--json"] + fixture.storeFlags)
        #expect(noCredential.0 == 2)
        #expect(noCredential.2.contains("--support-token"), "\(noCredential.2)")

        let noUser = try await fixture.run(["support", "cart", "--json"] + fixture.storeFlags + key)
        #expect(noUser.0 == 2)
        let noTerminal = try await fixture.run(
            ["support", "cart", "--user-id", fixture.userID] + fixture.storeFlags + key)
        #expect(noTerminal.0 == 2)
        #expect(noTerminal.2.contains("not a terminal"), "\(noTerminal.2)")
    }
}
