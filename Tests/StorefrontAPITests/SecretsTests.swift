import Foundation
import Testing

@testable import StorefrontAPI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Secrets: token files and log redaction", .timeLimit(.minutes(5)))
struct SecretsTests {
    @Test("the token file is written with mode 0600 in a 0700 directory, and replaced in place")
    func tokenFileMode() throws {
        let directory = TestClient.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = FileTokenStore.forStore(
            "demo store/1", environment: ["XDG_STATE_HOME": directory.path, "HOME": "/nonexistent"])

        #expect(store.fileURL.path == directory.path + "/storefront/tokens-demo_store_1.json")
        store.save(TokenPair(accessToken: "a1", refreshToken: "r1"))
        store.save(TokenPair(accessToken: "a2", refreshToken: "r2"))

        #expect(try mode(store.fileURL.path) == 0o600)
        #expect(try mode(store.fileURL.deletingLastPathComponent().path) == 0o700)
        #expect(store.load() == TokenPair(accessToken: "a2", refreshToken: "r2"))
        let leftovers = try FileManager.default.contentsOfDirectory(
            atPath: store.fileURL.deletingLastPathComponent().path)
        #expect(leftovers == ["tokens-demo_store_1.json"])
        store.save(nil)
        #expect(store.load() == nil)
    }

    @Test("two stores with one id keep their own token files; an older file is taken over once")
    func tokenFilesPerStoreAndAddress() throws {
        let directory = TestClient.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let environment = ["XDG_STATE_HOME": directory.path]
        let legacy = FileTokenStore.forStore("sandbox", environment: environment)
        legacy.save(TokenPair(accessToken: "old", refreshToken: "r0"))
        let builtIn = FileTokenStore.forStore(
            "sandbox", location: "built-in:/data/sandbox.sqlite", environment: environment)
        let served = FileTokenStore.forStore(
            "sandbox", location: "http://127.0.0.1:8080/api/v1/sandbox/storefront", environment: environment)
        #expect(builtIn.fileURL != served.fileURL)
        #expect(builtIn.fileURL.lastPathComponent.hasPrefix("tokens-sandbox-"))
        // The first store of that id took the older file over; the second starts with none.
        #expect(builtIn.load()?.accessToken == "old")
        #expect(legacy.load() == nil)
        #expect(served.load() == nil)
        served.save(TokenPair(accessToken: "a2", refreshToken: "r2"))
        #expect(builtIn.load()?.accessToken == "old")
        // The same address names the same file on every run.
        let again = FileTokenStore.forStore(
            "sandbox", location: "http://127.0.0.1:8080/api/v1/sandbox/storefront", environment: environment)
        #expect(again.fileURL == served.fileURL)
        #expect(again.load()?.accessToken == "a2")
    }

    @Test("a token file found readable by others is made private when read")
    func looseFileTightened() throws {
        let directory = TestClient.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("tokens.json")
        try Data(#"{"accessToken":"a","refreshToken":"r"}"#.utf8).write(to: url)
        _ = chmod(url.path, 0o644)
        #expect(FileTokenStore(fileURL: url).load() == TokenPair(accessToken: "a", refreshToken: "r"))
        #expect(try mode(url.path) == 0o600)
    }

    @Test("concurrent writers on one token file leave one whole pair and no temporary files")
    func concurrentWriters() async throws {
        let directory = TestClient.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("state/tokens.json")
        let pairs = (0..<16).map { TokenPair(accessToken: "access-\($0)", refreshToken: "refresh-\($0)") }
        await withTaskGroup(of: Void.self) { group in
            for pair in pairs {
                group.addTask { FileTokenStore(fileURL: url).save(pair) }
            }
        }
        let stored = try #require(FileTokenStore(fileURL: url).load())
        #expect(pairs.contains(stored))
        let names = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
        #expect(names == ["tokens.json"])
    }

    @Test("without XDG_STATE_HOME the file lives under ~/.local/state/storefront")
    func defaultStateDirectory() {
        let store = FileTokenStore.forStore("s1", environment: ["HOME": "/home/asha"])
        #expect(store.fileURL.path == "/home/asha/.local/state/storefront/tokens-s1.json")
    }

    @Test("a corrupt token file reads as no session")
    func corruptFile() throws {
        let directory = TestClient.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("tokens.json")
        try Data("not json".utf8).write(to: url)
        #expect(FileTokenStore(fileURL: url).load() == nil)
    }

    @Test("no token, OTP, OTP token, password or API key reaches the log, even at trace level")
    func logsAreRedacted() async throws {
        let otp = "482913"
        let otpToken = "otp-token-\(UUID().uuidString)"
        let server = try await ScriptedServer.start { request, _ in
            switch request.route {
            case "POST /auth/anonymous": .ok(TestJWT.authContent(userId: "guest-1"))
            case "POST /auth/login/email":
                .ok(#"{"otp_token":"\#(otpToken)","otp_action":"login","otp":"\#(otp)"}"#)
            case "POST /auth/verify-otp": .ok(TestJWT.authContent(userId: "u1", anonymous: false))
            case "POST /auth/refresh-token":
                .ok(
                    #"{"access_token":"\#(TestJWT.make(userId: "u1", anonymous: false))","refresh_token":"refresh-rotated-secret"}"#
                )
            case "GET /catalog/products": .ok(SessionEdgeTests.products)
            case "POST /auth/login/password": .error(401, code: "INVALID_CREDENTIALS", message: "wrong password")
            default: .error(404, code: "NOT_FOUND", message: "no route")
            }
        }
        let capture = LogCapture()
        let client = TestClient.make(server.baseURL, logger: capture.logger(level: .trace), debugMode: true)

        let challenge = try await client.login(.email, identifier: "asha@example.com")
        _ = try await client.verifyOTP(otp, challenge: challenge)
        _ = await outcome { () async throws(APIError) in
            try await client.loginWithPassword(identifier: "asha@example.com", password: "hunter2-secret")
        }
        _ = try await client.products()

        var secrets = [otp, otpToken, "hunter2-secret", client.configuration.apiKey, "refresh-rotated-secret"]
        for request in server.requests {
            if let bearer = request.bearer { secrets.append(bearer) }
            for key in ["access_token", "refresh_token"] {
                if let value = request.json[key] as? String { secrets.append(value) }
            }
        }
        if let tokens = await client.currentTokens() {
            secrets += [tokens.accessToken, tokens.refreshToken]
        }
        let log = capture.text
        #expect(!log.isEmpty)
        #expect(log.contains("POST /auth/verify-otp 200"))
        #expect(log.contains("[redacted]"))
        for secret in Set(secrets) {
            #expect(!log.contains(secret), "log leaks \(secret.prefix(12))…")
        }
        await server.stop()
    }

    @Test("redaction of free text: key/value pairs, bearer headers and bare JWTs")
    func redactText() {
        let jwt = TestJWT.make(userId: "u1")
        let text = #"Authorization: Bearer abc.def otp=123456 {"refresh_token":"r-1","name":"Tea"} token \#(jwt)"#
        let clean = Redaction.redact(text)
        #expect(!clean.contains("abc.def"))
        #expect(!clean.contains("123456"))
        #expect(!clean.contains("r-1"))
        #expect(!clean.contains(jwt))
        #expect(clean.contains("Tea"))
    }

    private func mode(_ path: String) throws -> mode_t {
        var info = stat()
        guard stat(path, &info) == 0 else { throw CocoaError(.fileReadNoSuchFile) }
        return info.st_mode & 0o777
    }
}
