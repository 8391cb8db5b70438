import Foundation
import Logging
import Synchronization

@testable import StorefrontAPI

/// A LogHandler that keeps every rendered line (message and metadata) in memory.
final class LogCapture: Sendable {
    private let lines = Mutex<[String]>([])

    var all: [String] { lines.withLock { $0 } }
    var text: String { all.joined(separator: "\n") }

    func append(_ line: String) { lines.withLock { $0.append(line) } }

    func logger(level: Logger.Level = .trace) -> Logger {
        var logger = Logger(label: "test.api") { _ in Handler(capture: self) }
        logger.logLevel = level
        return logger
    }

    struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            let rendered = merged.keys.sorted().map { "\($0)=\(merged[$0]!)" }.joined(separator: " ")
            capture.append("\(event.level) \(event.message) \(rendered)")
        }
    }
}

enum TestClient {
    static func make(
        _ baseURL: URL, tokens: TokenPair? = nil, store: (any TokenStore)? = nil, timeout: Duration = .seconds(10),
        maxAttempts: Int = 3, logger: Logger? = nil, debugMode: Bool = false
    ) -> StorefrontClient {
        let configuration = ClientConfiguration(
            baseURL: baseURL, apiKey: "test-api-key-\(UUID().uuidString.prefix(8))", debugMode: debugMode,
            timeout: timeout, maxAttempts: maxAttempts, retryBaseDelay: .milliseconds(10), refreshMargin: 60)
        return StorefrontClient(
            configuration: configuration, tokenStore: store ?? MemoryTokenStore(tokens),
            logger: logger ?? Logger(label: "test.api", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    /// A fresh directory under the temporary directory, removed by the caller.
    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("storefront-api-tests-\(UUID())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Runs `body`, turning its typed error into a value for `#expect`.
func outcome<T>(_ body: () async throws(APIError) -> T) async -> Result<T, APIError> {
    do {
        return .success(try await body())
    } catch {
        return .failure(error)
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
