import Hummingbird

/// One field that failed validation: `{field, message}`.
struct FieldIssue: Sendable, Equatable, Encodable {
    let field: String
    let message: String
}

/// Every failure the sandbox answers with. Rendered as
/// `{"message", "success": false, "code", "details"}` with `status`, in one place (``Reply``).
struct APIError: Error, Sendable {
    let status: HTTPResponse.Status
    let code: String
    let message: String
    var details: [FieldIssue] = []

    static func validation(_ details: [FieldIssue]) -> APIError {
        let summary = details.map { "\($0.field): \($0.message)" }.joined(separator: "; ")
        return APIError(status: .badRequest, code: "VALIDATION_ERROR", message: summary, details: details)
    }
    static func validation(field: String, _ message: String) -> APIError {
        validation([FieldIssue(field: field, message: message)])
    }
    static func badRequest(_ message: String, code: String = "INVALID_INPUT") -> APIError {
        APIError(status: .badRequest, code: code, message: message)
    }
    static func unauthorized(_ message: String = "Not authorized for given operation on the Resource") -> APIError {
        APIError(status: .unauthorized, code: "UNAUTHORIZED", message: message)
    }
    static let tokenExpired = APIError(status: .unauthorized, code: "TOKEN_EXPIRED", message: "Access token expired")
    static func forbidden(_ message: String = "Access denied") -> APIError {
        APIError(status: .forbidden, code: "ACCESS_DENIED", message: message)
    }
    static func notFound(_ message: String = "Requested resource not found") -> APIError {
        APIError(status: .notFound, code: "NOT_FOUND", message: message)
    }
    static func conflict(_ message: String) -> APIError {
        APIError(status: .conflict, code: "RESOURCE_CONFLICT", message: message)
    }
    static func unprocessable(_ message: String, code: String = "CONSTRAINT_VIOLATION") -> APIError {
        APIError(status: .unprocessableContent, code: code, message: message)
    }
    static func tooManyRequests(_ message: String) -> APIError {
        APIError(status: .tooManyRequests, code: "TOO_MANY_REQUESTS", message: message)
    }
}
