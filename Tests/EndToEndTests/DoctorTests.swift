import Foundation
import GRDB
import Testing

/// `storefront doctor` through the built binary: against a `storefront sandbox serve` on loopback, an address
/// nobody listens on, a key the store refuses, and a store with one product the app cannot read.
@Suite(.serialized) struct DoctorTests {
    /// A folder of its own for the runs' output and XDG folders.
    final class Run {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sf-doctor-\(UUID().uuidString)")

        init() throws {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        /// `storefront doctor ARGUMENTS` without a terminal: (exit status, stdout, stderr).
        func doctor(_ arguments: [String]) async throws -> (Int32, String, String) {
            let out = root.appendingPathComponent("run-\(UUID().uuidString).out").path
            let err = root.appendingPathComponent("run-\(UUID().uuidString).err").path
            let status = try await Spawn.run(
                [
                    "env", "XDG_STATE_HOME=" + root.appendingPathComponent("state").path,
                    "XDG_DATA_HOME=" + root.appendingPathComponent("data").path, BuiltBinary.path, "doctor",
                ] + arguments, stdout: out, stderr: err)
            return (status, read(out), read(err))
        }

        /// A file holding `key` (mode 0600).
        func keyFile(_ key: String) throws -> String {
            let path = root.appendingPathComponent("key-\(UUID().uuidString)").path
            try Data((key + "\n").utf8).write(to: URL(fileURLWithPath: path))
            // A key file others can read is refused (profiles' rule), as it should be.
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
            return path
        }

        private func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
    }

    /// The text line of check `name`.
    static func line(_ name: String, in output: String) -> String {
        output.split(separator: "\n").map(String.init).first {
            $0.split(separator: " ").dropFirst().first == Substring(name)
        }
            ?? ""
    }

    /// `--json`'s checks by name.
    static func checks(_ json: String) throws -> [String: [String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let list = try #require(object["checks"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: list.map { ($0["name"] as? String ?? "", $0) })
    }

    static let names = ["api-key", "session", "catalog", "categories", "juspay", "fulfillment", "pincode"]

    @Test func everyCheckPassesOnTheSandboxAndTheTestCartIsDeleted() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: BuiltBinary.path), "build the binary first")
        let store = try StandaloneStore()
        try await store.start()
        let run = try Run()
        let flags = store.storeArguments
        let activeCarts = { () throws -> Int in
            var configuration = Configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(path: store.database, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM cart WHERE active = 1") ?? 0 }
        }
        let cartsBefore = try activeCarts()

        let (status, out, err) = try await run.doctor(flags + ["--pincode", "560001"])
        #expect(status == 0, "\(out)\n\(err)")
        for name in Self.names {
            let line = Self.line(name, in: out)
            #expect(line.hasPrefix("ok "), "\(name) did not pass:\n\(out)")
            #expect(line.contains(" ms "), "\(name) has no time:\n\(out)")
        }
        #expect(Self.line("catalog", in: out).contains("70 products read on 3 pages"), "\(out)")
        #expect(Self.line("fulfillment", in: out).contains("560001: delivery"), "\(out)")
        #expect(Self.line("pincode", in: out).contains("560001: Bengaluru, Karnataka"), "\(out)")
        #expect(out.contains("All 7 checks passed."), "\(out)")
        #expect(try activeCarts() == cartsBefore, "the doctor's test cart was left behind")
        #expect(!(out + err).contains(store.apiKey), "the API key was printed")

        // --json: the same checks, each with a verdict, a detail and its milliseconds; no --pincode, skipped.
        let (jsonStatus, json, _) = try await run.doctor(flags + ["--json"])
        #expect(jsonStatus == 0)
        let checks = try Self.checks(json)
        #expect(Set(checks.keys) == Set(Self.names), "\(json)")
        for name in Self.names.dropLast(2) {
            #expect(checks[name]?["verdict"] as? String == "ok", "\(json)")
            #expect(checks[name]?["milliseconds"] is Int, "\(json)")
            let detail = checks[name]?["detail"] as? String ?? ""
            #expect(!detail.isEmpty, "\(json)")
        }
        #expect(checks["fulfillment"]?["verdict"] as? String == "skip", "\(json)")
        let fulfillment = checks["fulfillment"]?["detail"] as? String ?? ""
        #expect(fulfillment.contains("--pincode"), "\(json)")
        #expect(checks["fulfillment"]?["milliseconds"] is NSNull, "\(json)")
        #expect(checks["pincode"]?["verdict"] as? String == "skip", "\(json)")
        let pincode = checks["pincode"]?["detail"] as? String ?? ""
        #expect(pincode.contains("--pincode"), "\(json)")

        // A PIN code the store knows no place for: a warning, not a failure (the form is typed by hand).
        let (unknownStatus, unknown, _) = try await run.doctor(flags + ["--pincode", "999999"])
        #expect(unknownStatus == 0, "\(unknown)")
        #expect(Self.line("pincode", in: unknown).hasPrefix("warn "), "\(unknown)")
        #expect(Self.line("pincode", in: unknown).contains("999999: the store knows no place for it"), "\(unknown)")

        // Bad usage is 2, as elsewhere.
        let (usage, _, usageErr) = try await run.doctor(flags + ["--pincode", "56OO01"])
        #expect(usage == 2, "\(usageErr)")
        #expect(usageErr.contains("--pincode must be 6 digits"), "\(usageErr)")
    }

    @Test func aStoreNobodyAnswersAtIsReportedAndTheRestSkipped() async throws {
        let run = try Run()
        let url = "http://127.0.0.1:\(freeLoopbackPort())/api/v1/nowhere/storefront"
        let key = "key-\(UUID().uuidString)"
        let (status, out, err) = try await run.doctor(
            ["--store-id", "nowhere", "--api-key-file", try run.keyFile(key), "--env", url])
        #expect(status == 1, "\(out)\n\(err)")
        let apiKey = Self.line("api-key", in: out)
        #expect(apiKey.hasPrefix("fail "), "\(out)")
        #expect(apiKey.contains("could not reach the store at \(url)"), "\(out)")
        for name in Self.names.dropFirst() {
            #expect(Self.line(name, in: out).hasPrefix("skip "), "\(name) was not skipped:\n\(out)")
        }
        #expect(out.contains("1 failed"), "\(out)")
        #expect(!(out + err).contains(key), "the API key was printed")

        let (jsonStatus, json, _) = try await run.doctor(
            ["--store-id", "nowhere", "--api-key-file", try run.keyFile(key), "--env", url, "--json"])
        #expect(jsonStatus == 1)
        #expect(try Self.checks(json)["api-key"]?["verdict"] as? String == "fail", "\(json)")
    }

    @Test func aKeyTheStoreRefusesIsReported() async throws {
        let store = try StandaloneStore()
        try await store.start()
        let run = try Run()
        let wrongKey = "wrong-key-\(UUID().uuidString)"
        let (status, out, err) = try await run.doctor([
            "--store-id", store.storeID, "--api-key-file", try run.keyFile(wrongKey), "--env", store.baseURL,
        ])
        #expect(status == 1, "\(out)\n\(err)")
        let apiKey = Self.line("api-key", in: out)
        #expect(apiKey.hasPrefix("fail "), "\(out)")
        #expect(apiKey.contains("refused by the store (HTTP 401)"), "\(out)")
        #expect(Self.line("session", in: out).hasPrefix("skip "), "\(out)")
        #expect(Self.line("catalog", in: out).hasPrefix("skip "), "\(out)")
        #expect(!(out + err).contains(wrongKey) && !(out + err).contains(store.apiKey), "a key was printed")
    }

    @Test func aProductTheAppCannotReadIsNamedAndTheRestCounted() async throws {
        let server = try await OneBrokenProductStore.start()
        let run = try Run()
        let flags = [
            "--store-id", "broken-store", "--api-key-file", try run.keyFile("any-key"), "--env",
            server.baseURL.absoluteString,
        ]
        let (status, out, err) = try await run.doctor(flags)
        // One session, and each list read once: the client's fewest-requests habits hold.
        let requests = server.requests
        let (jsonStatus, json, _) = try await run.doctor(flags + ["--json"])
        await server.stop()
        #expect(
            requests == [
                "POST /auth/anonymous", "GET /catalog/products?page=1&limit=25",
                "GET /catalog/products?page=2&limit=25",
                "GET /catalog/categories", "GET /payments/payment-methods?payment_provider_slug=juspay",
            ], "\(requests)")

        #expect(status == 1, "\(out)\n\(err)")
        let catalog = Self.line("catalog", in: out)
        #expect(catalog.hasPrefix("fail "), "\(out)")
        #expect(catalog.contains("1 product could not be read"), "\(out)")
        #expect(catalog.contains("\(OneBrokenProductStore.brokenID) at \(OneBrokenProductStore.brokenPath)"), "\(out)")
        #expect(catalog.contains("29 products read on 2 pages"), "the rest was not counted:\n\(out)")
        #expect(
            out.contains(
                "page 1: product \(OneBrokenProductStore.brokenID) at \(OneBrokenProductStore.brokenPath)"),
            "\(out)")
        for name in ["api-key", "session", "categories", "juspay"] {
            #expect(Self.line(name, in: out).hasPrefix("ok "), "\(name):\n\(out)")
        }
        #expect(Self.line("juspay", in: out).contains("juspay-ref-1"), "\(out)")
        #expect(Self.line("fulfillment", in: out).hasPrefix("skip "), "\(out)")

        #expect(jsonStatus == 1)
        let checks = try Self.checks(json)
        #expect(checks["catalog"]?["verdict"] as? String == "fail", "\(json)")
        let unreadable = try #require(checks["catalog"]?["unreadable"] as? [[String: Any]], "\(json)")
        #expect(unreadable.count == 1)
        #expect(unreadable.first?["id"] as? String == OneBrokenProductStore.brokenID)
        #expect(unreadable.first?["path"] as? String == OneBrokenProductStore.brokenPath)
        #expect(unreadable.first?["page"] as? Int == 1)
    }
}
