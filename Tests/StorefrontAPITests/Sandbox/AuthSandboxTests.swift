import Foundation
import Testing

@testable import StorefrontAPI

/// The auth endpoint group over real HTTP against the sandbox.
@Suite("Auth against the sandbox", .timeLimit(.minutes(5)))
struct AuthSandboxTests {
    @Test("anonymous session on first need, the user it names, and the token file")
    func anonymousSession() async throws {
        try await SandboxHarness.with { harness in
            let claims = try await harness.client.session()
            #expect(claims.isAnonymous)
            #expect(!claims.isLoggedIn)
            let user = try await harness.client.user()
            #expect(user.id == claims.userId)
            #expect(user.isAnonymous)
            let stored = FileTokenStore(fileURL: harness.directory.appendingPathComponent("state/tokens.json")).load()
            #expect(stored == (await harness.client.currentTokens()))
        }
    }

    @Test("a wrong API key: the anonymous bootstrap fails with a message naming the key")
    func wrongAPIKey() async throws {
        try await SandboxHarness.with { harness in
            var configuration = harness.client.configuration
            configuration.apiKey = "not-the-key"
            let client = StorefrontClient(configuration: configuration)
            let result = await outcome { () async throws(APIError) in try await client.products() }
            #expect(result.failure?.status == 401)
            #expect(result.failure?.message.contains("API key") == true)
            #expect(await client.currentTokens() == nil)
        }
    }

    @Test("an explicit refresh rotates the pair and keeps the identity")
    func explicitRefresh() async throws {
        try await SandboxHarness.with { harness in
            try await harness.loginDemo()
            let before = try #require(await harness.client.currentTokens())
            let claims = try await harness.client.refreshSession()
            #expect(await harness.client.currentTokens() != before)
            #expect(claims?.userId == (await harness.client.peekSession())?.userId)
            #expect(claims?.isLoggedIn == true)
        }
    }

    @Test("login by phone, email and WhatsApp: OTP challenge, verify, signed in", arguments: OTPChannel.allCases)
    func otpLogin(channel: OTPChannel) async throws {
        try await SandboxHarness.with { harness in
            let identifier = channel == .email ? SandboxHarness.demoEmail : SandboxHarness.demoPhone
            let challenge = try await harness.client.login(channel, identifier: identifier)
            #expect(!challenge.otpToken.isEmpty)
            let user = try await harness.client.verifyOTP(try harness.otp(challenge), challenge: challenge)
            #expect(user?.isLoggedIn == true)
            #expect(user?.phone == SandboxHarness.demoPhone)
            let claims = try await harness.client.session()
            #expect(claims.isLoggedIn && !claims.isAnonymous)
        }
    }

    @Test("a wrong OTP is a typed HTTP error and the session stays anonymous")
    func wrongOTP() async throws {
        try await SandboxHarness.with { harness in
            let challenge = try await harness.client.login(.phone, identifier: SandboxHarness.demoPhone)
            let wrong = try harness.otp(challenge) == "000000" ? "111111" : "000000"
            let result = await outcome { () async throws(APIError) in
                try await harness.client.verifyOTP(wrong, challenge: challenge)
            }
            #expect([400, 401].contains(result.failure?.status ?? 0))
            #expect(try await harness.client.session().isAnonymous)
        }
    }

    @Test(
        "register by phone, email, WhatsApp and password, each verified by OTP", arguments: [nil] + OTPChannel.allCases)
    func register(channel: OTPChannel?) async throws {
        try await SandboxHarness.with { harness in
            let suffix = String(Int.random(in: 1_000_000...9_999_999))
            let registration = Registration(
                firstName: "Meera", lastName: "Iyer", phone: "900" + suffix,
                email: "meera\(suffix)@example.com", password: channel == nil ? "correct-horse-1" : nil)
            // The documented register-with-password body has no names (email, password, confirm_password, phone).
            let name: String? = channel == nil ? nil : "Meera"
            // OTP-first (current spec) or, for password registration, tokens at once: both are handled.
            if let challenge = try await harness.client.register(channel, registration) {
                let user = try await harness.client.verifyOTP(try harness.otp(challenge), challenge: challenge)
                #expect(user?.firstName == name)
            } else {
                #expect(channel == nil)
            }
            #expect(try await harness.client.user().firstName == name)
            #expect(try await harness.client.session().isLoggedIn)
            if channel == nil {
                _ = try await harness.client.logout()
                let again = try await harness.client.loginWithPassword(
                    identifier: "meera\(suffix)@example.com", password: "correct-horse-1")
                #expect(again?.email == "meera\(suffix)@example.com")
            }
        }
    }

    @Test("refresh rotates the pair and persists it; logout answers guest tokens that are persisted")
    func refreshAndLogout() async throws {
        try await SandboxHarness.with { harness in
            try await harness.loginDemo()
            let before = try #require(await harness.client.currentTokens())
            // Move the client's clock past expiry: the next call refreshes first.
            harness.clock.advance(3600)
            let claims = try await harness.client.session()
            let after = try #require(await harness.client.currentTokens())
            #expect(after != before)
            #expect(claims.isLoggedIn)
            let stored = FileTokenStore(fileURL: harness.directory.appendingPathComponent("state/tokens.json"))
            #expect(stored.load() == after)
            harness.clock.advance(-3600)

            let user = try await harness.client.logout()
            #expect(user?.isAnonymous == true)
            let guest = try #require(await harness.client.currentTokens())
            #expect(stored.load() == guest)
            #expect(try await harness.client.session().isAnonymous)
        }
    }

    @Test("a refresh token the server no longer honours signs out: signed-out error, then a guest session")
    func revokedRefreshSignsOut() async throws {
        try await SandboxHarness.with { harness in
            try await harness.loginDemo()
            let signedIn = try #require(await harness.client.currentTokens())
            // Another device rotated the refresh token (it works once).
            let other = StorefrontClient(
                configuration: harness.client.configuration, tokenStore: MemoryTokenStore(signedIn))
            _ = try await outcome { () async throws(APIError) in
                try await other.send("POST", "/auth/refresh-token", body: ["refresh_token": signedIn.refreshToken])
                    as EmptyContent
            }.get()
            // Our access token now looks expired to us: the next call refreshes with the spent refresh token.
            harness.clock.advance(3600)

            let result = await outcome { () async throws(APIError) in try await harness.client.user() }

            #expect(result.failure == .signedOut)
            harness.clock.advance(-3600)
            #expect(try await harness.client.session().isAnonymous)
        }
    }

    @Test("user: retrieve, update, notification preferences, verification status, profile image")
    func userSettings() async throws {
        try await SandboxHarness.with { harness in
            try await harness.loginDemo()
            let user = try await harness.client.user()
            #expect(user.email == SandboxHarness.demoEmail)

            let updated = try await harness.client.updateUser(UserUpdate(firstName: "Devi"))
            #expect(updated.firstName == "Devi")

            let preferences = try await harness.client.notificationPreferences()
            var changed = preferences
            changed.promotional = NotificationChannels(email: false, sms: false, whatsapp: true)
            let created = try await harness.client.saveNotificationPreferences(changed, create: true)
            #expect(created.promotional == changed.promotional)
            changed.newsletter = NotificationChannels(email: true, sms: false, whatsapp: false)
            let saved = try await harness.client.saveNotificationPreferences(changed, create: false)
            #expect(saved.newsletter?.email == true)
            #expect(try await harness.client.notificationPreferences() == saved)

            let status = try await harness.client.verificationStatus(
                phones: [SandboxHarness.demoPhone, "9000000001"], emails: [SandboxHarness.demoEmail])
            #expect(status.verifiedPhone == [SandboxHarness.demoPhone])
            #expect(status.verifiedEmail == [SandboxHarness.demoEmail])

            // A real multipart upload of files on disk; the answer's URL serves the bytes that were sent.
            let directory = TestClient.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: UInt8(7), count: 64))
            let gif = Data(Array("GIF89a".utf8) + Array(repeating: UInt8(1), count: 32))
            let first = directory.appendingPathComponent("me.png")
            let second = directory.appendingPathComponent("me.gif")
            try png.write(to: first)
            try gif.write(to: second)
            let url = try #require(try await harness.client.setProfileImage(fileAt: first.path, replace: false))
            #expect(try Data(contentsOf: #require(URL(string: url))) == png)
            let replaced = try #require(try await harness.client.setProfileImage(fileAt: second.path, replace: true))
            #expect(try await harness.client.profileImage() == replaced)
            #expect(try Data(contentsOf: #require(URL(string: replaced))) == gif)
            // Checked before sending: not an image, or no file at all, is refused with a sentence.
            let text = directory.appendingPathComponent("notes.txt")
            try Data("hello".utf8).write(to: text)
            let refused = await outcome { () async throws(APIError) in
                try await harness.client.setProfileImage(fileAt: text.path, replace: true)
            }
            #expect(refused.failure?.message.contains("is not a PNG, JPEG, GIF or WebP image") == true)
            let missing = await outcome { () async throws(APIError) in
                try await harness.client.setProfileImage(
                    fileAt: directory.appendingPathComponent("no.png").path, replace: true)
            }
            #expect(missing.failure?.message.contains("There is no file at") == true)
            try await harness.client.deleteProfileImage()
            let gone = await outcome { () async throws(APIError) in try await harness.client.profileImage() }
            #expect(gone.failure?.status == 404 || (try? gone.get()) == .some(nil))
        }
    }

    @Test("passwords: change, forgot and reset with the OTP; generate OTP")
    func passwords() async throws {
        try await SandboxHarness.with { harness in
            let email = "pw-\(UUID().uuidString.prefix(6))@example.com"
            let phone = "98" + String(Int.random(in: 10_000_000...99_999_999))
            let registration = Registration(firstName: "Kiran", phone: phone, email: email, password: "first-password")
            if let challenge = try await harness.client.register(nil, registration) {
                _ = try await harness.client.verifyOTP(try harness.otp(challenge), challenge: challenge)
            }
            #expect(try await harness.client.session().isLoggedIn)

            try await harness.client.changePassword(old: "first-password", new: "second-password")
            let wrongOld = await outcome { () async throws(APIError) in
                try await harness.client.changePassword(old: "first-password", new: "third-password")
            }
            #expect(wrongOld.failure?.status == 401)

            // The registration OTP went by SMS; the reset one goes by email (one OTP per destination per 30 s).
            let reset = try await harness.client.forgotPassword(email: email, phone: nil)
            try await harness.client.resetPassword(
                newPassword: "third-password", otp: try harness.otp(reset), challenge: reset)
            _ = try await harness.client.logout()
            let user = try await harness.client.loginWithPassword(identifier: email, password: "third-password")
            #expect(user?.email == email)

            // The other flow: verify the reset OTP first, then reset with the verified otp_token alone.
            let second = try await harness.client.forgotPassword(email: nil, phone: phone)
            _ = try await harness.client.verifyOTP(try harness.otp(second), challenge: second)
            try await harness.client.resetPassword(newPassword: "fourth-password", otpToken: second.otpToken)
            _ = try await harness.client.logout()
            let again = try await harness.client.loginWithPassword(identifier: phone, password: "fourth-password")
            #expect(again?.phone == phone)

            let verify = try await harness.client.generateOTP(
                channel: "sms", phone: "9123456780", email: nil, action: "verify-phone")
            #expect(verify.otpAction == "verify-phone")
            #expect(verify.otp != nil)
        }
    }

    @Test("deactivate: the account is closed and the next call runs as a new guest")
    func deactivate() async throws {
        try await SandboxHarness.with { harness in
            let user = try #require(try await harness.loginNew())
            try await harness.client.deactivateAccount()
            #expect(await harness.client.currentTokens() == nil)
            let claims = try await harness.client.session()
            #expect(claims.isAnonymous)
            #expect(claims.userId != user.id)
        }
    }
}
