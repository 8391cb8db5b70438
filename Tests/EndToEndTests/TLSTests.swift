import Foundation
import Testing

/// HTTPS as users meet it: the binary against a sandbox behind a real TLS terminator on loopback whose CA was
/// made in the test, directly and through a real HTTP CONNECT proxy.
@Suite(.serialized) struct TLSTests {
    @Test func anUnknownCAIsRefusedClearlyAndTrustedWithCAFileOrSSLCertFileOrDir() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: BuiltBinary.path), "build the binary first")
        let fixture = try await TLSFixture()

        let refused = try await fixture.search()
        #expect(refused.0 == 1)
        #expect(refused.2.contains("SSL certificate problem"), "\(refused.2)")
        #expect(refused.2.contains("--ca-file"), "the refusal says how to trust a CA: \(refused.2)")

        let withFlag = try await fixture.search(["--ca-file", fixture.caFile])
        #expect(withFlag.0 == 0, "\(withFlag.2)")
        #expect(withFlag.1.contains("Tea"), "\(withFlag.1)")

        let withFile = try await fixture.search(environment: ["SSL_CERT_FILE": fixture.caFile])
        #expect(withFile.0 == 0, "\(withFile.2)")
        let withDirectory = try await fixture.search(environment: ["SSL_CERT_DIR": fixture.caDirectory])
        #expect(withDirectory.0 == 0, "\(withDirectory.2)")

        let missing = try await fixture.search(["--ca-file", fixture.path("nope.pem")])
        #expect(missing.0 == 2)
        #expect(missing.2 == "storefront: --ca-file: cannot read the CA file \(fixture.path("nope.pem"))\n")
    }

    @Test func aProfilesCAFileIsTrusted() async throws {
        let fixture = try await TLSFixture()
        let added = try await fixture.run([
            "profiles", "add", "tls", "--store-id", fixture.store.storeID, "--url", fixture.httpsURL,
            "--api-key-file", fixture.store.keyFile, "--ca-file", fixture.caFile,
        ])
        #expect(added.0 == 0, "\(added.2)")
        let search = try await fixture.run(["products", "search", "tea", "--profile", "tls"])
        #expect(search.0 == 0, "\(search.2)")
        #expect(search.1.contains("Tea"))
    }

    @Test func httpsProxyTunnelsWithConnectAndNoProxyGoesDirect() async throws {
        let fixture = try await TLSFixture()
        try await fixture.startProxy()

        let proxied = try await fixture.search(
            ["--ca-file", fixture.caFile], environment: ["HTTPS_PROXY": fixture.proxyURL])
        #expect(proxied.0 == 0, "\(proxied.2)")
        #expect(proxied.1.contains("Tea"))
        #expect(fixture.proxyLog.contains("CONNECT"), "the proxy saw no CONNECT: \(fixture.proxyLog)")
        #expect(fixture.proxyLog.contains("127.0.0.1:\(fixture.tlsPort)"), "\(fixture.proxyLog)")

        let lower = try await fixture.search(
            ["--ca-file", fixture.caFile], environment: ["https_proxy": fixture.proxyURL])
        #expect(lower.0 == 0, "\(lower.2)")

        // A proxy that is not there: refused, unless NO_PROXY names the host.
        let dead = "http://127.0.0.1:\(freeLoopbackPort())"
        let unreachable = try await fixture.search(["--ca-file", fixture.caFile], environment: ["HTTPS_PROXY": dead])
        #expect(unreachable.0 == 1, "\(unreachable.1)")
        let bypassed = try await fixture.search(
            ["--ca-file", fixture.caFile], environment: ["HTTPS_PROXY": dead, "NO_PROXY": "localhost,127.0.0.1"])
        #expect(bypassed.0 == 0, "\(bypassed.2)")
    }
}
