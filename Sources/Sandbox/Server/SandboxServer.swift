import Foundation
import Hummingbird
import Logging

/// The sandbox storefront: a Commerce Engine–compatible HTTP API on loopback, backed by one SQLite file.
public final class SandboxServer: Sendable {
    /// The port the server listens on.
    public let port: Int
    /// `http://HOST:PORT/api/v1/sandbox/storefront`.
    public let baseURL: URL
    /// The key that mints support tokens (`POST /auth/support`), for an in-process caller; never log it.
    public let supportKey: String
    private let runTask: Task<Void, any Error>

    private init(port: Int, baseURL: URL, supportKey: String, runTask: Task<Void, any Error>) {
        self.port = port
        self.baseURL = baseURL
        self.supportKey = supportKey
        self.runTask = runTask
    }

    /// Opens (creating, migrating and seeding when needed) the database and returns once listening.
    ///
    /// No request reaches a router that is not there yet; a database that cannot open stops the server
    /// (``bind(_:)``, then ``Binding/server()``).
    public static func start(_ configuration: SandboxConfiguration) async throws -> SandboxServer {
        let binding = try await bind(configuration)
        do {
            return try await binding.server()
        } catch {
            await binding.stop()
            throw error
        }
    }

    /// A server bound to its port whose database may still be opening: requests sent to ``baseURL`` now are
    /// accepted and wait for it (``DeferredResponder``). ``server()`` is the server once the database is ready, or
    /// why it could not open; the requests that waited are then answered 500, and the server listens until
    /// ``stop()`` (not stopped under a connection being accepted, which SwiftNIO does not survive).
    public struct Binding: Sendable {
        /// The port the server listens on.
        public let port: Int
        /// `http://HOST:PORT/api/v1/sandbox/storefront`.
        public let baseURL: URL
        private let ready: Task<SandboxServer, any Error>
        private let runTask: Task<Void, any Error>

        fileprivate init(
            port: Int, baseURL: URL, ready: Task<SandboxServer, any Error>, runTask: Task<Void, any Error>
        ) {
            self.port = port
            self.baseURL = baseURL
            self.ready = ready
            self.runTask = runTask
        }

        /// The listening server once its database is ready; throws why it could not open.
        public func server() async throws -> SandboxServer {
            try await ready.value
        }

        /// Stops listening (whether or not the database opened) and waits for the server to finish.
        public func stop() async {
            runTask.cancel()
            _ = try? await runTask.value
        }
    }

    /// Binds the server and returns at once, while the database opens (#18: a shop's first request, connection and
    /// parsing included, overlaps the database's opening instead of following it). The database opens while the
    /// server binds (each ~5 ms on a new home); the server answers through a ``DeferredResponder`` that waits for
    /// the router, which needs the database.
    public static func bind(_ configuration: SandboxConfiguration) async throws -> Binding {
        let ready = Task { () async throws -> (SandboxServices, RouterResponder<SandboxContext>) in
            let services = try await SandboxServices.make(configuration)
            // While the router is built and the server binds (SandboxWarmUp).
            Task.detached(priority: .utility) { await SandboxWarmUp.run(services) }
            let responder = SandboxRouter.build(services).buildResponder()
            return (services, responder)
        }
        var logger = Logger(label: "storefront.sandbox")
        logger.logLevel =
            ProcessInfo.processInfo.environment["SANDBOX_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .critical
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            responder: DeferredResponder(ready: ready),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: logger
        )
        let runTask = Task {
            defer { continuation.finish() }
            try await app.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            ready.cancel()
            try await runTask.value
            throw SandboxStartError(message: "the sandbox server stopped before listening")
        }
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        let baseURL = URL(string: "http://\(host):\(port)\(SandboxRouter.basePath)")!
        let server = Task { () async throws -> SandboxServer in
            let services = try await ready.value.0
            return SandboxServer(port: port, baseURL: baseURL, supportKey: services.supportKey, runTask: runTask)
        }
        return Binding(port: port, baseURL: baseURL, ready: server, runTask: runTask)
    }

    /// Stops listening and waits for the server to finish.
    public func stop() async {
        runTask.cancel()
        _ = try? await runTask.value
    }

    /// Runs until the task is cancelled (e.g. on a signal handled by the caller).
    public func wait() async {
        _ = try? await runTask.value
    }
}

struct SandboxStartError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// The router's responder, once the services it is built on are ready (``SandboxServer/start(_:)``).
struct DeferredResponder: HTTPResponder {
    let ready: Task<(SandboxServices, RouterResponder<SandboxContext>), any Error>

    func respond(to request: Request, context: SandboxContext) async throws -> Response {
        try await ready.value.1.respond(to: request, context: context)
    }
}
