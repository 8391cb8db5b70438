import Foundation
import Sandbox
import StorefrontAPI

/// The in-process sandbox, started when asked (`start()`), not when made: the shop puts its first frame on the
/// screen before the sandbox creates, migrates or seeds its database. Requests sent before wait for it to listen;
/// those sent while its database opens are accepted and wait for the database (``SandboxServer/bind(_:)``).
final class SandboxLauncher: Sendable {
    private let go: AsyncStream<Bool>.Continuation
    private let launch: Task<SandboxServer.Binding, any Error>

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
            return try await SandboxServer.bind(configuration)
        }
    }

    /// Starts the sandbox (once; later calls do nothing).
    func start() {
        go.yield(true)
        go.finish()
    }

    /// The listening sandbox, once started and its database ready; throws why it could not start.
    func server() async throws -> SandboxServer {
        try await launch.value.server()
    }

    /// The sandbox's address once it listens, its database possibly still opening; throws why it could not start.
    func address() async throws -> URL {
        try await launch.value.baseURL
    }

    /// Why the sandbox could not start (waits for its start); nil when it listens with its database ready.
    func startFailure() async -> (any Error)? {
        do {
            _ = try await server()
            return nil
        } catch {
            return error
        }
    }

    /// Stops the sandbox if it started (and never starts it).
    func stop() async {
        go.finish()
        if let binding = try? await launch.value { await binding.stop() }
    }
}

/// The client's door to the in-process sandbox: each request waits until the sandbox listens, then goes to
/// its address (a free port it picks as it starts), even while its database still opens. A request that fails
/// because the sandbox could not start says so. The client is made with `placeholderBase`.
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
        let base: URL
        do {
            base = try await launcher.address()
        } catch {
            throw .unavailable("The sandbox store did not start (\(error))")
        }
        var request = request
        let placeholder = Self.placeholderBase.absoluteString
        let address = request.url.absoluteString
        if address.hasPrefix(placeholder),
            let url = URL(string: base.absoluteString + address.dropFirst(placeholder.count))
        {
            request.url = url
        }
        // Sent while the database opened, and it could not (the server answered 500 or closed the connection):
        // why, rather than a server error or a lost connection.
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            if case .network = error, let failure = await launcher.startFailure() {
                throw .unavailable("The sandbox store did not start (\(failure))")
            }
            throw error
        }
        if response.status >= 500, let failure = await launcher.startFailure() {
            throw .unavailable("The sandbox store did not start (\(failure))")
        }
        return response
    }
}
