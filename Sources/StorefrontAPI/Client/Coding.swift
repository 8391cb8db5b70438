import Foundation

/// JSON coding of the wire: snake_case keys, the envelope, and typed decoding errors.
enum Coding {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }()

    /// Decodes `{message, success, content}`; error statuses become `APIError.http`.
    static func decodeEnvelope<Content: Decodable & Sendable>(_ type: Content.Type, from response: HTTPResponse)
        throws(APIError) -> Content
    {
        guard (200..<300).contains(response.status) else {
            let body = try? decoder.decode(ErrorBody.self, from: response.body)
            throw .http(
                status: response.status, code: body?.code,
                message: body?.message ?? HTTPStatusText.text(for: response.status),
                details: body?.details ?? [])
        }
        do {
            let envelope = try decoder.decode(Envelope<Content>.self, from: response.body)
            if let content = envelope.content { return content }
            if let empty = EmptyContent() as? Content { return empty }
            throw APIError.decoding(path: "content", message: "missing")
        } catch let error as APIError {
            throw error
        } catch let error as DecodingError {
            throw .decoding(path: error.codingPathDescription, message: "\(error)")
        } catch {
            throw .decoding(path: "", message: "\(error)")
        }
    }
}

extension DecodingError {
    /// `content.cart.cart_items[2].quantity`-style path of the failure.
    var codingPathDescription: String {
        let path: [any CodingKey]
        switch self {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context),
            .dataCorrupted(let context):
            path = context.codingPath
            if case .keyNotFound(let key, _) = self { return render(path + [key]) }
        @unknown default:
            path = []
        }
        return render(path)
    }

    private func render(_ path: [any CodingKey]) -> String {
        path.map { key in key.intValue.map { "[\($0)]" } ?? key.stringValue }
            .joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
    }
}

enum HTTPStatusText {
    static func text(for status: Int) -> String {
        switch status {
        case 400: "The store rejected the request."
        case 401: "Not signed in."
        case 403: "Not allowed."
        case 404: "Not found."
        case 409: "That conflicts with the current state; refresh and try again."
        case 422: "The store could not process the request."
        case 429: "Too many requests; wait a moment and try again."
        case 500..<600: "The store had a problem (HTTP \(status)). Try again shortly."
        default: "HTTP \(status)."
        }
    }
}
