import Foundation
import StorefrontAPI
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A stand-alone `storefront sandbox serve` on a fixed loopback port, with its own database and API key, that a
/// test can kill (SIGKILL) and start again on the same port and database; and the shop pointed at it as at a
/// real store (`--store-id`, the key from a 0600 file, `--env URL`).
final class StandaloneStore {
    let root: URL
    let port = freeLoopbackPort()
    let storeID = "e2e-store"
    /// The store's API key: only the server and the 0600 key file know it.
    let apiKey = "e2e-key-\(UUID().uuidString)"
    /// `--chaos` for the server (nil: none); a change takes effect at the next `start()`.
    var chaos: String?
    /// Extra arguments for `sandbox serve` (e.g. a longer access-token lifetime).
    let serverArguments: [String]
    private var server: BackgroundProcess?
    private(set) var starts = 0

    init(chaos: String? = nil, serverArguments: [String] = []) throws {
        self.chaos = chaos
        self.serverArguments = serverArguments
        root = FileManager.default.temporaryDirectory.appendingPathComponent("sf-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data((apiKey + "\n").utf8).write(to: URL(fileURLWithPath: keyFile))
        chmod(keyFile, 0o600)
    }

    deinit {
        server?.stop()
        try? FileManager.default.removeItem(at: root)
    }

    var database: String { path("sandbox.sqlite") }
    var keyFile: String { path("api.key") }
    var baseURL: String { "http://127.0.0.1:\(port)/api/v1/sandbox/storefront" }
    var serverPID: pid_t? { server?.pid }
    func path(_ name: String) -> String { root.appendingPathComponent(name).path }

    /// Starts the server (again) on the same port and database; returns once it prints its URL.
    func start() async throws {
        starts += 1
        let out = path("serve-\(starts).out")
        var arguments = [
            BuiltBinary.path, "sandbox", "serve", "--port", String(port), "--db", database, "--api-key", apiKey,
        ]
        if let chaos { arguments += ["--chaos", chaos] }
        server = try BackgroundProcess(arguments + serverArguments, stdout: out, stderr: path("serve-\(starts).err"))
        for _ in 0..<600 {
            if read(out).hasPrefix("http") { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw StandaloneStoreError.didNotStart(read(path("serve-\(starts).err")))
    }

    /// SIGKILL: no clean shutdown, as when the machine or the process dies.
    /// What the running server wrote to standard error (the chaos middleware says which requests it holds).
    var serverErrors: String {
        (try? String(contentsOfFile: path("serve-\(starts).err"), encoding: .utf8)) ?? ""
    }

    func kill() async {
        guard let server else { return }
        Glibc.kill(server.pid, SIGKILL)
        _ = await server.wait()
        self.server = nil
    }

    /// The store options every `storefront` command of the test takes. No flag asks for OTPs: the sandbox says
    /// it is one, and the shop then shows them.
    var storeArguments: [String] {
        ["--store-id", storeID, "--api-key-file", keyFile, "--env", baseURL]
    }

    /// The shop's token file for this store in `session`'s state folder.
    func tokenFile(in session: TmuxSession) -> URL {
        FileTokenStore.forStore(
            storeID, location: baseURL,
            environment: ["XDG_STATE_HOME": session.home.appendingPathComponent("state").path]
        ).fileURL
    }

    /// The shop on this store, then a shell line with its exit status (the pane stays for reading). Its request
    /// log (method, path, status; no secrets) goes to `shop.log`.
    var shopThenShell: String {
        let shop = [BuiltBinary.path] + storeArguments + ["--log", path("shop.log")]
        return "sh -c '\(shop.joined(separator: " ")); echo app-exit=$?; sleep 120'"
    }

    /// The shop's request log lines that mention `text`.
    func shopLog(_ text: String) -> [String] {
        read("shop.log").split(separator: "\n").map(String.init).filter { $0.contains(text) }
    }

    /// `storefront ARGUMENTS` (with the store options) as the shop in `session` would run: the same XDG folders,
    /// so the same session tokens. Its exit status and standard output.
    func run(_ arguments: [String], as session: TmuxSession) async throws -> (Int32, String) {
        let out = path("run-\(UUID().uuidString).out")
        defer { unlink(out) }
        let status = try await Spawn.run(
            [
                "env", "XDG_STATE_HOME=" + session.home.appendingPathComponent("state").path,
                "XDG_DATA_HOME=" + session.home.appendingPathComponent("data").path, BuiltBinary.path,
            ] + arguments + storeArguments, stdout: out)
        return (status, read(out))
    }

    func read(_ name: String) -> String {
        (try? String(contentsOfFile: name.hasPrefix("/") ? name : path(name), encoding: .utf8)) ?? ""
    }
}

enum StandaloneStoreError: Error {
    case didNotStart(String)
}
