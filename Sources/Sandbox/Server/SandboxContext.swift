import Hummingbird

/// Request context of the sandbox: the core storage plus a way to drop the connection (chaos `drop`).
struct SandboxContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let closeConnection: @Sendable () -> Void

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        let channel = source.channel
        self.closeConnection = { channel.close(promise: nil) }
    }
}
