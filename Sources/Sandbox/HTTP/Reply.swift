import Foundation
import Hummingbird

/// The one place that writes the `{message, success, content}` envelope and the error body.
enum Reply {
    private struct Envelope<Content: Encodable>: Encodable {
        let message: String
        let success: Bool
        let content: Content?
    }

    private struct ErrorBody: Encodable {
        let message: String
        let success: Bool
        let code: String
        let details: [FieldIssue]
    }

    private struct Nothing: Encodable {}

    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// `{message, success: true, content}`.
    static func ok(_ content: some Encodable, message: String = "OK", status: HTTPResponse.Status = .ok) throws
        -> Response
    {
        json(try okBody(content, message: message), status: status)
    }

    /// The body of ``ok(_:message:status:)``, for answers kept and sent again (``CartAnswerCache``).
    static func okBody(_ content: some Encodable, message: String = "OK") throws -> ByteBuffer {
        ByteBuffer(bytes: try makeEncoder().encode(Envelope(message: message, success: true, content: content)))
    }

    /// `{message, success: true}` without content.
    static func message(_ message: String, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try makeEncoder().encode(Envelope<Nothing>(message: message, success: true, content: nil))
        return json(data, status: status)
    }

    static func error(_ error: APIError) -> Response {
        let body = ErrorBody(message: error.message, success: false, code: error.code, details: error.details)
        let data = (try? makeEncoder().encode(body)) ?? Data("{\"success\":false}".utf8)
        return json(data, status: error.status)
    }

    static func json(_ data: Data, status: HTTPResponse.Status) -> Response {
        json(ByteBuffer(bytes: data), status: status)
    }

    static func json(_ body: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: body)
        )
    }

    static func text(_ text: String, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: contentType],
            body: .init(byteBuffer: ByteBuffer(string: text))
        )
    }
}

/// Turns every thrown error into the error envelope.
struct ErrorEnvelopeMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return Reply.error(error)
        } catch let error as HTTPError {
            switch error.status {
            case .notFound:
                return Reply.error(.notFound("No route for \(request.method) \(request.uri.path)"))
            case .methodNotAllowed:
                return Reply.error(
                    APIError(status: .methodNotAllowed, code: "METHOD_NOT_ALLOWED", message: "Method not allowed"))
            case .contentTooLarge:
                return Reply.error(
                    APIError(status: .contentTooLarge, code: "PAYLOAD_TOO_LARGE", message: "Body too large"))
            default:
                return Reply.error(
                    APIError(status: error.status, code: "HTTP_ERROR", message: error.body ?? "\(error.status)"))
            }
        } catch {
            context.logger.error("Unhandled error: \(String(reflecting: error))")
            return Reply.error(APIError(status: .internalServerError, code: "INTERNAL_ERROR", message: "\(error)"))
        }
    }
}
