import Foundation
import Hummingbird

/// Fault injection: latency, 5xx errors, malformed bodies and dropped connections, at the configured rates, and
/// requests held without an answer.
struct ChaosMiddleware: RouterMiddleware {
    typealias Context = SandboxContext
    let settings: ChaosSettings

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        if let hold = settings.hold, hold.matches(method: request.method.rawValue, path: request.uri.path) {
            FileHandle.standardError.write(Data("chaos: holding \(request.method.rawValue) \(request.uri.path)\n".utf8))
            // Until the server stops (its task is cancelled) or its process ends.
            while !Task.isCancelled { try await Task.sleep(for: .seconds(3600)) }
            throw CancellationError()
        }
        if settings.latencyMs > 0 {
            try await Task.sleep(for: .milliseconds(settings.latencyMs))
        }
        var generator = SystemRandomNumberGenerator()
        if Double.random(in: 0..<1, using: &generator) < settings.dropRate {
            context.closeConnection()
            throw ChaosDrop()
        }
        if Double.random(in: 0..<1, using: &generator) < settings.errorRate {
            return Reply.error(
                APIError(
                    status: .serviceUnavailable, code: "SANDBOX_CHAOS",
                    message: "Injected failure (sandbox chaos mode)"))
        }
        if Double.random(in: 0..<1, using: &generator) < settings.malformedRate {
            return Reply.text(
                "{\"message\":\"OK\",\"success\":true,\"content\":{\"trunc", contentType: "application/json")
        }
        return try await next(request, context)
    }
}

struct ChaosDrop: Error {}
