import Foundation
import Sandbox
import StorefrontAPI

/// The in-process sandbox, started when asked (`start()`), not when made: the shop puts its first frame on the
/// screen before the sandbox creates, migrates or seeds its database. Requests sent before wait for it.
final class SandboxLauncher: Sendable {
    private let go: AsyncStream<Bool>.Continuation
    private let launch: Task<SandboxServer, any Error>

    init(databasePath: String) {
        let (signal, go) = AsyncStream<Bool>.makeStream()
        self.go = go
        launch = Task {
            // Waits for `start()`; `stop()` before it ends the wait without starting anything.
            var started = false
            for await value in signal {
                started = value
                break
            }
            guard started else { throw CancellationError() }
            try FileManager.default.createDirectory(
                at: URL(fileURLWithPath: databasePath).deletingLastPathComponent(), withIntermediateDirectories: true)
            var configuration = SandboxConfiguration(databasePath: databasePath)
            configuration.port = 0
            return try await SandboxServer.start(configuration)
        }
    }

    /// Starts the sandbox (once; later calls do nothing).
    func start() {
        go.yield(true)
        go.finish()
    }

    /// The listening sandbox, once started; throws why it could not start.
    func server() async throws -> SandboxServer {
        try await launch.value
    }

    /// Stops the sandbox if it started (and never starts it).
    func stop() async {
        go.finish()
        if let server = try? await launch.value { await server.stop() }
    }
}

/// The client's door to the in-process sandbox: each request waits until the sandbox listens, then goes to
/// its address (a free port it picks as it starts). The client is made with `placeholderBase`.
struct SandboxTransport: HTTPTransport {
    /// What the client's requests are addressed to; replaced by the sandbox's base URL.
    static let placeholderBase = URL(string: "http://sandbox.invalid/storefront")!

    let launcher: SandboxLauncher
    let transport: any HTTPTransport

    init(launcher: SandboxLauncher, transport: any HTTPTransport = LoopbackTransport()) {
        self.launcher = launcher
        self.transport = transport
    }

    func send(_ request: HTTPRequest) async throws(APIError) -> HTTPResponse {
        let server: SandboxServer
        do {
            server = try await launcher.server()
        } catch {
            throw .network("the sandbox store did not start (\(error))")
        }
        var request = request
        let placeholder = Self.placeholderBase.absoluteString
        let address = request.url.absoluteString
        if address.hasPrefix(placeholder),
            let url = URL(string: server.baseURL.absoluteString + address.dropFirst(placeholder.count))
        {
            request.url = url
        }
        return try await transport.send(request)
    }
}
