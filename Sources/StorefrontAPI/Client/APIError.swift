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
    /// Nothing was sent: this machine cannot reach the store at all (libcurl missing, the built-in sandbox did not
    /// start). The reason says what to do; trying again changes nothing until that is done.
    case unavailable(String)

    public var status: Int? {
        if case .http(let status, _, _, _) = self { return status }
        return nil
    }

    public var code: String? {
        if case .http(_, let code, _, _) = self { return code }
        return nil
    }

    /// True for failures worth trying again later: no connection, no answer in time, a 5xx or a 429. For a
    /// request that changes something (placing an order), all but 429 also mean "it may have happened".
    ///
    /// The client's own automatic retries are narrower (``RetryPolicy``): connection failures and 5xx only,
    /// on idempotent requests only.
    public var isTransient: Bool {
        switch self {
        case .network, .timeout: true
        case .http(let status, _, _, _): status >= 500 || status == 429
        default: false
        }
    }

    /// True when the server may have acted on the request although we got no success: no connection midway,
    /// no answer in time, or a 5xx. Look before doing it again.
    public var outcomeUnknown: Bool {
        switch self {
        case .network, .timeout: true
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
                (first.label.map { "\($0): " } ?? "") + first.message
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
        case .unavailable(let reason):
            reason.hasSuffix(".") ? reason : reason + "."
        }
    }
}
