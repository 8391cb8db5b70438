import Foundation

/// Every way a storefront call can fail, each with a sentence a person can act on.
public enum APIError: Error, Sendable, Hashable, Codable, LocalizedError {
    /// The server could not be reached (no route, refused, dropped).
    case network(String)
    /// No answer within the configured timeout (``ClientConfiguration/timeout``).
    case timeout
    /// The server answered with an error status (or a 2xx envelope with `success: false`).
    case http(status: Int, code: String?, message: String, details: [FieldIssue])
    /// The answer was not the JSON we expect; `path` names the wire field (`content.cart.cart_items[0].quantity`),
    /// empty when the body was not JSON at all.
    case decoding(path: String, message: String)
    /// The session expired and could not be refreshed: a new anonymous session was started (or will be on the
    /// next call). The request was not sent again.
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

    /// True for failures worth retrying on an idempotent request: no connection, or a 5xx answer.
    ///
    /// Not a timeout (a stalled server rarely answers the next attempt sooner, and the person would wait a
    /// multiple of the timeout) and never a 4xx, 429 included (see ``RetryPolicy``).
    public var isTransient: Bool {
        switch self {
        case .network: true
        case .http(let status, _, _, _): (500..<600).contains(status)
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
            "The store took too long to answer. Try again in a moment."
        case .http(let status, _, let message, let details):
            if let first = details.first {
                (first.field.map { "\($0): " } ?? "") + first.message
            } else if !message.isEmpty {
                message
            } else {
                HTTPStatusText.text(for: status)
            }
        case .decoding(let path, _):
            "The store sent an answer this app could not read (\(path.isEmpty ? "not JSON" : "at \(path)")). "
                + "Try again; if it keeps happening, the app may need an update."
        case .signedOut:
            "Your session expired and could not be renewed, so you are now a guest. Log in again to continue."
        case .cancelled:
            "Cancelled."
        }
    }
}
