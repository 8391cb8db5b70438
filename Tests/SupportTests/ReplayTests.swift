import Foundation
import GRDB
import Sandbox
import ShopCore
import StorefrontAPI
import Testing

/// Record a real session against one sandbox, replay it against another, over loopback.
@Suite(.serialized) @MainActor struct ReplayTests {
    typealias Site = SandboxSite

    /// What the recording must never contain.
    struct Secrets {
        var otp = ""
        var otpToken = ""
        var password = "hunter2-Secret"
        var tokens: TokenPair?
    }

    static func recordingFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("sf-recording-\(UUID().uuidString).jsonl")
    }

    /// Glide Wireless Mouse, a simple product of the seed.
    static let mouse = "01JNRY6NMNNBNQTF9GY7BZT"

    /// A customer's session, driven through a real store with the real client and recorded to `file`:
    /// OTP login as the demo customer, the mouse into the cart, checkout with the saved address, standard delivery,
    /// order placed with the Juspay hosted page (left awaiting payment).
    /// With `pay`, the customer then pays on the hosted page and the app's polling sees it.
    /// With `enter`, the OTP is submitted as the terminal does it: Enter on the OTP screen (`select`).
    static func recordCheckout(on sandbox: Site, to file: URL, pay: Bool = false, enter: Bool = false) async throws
        -> (Secrets, State)
    {
        let tokens = MemoryTokenStore()
        let clock = TestClock()
        let store = Store(environment: ShopEnvironment(api: .live(sandbox.client(tokens: tokens)), clock: clock))
        let recorder = try store.record(to: file, store: "sandbox")
        var secrets = Secrets()
        func send(_ action: Action) async throws {
            store.send(action)
            try #require(await store.settle(sleepingOn: clock), "no answer to \(action)")
            let pause = clock.now.advanced(by: .milliseconds(300))
            while clock.resumeNext(through: pause) { try #require(await store.settle(sleepingOn: clock)) }
        }
        try await send(.appStarted)
        try await send(.navigate(.login))
        try await send(.setField(.loginIdentifier, "9876543210"))
        // Typed into the password box, then the customer chose an OTP instead.
        try await send(.edit(.password, .insert(secrets.password)))
        try await send(.session(.view(.requestOTP)))
        let challenge = try #require(store.state.auth.challenge)
        secrets.otp = try #require(challenge.otp)
        secrets.otpToken = challenge.otpToken
        for digit in secrets.otp { try await send(.edit(.otp, .insert(String(digit)))) }
        try await send(enter ? .select : .session(.view(.submitOTP)))
        #expect(store.state.isSignedIn)
        secrets.tokens = tokens.load()
        try await send(.navigate(.product(id: mouse)))
        try await send(.product(.view(.changeQuantity(by: 1))))
        try await send(.product(.view(.addToCart)))
        try await send(.navigate(.cart))
        try await send(.checkout(.view(.start)))
        try await send(.checkout(.view(.chooseAddress)))
        try await send(.checkout(.view(.skipBusiness)))
        try await send(.checkout(.view(.chooseDelivery)))
        try await send(.checkout(.view(.placeOrder)))
        #expect(store.state.payment.phase == .awaiting, "\(store.state.payment)")
        #expect(store.state.payment.link != nil)
        if pay {
            let number = try #require(store.state.payment.orderNumber)
            try SandboxPayments.settle(orderNumber: number, fail: false, databasePath: sandbox.databasePath)
            let poll = clock.now.advanced(by: .seconds(3))
            while clock.resumeNext(through: poll) { try #require(await store.settle(sleepingOn: clock)) }
            #expect(store.state.payment.phase == .paid)
        }
        recorder.close()
        store.cancelAll()
        return (secrets, store.state)
    }

    @Test func aRecordedLoginAndCheckoutReplaysToTheSameState() async throws {
        let first = try await Site()
        let file = Self.recordingFile()
        defer { try? FileManager.default.removeItem(at: file) }
        let (_, final) = try await Self.recordCheckout(on: first, to: file)
        #expect(final.checkout.placement == .placed)
        #expect(final.checkout.order?.orderItems?.first?.quantity == 2)
        await first.close()

        let recording = try Recording.read(contentsOf: file)
        #expect(recording.header.store == "sandbox")
        #expect(recording.intents.count >= 15)
        // Intents are what the front end sent; answers what effects delivered.
        #expect(recording.entries.first == Recording.Entry(origin: .intent, action: .appStarted, line: 2))
        let otpSent = recording.entries.filter {
            if case .session(.response(.otpSent)) = $0.action { true } else { false }
        }
        #expect(otpSent.count == 1 && otpSent.allSatisfy { $0.origin == .answer })
        #expect(recording.intents.contains { $0.action == .checkout(.view(.placeOrder)) })
        #expect(
            !recording.intents.contains {
                if case .checkout(.response(.orderPlaced)) = $0.action { true } else { false }
            })
        // The recorded state is the pure reducer over the lines: it ends where the customer ended.
        let lines = recording.entries.map(\.action)
        var recorded = State()
        let environment = ShopEnvironment(
            api: .live(StorefrontClient(configuration: .init(baseURL: file, apiKey: "k"))))
        recorded = try ActionLog.replay(lines.map { try ActionLog.line(for: $0) }, environment: environment)
        #expect(recorded.payment.phase == .awaiting)
        #expect(ReplayFingerprint(recorded) == ReplayFingerprint(final))

        let second = try await Site()
        let report = await Replayer(recording: recording, api: .live(second.client()), options: .patient).run()
        #expect(report.isSame, "\(report.headline)")
        #expect(report.headline == "replayed \(recording.intents.count) intents; same state")
        #expect(report.intentsReplayed == recording.intents.count)
        #expect(report.checkpointsCompared > 10)
        #expect(report.notes.contains { $0.contains("OTP") })
        #expect(!report.notes.contains { $0.contains("not compared") }, "\(report.notes)")
        await second.close()
    }

    /// A checkout recorded on a sandbox of its own, read back (the file removed).
    static func recordedCheckout(enter: Bool) async throws -> Recording {
        let site = try await Site()
        let file = recordingFile()
        defer { try? FileManager.default.removeItem(at: file) }
        _ = try await recordCheckout(on: site, to: file, enter: enter)
        await site.close()
        return try Recording.read(contentsOf: file)
    }

    @Test func anOTPSubmittedWithEnterIsReplacedByTheLiveOneToo() async throws {
        let recording = try await Self.recordedCheckout(enter: true)
        #expect(!recording.intents.contains { $0.action == .session(.view(.submitOTP)) })
        let second = try await Site()
        let report = await Replayer(recording: recording, api: .live(second.client()), options: .patient).run()
        #expect(report.isSame, "\(report.headline)")
        #expect(report.notes.contains { $0.contains("OTP") })
        await second.close()
    }

    @Test func aChangedPriceIsTheFirstDifference() async throws {
        let first = try await Site()
        let file = Self.recordingFile()
        defer { try? FileManager.default.removeItem(at: file) }
        _ = try await Self.recordCheckout(on: first, to: file)
        await first.close()

        let second = try await Site()
        try await second.alter("UPDATE product SET selling_price = selling_price + 10000 WHERE id = ?", [Self.mouse])
        let report = await Replayer(
            recording: try Recording.read(contentsOf: file), api: .live(second.client()), options: .patient
        ).run()
        guard case .different(let intent, let summary, let differences) = report.outcome else {
            Issue.record("expected a difference, got \(report.headline)")
            await second.close()
            return
        }
        #expect(summary == "product.addToCart")
        #expect(intent > 5)
        let keys = differences.map(\.key)
        #expect(keys.contains("cart.line[Glide Wireless Mouse].unit_price"), "\(keys)")
        #expect(keys.contains("cart.to_be_paid"), "\(keys)")
        let price = try #require(differences.first { $0.key.hasSuffix("unit_price") })
        #expect(price.recorded == Money(minorUnits: 89_900).formatted())
        #expect(price.replayed == Money(minorUnits: 99_900).formatted())
        #expect(report.headline.hasPrefix("first difference after intent #\(intent) (product.addToCart): "))
        #expect(report.headline.contains("cart.to_be_paid recorded "))
        await second.close()
    }

    @Test func aPaymentMadeOutsideTheAppIsReportedAndPollingEnds() async throws {
        let first = try await Site()
        let file = Self.recordingFile()
        defer { try? FileManager.default.removeItem(at: file) }
        _ = try await Self.recordCheckout(on: first, to: file, pay: true)
        await first.close()

        let second = try await Site()
        let recording = try Recording.read(contentsOf: file)
        // Nobody pays during replay: the live polling runs its 40 polls on replay's clock and times out.
        let report = await Replayer(recording: recording, api: .live(second.client()), options: .patient).run()
        guard case .different(let intent, let summary, let differences) = report.outcome else {
            Issue.record("expected a difference, got \(report.headline)")
            await second.close()
            return
        }
        #expect(intent == recording.intents.count)
        #expect(summary == "checkout.placeOrder")
        #expect(differences.contains(ReplayDifference(key: "payment.phase", recorded: "paid", replayed: "timedOut")))
        await second.close()
    }

    @Test func aStoreThatDoesNotRevealOTPsStopsTheReplayClearly() async throws {
        let first = try await Site()
        let file = Self.recordingFile()
        defer { try? FileManager.default.removeItem(at: file) }
        _ = try await Self.recordCheckout(on: first, to: file)
        await first.close()
        // A store that does not say it is a sandbox (as a real one): OTPs never come back with the challenge.
        let second = try await Site()
        let client = StorefrontClient(
            configuration: ClientConfiguration(baseURL: second.server.baseURL, apiKey: "k", debugMode: false),
            transport: UnannouncedTransport(), tokenStore: MemoryTokenStore())
        let report = await Replayer(
            recording: try Recording.read(contentsOf: file), api: .live(client), options: .patient
        ).run()
        guard case .stopped(let intent, let summary, let reason) = report.outcome else {
            Issue.record("expected a stop, got \(report.headline)")
            await second.close()
            return
        }
        #expect(summary == "session.submitOTP")
        #expect(report.intentsReplayed == intent - 1)
        #expect(reason.contains("does not reveal OTPs"))
        #expect(report.headline.hasPrefix("replay stopped at intent #\(intent) (session.submitOTP): "))
        await second.close()
    }

    @Test func aSessionRestoredSignedInIsNotedAndDiffersFromTheFirstIntent() async throws {
        let claims = TokenClaims(userId: "u1", isAnonymous: false, isLoggedIn: true, expiresAt: nil)
        let text =
            [
                try Recording.headerLine(store: "sandbox"), try Recording.line(for: .appStarted),
                try Recording.line(for: .session(.response(.started(claims)))),
                try Recording.line(
                    for: .catalog(.response(.pageLoaded(page: 1, products: [], nextPage: nil, total: 0)))),
                try Recording.line(for: .catalog(.response(.categoriesLoaded([])))),
                try Recording.line(for: .cart(.response(.loaded(nil)))),
                try Recording.line(
                    for: .session(
                        .response(.userLoaded(User(id: "u1", firstName: "Asha", isAnonymous: false, isLoggedIn: true))))
                ),
                // A restored member's orders are read at start (how many await payment).
                try Recording.line(for: .orders(.response(.loaded(page: 1, orders: [], nextPage: nil)))),
            ].joined(separator: "\n") + "\n"
        let sandbox = try await Site()
        let report = await Replayer(
            recording: try Recording.decode(Data(text.utf8)), api: .live(sandbox.client()), options: .patient
        )
        .run()
        #expect(report.notes.contains { $0.contains("already signed in") })
        guard case .different(1, "appStarted", let differences) = report.outcome else {
            Issue.record("expected a difference at intent #1, got \(report.headline)")
            await sandbox.close()
            return
        }
        #expect(differences.contains(ReplayDifference(key: "signed_in", recorded: "true", replayed: "false")))
        await sandbox.close()
    }

    @Test func theRecordingKeepsNoSecrets() async throws {
        let sandbox = try await Site()
        let file = sandbox.directory.appendingPathComponent("session.jsonl")
        let (secrets, _) = try await Self.recordCheckout(on: sandbox, to: file)
        let text = try String(contentsOf: file, encoding: .utf8)
        let tokens = try #require(secrets.tokens)
        #expect(secrets.otp.count >= 4 && secrets.otpToken.count >= 8)
        #expect(!text.contains(secrets.otpToken))
        #expect(!text.contains(secrets.password))
        #expect(!text.contains(tokens.accessToken))
        #expect(!text.contains(tokens.refreshToken))
        // Typed OTP digits are masked, and no OTP key holds the OTP.
        for line in text.split(separator: "\n") where line.contains(#""_0":"otp""#) {
            #expect(line.contains("•") || line.contains(ActionLog.mask), "\(line)")
        }
        #expect(!text.contains(#""otp":"\#(secrets.otp)""#))
        #expect(text.contains(ActionLog.mask))
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        await sandbox.close()
    }

    @Test func truncatedAndForeignRecordingsAreRefusedClearly() throws {
        let header = try Recording.headerLine(store: "sandbox")
        let entry = try Recording.line(for: .appStarted)
        let whole = Data((header + "\n" + entry + "\n" + entry + "\n").utf8)
        #expect(try Recording.decode(whole).intents.count == 2)

        #expect(throws: Recording.ReadError.truncated(line: 3)) {
            _ = try Recording.decode(whole.prefix(whole.count - 6))
        }
        #expect(throws: Recording.ReadError.notARecording) {
            _ = try Recording.decode(Data((#"{"version":1,"lines":[]}"# + "\n").utf8))
        }
        #expect(throws: Recording.ReadError.notARecording) {
            _ = try Recording.decode(Data("{\"appStarted\":{}}\n".utf8))
        }
        #expect(throws: Recording.ReadError.empty) { _ = try Recording.decode(Data()) }
        #expect(throws: Recording.ReadError.newerVersion(2)) {
            _ = try Recording.decode(Data((#"{"recording":2,"started_at":"x","store":"sandbox"}"# + "\n").utf8))
        }
        let foreignLine = Data((header + "\n" + #"{"origin":"intent","action":{"teleport":{}}}"# + "\n").utf8)
        #expect(throws: Recording.ReadError.self) { _ = try Recording.decode(foreignLine) }
        #expect(Recording.ReadError.truncated(line: 3).errorDescription?.contains("truncated") == true)
        #expect(Recording.ReadError.notARecording.errorDescription?.contains("not a storefront recording") == true)
        #expect(Recording.ReadError.badLine(line: 2, reason: "x").errorDescription?.contains("Line 2") == true)
    }
}

/// The real transport, with the sandbox's `x-storefront-sandbox` header taken off its answers: the sandbox then
/// answers as a real store would, never revealing OTPs.
struct UnannouncedTransport: HTTPTransport {
    let transport: any HTTPTransport = CurlTransport(trust: .system)

    func send(_ request: HTTPRequest) async throws(APIError) -> HTTPResponse {
        var response = try await transport.send(request)
        response.headers["x-storefront-sandbox"] = nil
        return response
    }
}
