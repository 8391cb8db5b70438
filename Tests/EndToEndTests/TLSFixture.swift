import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A sandbox store behind a real TLS terminator (stunnel) on loopback, with a CA made for the test by openssl,
/// and a real HTTP CONNECT proxy (tinyproxy) beside it; and the binary run against them with its own
/// environment. Nothing is timed: each server is waited for by connecting to its port.
final class TLSFixture {
    let store: StandaloneStore
    let root: URL
    let tlsPort = freeLoopbackPort()
    let proxyPort = freeLoopbackPort()
    private var terminator: BackgroundProcess?
    private var proxy: BackgroundProcess?

    init() async throws {
        store = try StandaloneStore()
        root = store.root.appendingPathComponent("tls")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("certs"), withIntermediateDirectories: true)
        try await store.start()
        try await makeCertificates()
        try write(
            "stunnel.conf",
            """
            foreground = yes
            pid =
            [storefront]
            accept = 127.0.0.1:\(tlsPort)
            connect = 127.0.0.1:\(store.port)
            cert = \(path("server.pem"))
            key = \(path("server.key"))
            """)
        terminator = try BackgroundProcess(["stunnel4", path("stunnel.conf")], stderr: path("stunnel.err"))
        try await waitForPort(tlsPort, log: "stunnel.err")
    }

    deinit {
        terminator?.stop()
        proxy?.stop()
    }

    func path(_ name: String) -> String { root.appendingPathComponent(name).path }
    var caFile: String { path("ca.pem") }
    var caDirectory: String { path("certs") }
    /// The store's storefront URL through the TLS terminator.
    var httpsURL: String { "https://127.0.0.1:\(tlsPort)/api/v1/sandbox/storefront" }
    var proxyURL: String { "http://127.0.0.1:\(proxyPort)" }
    var proxyLog: String { store.read(path("tinyproxy.log")) }

    /// Starts tinyproxy on `proxyPort`, logging each connection.
    func startProxy() async throws {
        try write(
            "tinyproxy.conf",
            """
            Port \(proxyPort)
            Listen 127.0.0.1
            Timeout 30
            LogFile "\(path("tinyproxy.log"))"
            LogLevel Connect
            MaxClients 8
            Allow 127.0.0.1
            """)
        proxy = try BackgroundProcess(["tinyproxy", "-d", "-c", path("tinyproxy.conf")], stderr: path("tinyproxy.err"))
        try await waitForPort(proxyPort, log: "tinyproxy.err")
    }

    /// `storefront products search tea` against the store over HTTPS with `arguments` and `environment` added
    /// (the store's id and key file come first); (exit status, stdout, stderr).
    func search(_ arguments: [String] = [], environment: [String: String] = [:]) async throws -> (Int32, String, String)
    {
        try await run(
            [
                "products", "search", "tea", "--store-id", store.storeID, "--api-key-file", store.keyFile, "--env",
                httpsURL,
            ]
                + arguments, environment: environment)
    }

    /// The binary with XDG folders of the fixture's, no proxy or CA variables but those in `environment`.
    func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> (Int32, String, String) {
        let id = UUID().uuidString
        var variables = [
            "XDG_CONFIG_HOME": path("config"), "XDG_STATE_HOME": path("state"), "XDG_DATA_HOME": path("data"),
        ]
        variables.merge(environment) { _, new in new }
        let unset = ["HTTPS_PROXY", "https_proxy", "http_proxy", "ALL_PROXY", "NO_PROXY", "no_proxy"]
            .filter { variables[$0] == nil }.flatMap { ["-u", $0] }
        let status = try await Spawn.run(
            ["/usr/bin/env"] + unset + variables.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                + [BuiltBinary.path] + arguments,
            stdout: path("\(id).out"), stderr: path("\(id).err"))
        return (status, store.read(path("\(id).out")), store.read(path("\(id).err")))
    }

    func write(_ name: String, _ text: String) throws {
        try Data((text + "\n").utf8).write(to: URL(fileURLWithPath: path(name)))
    }

    /// A CA, a server certificate it signs for 127.0.0.1 and localhost, and the CA in a hashed folder.
    private func makeCertificates() async throws {
        try write("server.ext", "subjectAltName = DNS:localhost, IP:127.0.0.1")
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try await openssl(
            ["req", "-x509"] + ec + ["-keyout", path("ca.key"), "-out", caFile, "-days", "2"]
                + ["-subj", "/CN=Storefront Test CA"])
        try await openssl(
            ["req"] + ec + ["-keyout", path("server.key"), "-out", path("server.csr"), "-subj", "/CN=localhost"])
        try await openssl([
            "x509", "-req", "-in", path("server.csr"), "-CA", caFile, "-CAkey", path("ca.key"), "-CAcreateserial",
            "-out", path("server.pem"), "-days", "2", "-extfile", path("server.ext"),
        ])
        try FileManager.default.copyItem(atPath: caFile, toPath: caDirectory + "/test-ca.pem")
        try await openssl(["rehash", caDirectory])
    }

    private func openssl(_ arguments: [String]) async throws {
        let status = try await Spawn.run(["openssl"] + arguments, stderr: path("openssl.err"))
        guard status == 0 else { throw SpawnError.failed(["openssl"] + arguments, status) }
    }

    /// Returns once something accepts connections on `port` (at most 600 tries).
    private func waitForPort(_ port: Int, log: String) async throws {
        for _ in 0..<600 {
            if Self.accepts(port) { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw SpawnError.failed(["no listener on \(port): " + store.read(path(log))], -1)
    }

    static func accepts(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        return withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, length) }
        } == 0
    }
}
