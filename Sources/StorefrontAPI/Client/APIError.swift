import Foundation

/// Every way a storefront call can fail, each with a sentence a person can act on.
public enum APIError: Error, Sendable, Hashable, Codable, LocalizedError {
    /// The server could not be reached (no route, refused, dropped).
    case network(String)
    /// No answer within the configured timeout.
    case timeout
    /// The server answered with an error status.
    case http(status: Int, code: String?, message: String, details: [FieldIssue])
    /// The answer was not the JSON we expect; `path` names the field.
    case decoding(path: String, message: String)
    /// The session expired and could not be refreshed: a new anonymous session was started.
    case signedOut
    /// The call was cancelled (a newer intent replaced it).
    case cancelled

    public var status: Int? {
        if case .http(let status, _, _, _) = self { return status }
        return nil
    }

    public var code: String? {
        if case .http(_, let code, _, _) = self { return code }
        return nil
    }

    /// True for errors worth retrying on an idempotent request.
    public var isTransient: Bool {
        switch self {
        case .network, .timeout: true
        case .http(let status, _, _, _): status >= 500 || status == 429
        default: false
        }
    }

    public var errorDescription: String? { message }

    /// One sentence for the notice line.
    public var message: String {
        switch self {
        case .network(let reason):
            "Can't reach the store (\(reason)). Check the connection and try again."
        case .timeout:
            "The store took too long to answer. Try again."
        case .http(let status, _, let message, let details):
            if let first = details.first {
                (first.field.map { "\($0): " } ?? "") + first.message
            } else if !message.isEmpty {
                message
            } else {
                "The store answered with an error (HTTP \(status))."
            }
        case .decoding(let path, _):
            "The store sent an answer we could not read (at \(path.isEmpty ? "the top" : path))."
        case .signedOut:
            "Your session expired, so you were signed out. Log in again to continue."
        case .cancelled:
            "Cancelled."
        }
    }
}
