import Foundation
import StorefrontAPI
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Issue #15, items 1-4, through the built binary against a `storefront sandbox serve` on loopback: support finds
/// the customer (`support find`), `--env URL` names the store it talks to, two stores with one id keep their own
/// sessions, and the served sandbox's OTPs show because the sandbox says it is one.
@Suite(.serialized) struct SupportFindTests {
    /// The binary with the customer's own XDG folders (under `home`); (exit status, stdout, stderr).
    static func run(_ fixture: SupportFixture, home: String, _ arguments: [String], environment: [String] = [])
        async throws -> (Int32, String, String)
    {
        let out = fixture.path("run-\(UUID().uuidString).out")
        let err = fixture.path("run-\(UUID().uuidString).err")
        let status = try await Spawn.run(
            ["env", "XDG_STATE_HOME=\(home)/state", "XDG_DATA_HOME=\(home)/data", "XDG_CONFIG_HOME=\(home)/config"]
                + environment + [BuiltBinary.path] + arguments, stdout: out, stderr: err)
        return (status, fixture.read(out), fixture.read(err))
    }

    /// The fixture's guest signs in as the demo customer (the OTP comes back because the sandbox says it is one):
    /// their cart moves to the account. The account's user id.
    static func signIn(_ fixture: SupportFixture) async throws -> String {
        let challenge = try await fixture.customer.login(.phone, identifier: "9876543210")
        let otp = try #require(challenge.otp, "the served sandbox did not give the OTP")
        _ = try await fixture.customer.verifyOTP(otp, challenge: challenge)
        return try await fixture.customer.session().userId
    }

    static func keyFile(_ fixture: SupportFixture) throws -> String {
        let file = fixture.path("support.key")
        try Data((fixture.supportKey + "\n").utf8).write(to: URL(fileURLWithPath: file))
        chmod(file, 0o600)
        return file
    }

    struct Found: Decodable {
        struct User: Decodable {
            struct Cart: Decodable {
                var id: String
                var lineCount: Int
                var couponCode: String?
                var toBePaid: Money
            }
            struct Moved: Decodable {
                var userId: String
                var reason: String?
            }
            var id: String
            var name: String?
            var phone: String?
            var email: String?
            var kind: String
            var cart: Cart?
            var lastActivityAt: String?
            var cartMovedTo: Moved?
        }
        var users: [User]
    }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }

    @Test func supportFindsTheCustomerByPhoneEmailOrUserIDAndWhereAGuestCartWent() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: BuiltBinary.path), "build the binary first")
        let fixture = try await SupportFixture()
        defer { fixture.stop() }
        let guest = fixture.userID
        let account = try await Self.signIn(fixture)
        let cart = try #require(try await fixture.customer.userCart())
        let home = fixture.path("support-home")
        let flags = ["--support-key-file", try Self.keyFile(fixture)] + fixture.storeFlags

        // By phone (typed as people type it): the account, its cart, personal data masked.
        let byPhone = try await Self.run(
            fixture, home: home, ["support", "find", "--phone", "+91 98765 43210", "--json"] + flags)
        #expect(byPhone.0 == 0, "\(byPhone.2)")
        let found = try Self.decoder.decode(Found.self, from: Data(byPhone.1.utf8))
        let user = try #require(found.users.first)
        #expect(found.users.count == 1)
        #expect(user.id == account)
        #expect(user.kind == "registered")
        #expect(user.phone == "******3210")
        #expect(user.email == "d***@example.com")
        #expect(user.cart?.id == cart.id)
        #expect(user.cart?.lineCount == cart.cartItems.count)
        #expect(user.cart?.toBePaid == cart.toBePaid)
        #expect(user.lastActivityAt != nil)
        #expect(!byPhone.1.contains("9876543210") && !byPhone.1.contains("demo@example.com"), "\(byPhone.1)")

        // By email, for people: the same user in lines.
        let byEmail = try await Self.run(
            fixture, home: home, ["support", "find", "--email", "Demo@Example.com"] + flags)
        #expect(byEmail.0 == 0, "\(byEmail.2)")
        #expect(byEmail.1.contains("user \(account) (registered)"), "\(byEmail.1)")
        #expect(byEmail.1.contains("to be paid \(cart.toBePaid.formatted())"), "\(byEmail.1)")
        #expect(byEmail.1.contains("last activity"), "\(byEmail.1)")

        // The guest id the customer had before signing in says where the cart went.
        let byGuest = try await Self.run(
            fixture, home: home, ["support", "find", "--user-id", guest, "--json"] + flags)
        #expect(byGuest.0 == 0, "\(byGuest.2)")
        let guestUser = try #require(try Self.decoder.decode(Found.self, from: Data(byGuest.1.utf8)).users.first)
        #expect(guestUser.kind == "guest")
        #expect(guestUser.cart == nil)
        #expect(guestUser.cartMovedTo?.userId == account)
        #expect(guestUser.cartMovedTo?.reason == "sign-in")
        let guestCart = try await Self.run(
            fixture, home: home, ["support", "cart", "--user-id", guest, "--json"] + flags)
        #expect(guestCart.0 == 1)
        #expect(guestCart.2.contains("has no cart: it moved to user \(account) when they signed in"), "\(guestCart.2)")

        // `support cart` takes the same selectors.
        let cartByPhone = try await Self.run(
            fixture, home: home, ["support", "cart", "--phone", "9876543210", "--json"] + flags)
        #expect(cartByPhone.0 == 0, "\(cartByPhone.2)")
        struct Snapshot: Decodable {
            struct Totals: Decodable { var toBePaid: Money }
            var userId: String?
            var totals: Totals
        }
        let snapshot = try Self.decoder.decode(Snapshot.self, from: Data(cartByPhone.1.utf8))
        #expect(snapshot.userId == account)
        #expect(snapshot.totals.toBePaid == cart.toBePaid)

        // A phone number given as a user id, and nobody at all.
        let phoneAsID = try await Self.run(
            fixture, home: home, ["support", "cart", "--user-id", "9876543210", "--json"] + flags)
        #expect(phoneAsID.0 == 1)
        #expect(phoneAsID.2.contains("no user 9876543210 in this store. That looks like a phone number: use --phone."))
        let nobody = try await Self.run(fixture, home: home, ["support", "find", "--phone", "9000000001"] + flags)
        #expect(nobody.0 == 1)
        #expect(nobody.2.contains("no user with phone ******0001 in this store."), "\(nobody.2)")
        let two = try await Self.run(
            fixture, home: home, ["support", "find", "--phone", "1", "--email", "a@b.c"] + flags)
        #expect(two.0 == 2, "\(two.2)")

        // Without a credential the file forms are named first.
        let noKey = try await Self.run(
            fixture, home: home, ["support", "find", "--phone", "9876543210"] + fixture.storeFlags)
        #expect(noKey.0 == 2)
        let keyFile = try #require(noKey.2.range(of: "--support-key-file"), "\(noKey.2)")
        let keyFlag = noKey.2.range(of: "--support-key ")
        #expect(keyFlag == nil || keyFile.lowerBound < keyFlag!.lowerBound, "\(noKey.2)")
    }

    @Test func theCustomerReadsTheirUserIDFromCartShowAndCartExport() async throws {
        let fixture = try await SupportFixture()
        defer { fixture.stop() }
        let home = fixture.path("customer-home")
        let flags = ["--support-key-file", try Self.keyFile(fixture)] + fixture.storeFlags
        // Support's copy of the fixture's cart, imported into a new customer session of the command line.
        let exported = try await Self.run(
            fixture, home: fixture.path("support-home"),
            ["support", "cart", "--user-id", fixture.userID, "--json"] + flags)
        #expect(exported.0 == 0, "\(exported.2)")
        let file = fixture.path("cart.json")
        try Data(exported.1.utf8).write(to: URL(fileURLWithPath: file))
        let imported = try await Self.run(fixture, home: home, ["cart", "import", file] + fixture.storeFlags)
        #expect(imported.0 == 0, "\(imported.2)")

        struct Snapshot: Decodable { var userId: String? }
        let shown = try await Self.run(fixture, home: home, ["cart", "show", "--json"] + fixture.storeFlags)
        #expect(shown.0 == 0, "\(shown.2)")
        let userID = try #require(try Self.decoder.decode(Snapshot.self, from: Data(shown.1.utf8)).userId)
        let export = try await Self.run(fixture, home: home, ["cart", "export"] + fixture.storeFlags)
        #expect(try Self.decoder.decode(Snapshot.self, from: Data(export.1.utf8)).userId == userID)
        // The id the customer reads out is the one support finds, with that cart.
        let found = try await Self.run(
            fixture, home: fixture.path("support-home"), ["support", "find", "--user-id", userID, "--json"] + flags)
        #expect(found.0 == 0, "\(found.2)")
        let user = try #require(try Self.decoder.decode(Found.self, from: Data(found.1.utf8)).users.first)
        #expect(user.kind == "guest")
        #expect(user.cart?.lineCount == fixture.cart.cartItems.count)
    }

    @Test func envURLNamesTheStoreAndAnEnvWithoutAStoreIsRefused() async throws {
        let fixture = try await SupportFixture()
        defer { fixture.stop() }
        let home = fixture.path("home")
        let url = fixture.baseURL.absoluteString
        let key = ["--support-key-file", try Self.keyFile(fixture)]
        // No --store-id: the URL's own (`…/api/v1/sandbox/storefront`). The guest exists only in the served store.
        let served = try await Self.run(
            fixture, home: home,
            ["support", "cart", "--user-id", fixture.userID, "--json", "--env", url, "--api-key", fixture.apiKey] + key)
        #expect(served.0 == 0, "\(served.2)")
        #expect(served.2 == "storefront: using store sandbox at \(url)\n", "\(served.2)")
        let quiet = try await Self.run(
            fixture, home: home,
            ["products", "search", "tea", "--env", url, "--api-key", fixture.apiKey, "--quiet"])
        #expect(quiet.0 == 0, "\(quiet.2)")
        #expect(quiet.2.isEmpty, "\(quiet.2)")
        #expect(!quiet.1.isEmpty)
        // The built-in sandbox says so too.
        let builtIn = try await Self.run(
            fixture, home: home, ["products", "search", "tea", "--sandbox-db", fixture.path("builtin.sqlite")])
        #expect(builtIn.0 == 0, "\(builtIn.2)")
        #expect(builtIn.2.hasPrefix("storefront: using the built-in sandbox ("), "\(builtIn.2)")

        // Never the built-in sandbox when a store was asked for.
        let port = fixture.baseURL.port ?? 0
        for (arguments, environment) in [
            (["--env", "http://127.0.0.1:\(port)/"], [String]()), (["--env", "staging"], []),
            ([], ["STOREFRONT_ENV=http://127.0.0.1:\(port)/storefront"]),
        ] {
            let refused = try await Self.run(
                fixture, home: home, ["products", "search", "tea"] + arguments, environment: environment)
            #expect(refused.0 == 2, "\(arguments) \(environment): \(refused.2)")
            #expect(refused.2.contains("names no store"), "\(refused.2)")
            #expect(refused.1.isEmpty)
        }
    }

    @Test func twoStoresWithOneIDKeepTheirSessionsAndARefusedSessionIsRetriedAsAGuest() async throws {
        let store = try StandaloneStore()
        try await store.start()
        let fixture = try await SupportFixture()
        defer { fixture.stop() }
        let home = fixture.path("home")
        // The built-in sandbox and a served one are both store `sandbox`: each keeps its own token file.
        let builtIn = try await Self.run(
            fixture, home: home, ["cart", "show", "--json", "--sandbox-db", fixture.path("builtin.sqlite")])
        #expect(builtIn.0 == 0, "\(builtIn.2)")
        let served = try await Self.run(fixture, home: home, ["cart", "show", "--json"] + fixture.storeFlags)
        #expect(served.0 == 0, "\(served.2)")
        #expect(!served.2.contains("expired"), "\(served.2)")
        let again = try await Self.run(
            fixture, home: home, ["cart", "show", "--json", "--sandbox-db", fixture.path("builtin.sqlite")])
        #expect(again.0 == 0 && !again.2.contains("expired"), "\(again.2)")
        let files = try FileManager.default.contentsOfDirectory(atPath: home + "/state/storefront")
            .filter { $0.hasPrefix("tokens-sandbox-") }
        #expect(files.count == 2, "\(files)")

        // The same store address with a new database (a sandbox reset): the saved session is refused; the
        // search runs again on the new guest session.
        let flags = ["--quiet"] + store.storeArguments
        let first = try await Self.run(fixture, home: home, ["products", "search", "tea"] + flags)
        #expect(first.0 == 0, "\(first.2)")
        await store.kill()
        for suffix in ["", "-wal", "-shm", ".support-key"] { unlink(store.database + suffix) }
        try await store.start()
        let retried = try await Self.run(fixture, home: home, ["products", "search", "tea"] + flags)
        #expect(retried.0 == 0, "\(retried.2)")
        #expect(retried.1 == first.1, "\(retried.1)")
        #expect(
            retried.2 == "storefront: the store did not accept the saved session; continuing as a new guest.\n",
            "\(retried.2)")
    }

    @Test func aStoreWithoutUserSearchSaysSoAndNamesTheUserIDFlag() async throws {
        let store = try await OneBrokenProductStore.start()
        let fixture = try await SupportFixture()
        defer { fixture.stop() }
        let tokenFile = fixture.path("operator.token")
        try Data("operator-issued-token\n".utf8).write(to: URL(fileURLWithPath: tokenFile))
        let flags = [
            "--env", store.baseURL.absoluteString, "--api-key", "k", "--support-token-file", tokenFile, "--quiet",
        ]
        let byPhone = try await Self.run(
            fixture, home: fixture.path("home"), ["support", "find", "--phone", "9876543210"] + flags)
        #expect(byPhone.0 == 1, "\(byPhone.2)")
        #expect(
            byPhone.2
                == "storefront: This store offers no way to look a customer up (Commerce Engine's storefront API has "
                + "no user search): ask the customer for the user id on their Account screen and pass it with "
                + "--user-id.\n", "\(byPhone.2)")
        // A user id still reads that user's cart (none here).
        let byID = try await Self.run(
            fixture, home: fixture.path("home"), ["support", "find", "--user-id", "u-1"] + flags)
        #expect(byID.0 == 0, "\(byID.2)")
        #expect(byID.1.contains("user u-1 (unknown)") && byID.1.contains("cart           none"), "\(byID.1)")
        await store.stop()
    }

    @Test func theServedSandboxShowsItsOTPWithoutAnyFlag() async throws {
        let fixture = try await SupportFixture()
        defer { fixture.stop() }
        let shop = [BuiltBinary.path, "--env", fixture.baseURL.absoluteString, "--api-key", fixture.apiKey]
        let session = try TmuxSession(command: "sh -c '\(shop.joined(separator: " ")); echo app-exit=$?; sleep 120'")
        let catalog = try await session.waitFor { $0.contains("₹") && $0.contains("guest") }
        let port = fixture.baseURL.port ?? 0
        #expect(catalog.contains("sandbox @ 127.0.0.1:\(port)"), "the header does not name the store:\n\(catalog)")
        try session.send("l")
        _ = try await session.waitFor { $0.contains("Log in or create an account") }
        try session.send("-l", "9876543210")
        try session.send("Enter")
        let otp = try await session.waitFor { $0.contains("sandbox OTP:") }
        #expect(otp.contains("sandbox OTP:"), "no OTP on a served sandbox:\n\(otp)")
    }
}
