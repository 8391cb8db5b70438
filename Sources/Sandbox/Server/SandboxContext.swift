import Hummingbird

/// Request context of the sandbox: the core storage, a way to drop the connection (chaos `drop`), and the caller
/// that the route group's ``SessionMiddleware`` verified.
struct SandboxContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let closeConnection: @Sendable () -> Void
    /// The caller, set by ``SessionMiddleware`` (nil on routes whose policy asks for no bearer token).
    var session: Session?

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        let channel = source.channel
        self.closeConnection = { channel.close(promise: nil) }
    }

    /// The caller of a route in a group whose policy verifies a bearer token.
    func requireSession() throws -> Session {
        guard let session else {
            throw APIError.unauthorized("Authorization header with a Bearer access token is required")
        }
        return session
    }
}
