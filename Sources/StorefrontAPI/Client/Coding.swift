import Foundation

/// JSON coding of the wire: snake_case keys, the envelope, and typed decoding errors.
///
/// Every answer goes through ``decodeEnvelope(_:from:)`` exactly once; nothing else reads a body.
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

    /// ``decoder``, or one that reports dropped list elements to `drops`.
    static func decoder(reportingTo drops: DecodingDrops?) -> JSONDecoder {
        guard let drops else { return decoder }
        let reporting = JSONDecoder()
        reporting.keyDecodingStrategy = .convertFromSnakeCase
        reporting.userInfo[DecodingDrops.key] = drops
        return reporting
    }

    /// Decodes `{message, success, content}`.
    ///
    /// - A non-2xx status becomes `.http` with the error body's `message`, `code` and `details` when the body is
    ///   the documented error JSON, and the status' text when it is anything else (an HTML page, nothing).
    /// - A 2xx answer with `success: false` becomes `.http` as well.
    /// - A 2xx answer that is not the expected JSON becomes `.decoding(path:)`, the path naming the wire field
    ///   (`content.cart.cart_items[2].quantity`), or empty when the body is not JSON at all.
    /// - List elements that cannot be read are dropped (``LossyList``) and reported to `drops`.
    static func decodeEnvelope<Content: Decodable & Sendable>(
        _ type: Content.Type, from response: HTTPResponse, drops: DecodingDrops? = nil
    ) throws(APIError) -> Content {
        guard (200..<300).contains(response.status) else {
            throw httpError(status: response.status, body: response.body)
        }
        if response.body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }),
            let empty = EmptyContent() as? Content
        {
            return empty
        }
        let envelope: Envelope<Content>
        do {
            envelope = try decoder(reportingTo: drops).decode(Envelope<Content>.self, from: response.body)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                throw .decoding(path: "", message: "not JSON: \(snippet(response.body))")
            }
            throw .decoding(path: error.codingPathDescription, message: error.summary)
        } catch {
            throw .decoding(path: "", message: "\(error)")
        }
        if !envelope.success {
            throw httpError(status: response.status, body: response.body)
        }
        if let content = envelope.content { return content }
        if let empty = EmptyContent() as? Content { return empty }
        throw .decoding(path: "content", message: "missing")
    }

    /// The error of a failed answer. Lenient: any field that is missing or of another type is skipped.
    static func httpError(status: Int, body: Data) -> APIError {
        let object = (try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])) as? [String: Any]
        let message = (object?["message"] as? String).flatMap { $0.isEmpty ? nil : $0 }
        let code = object?["code"] as? String ?? (object?["error"] as? [String: Any])?["code"] as? String
        return .http(
            status: status, code: code, message: message ?? HTTPStatusText.text(for: status),
            details: fieldIssues(object?["details"]))
    }

    /// `details` as the project decided (`[{field, message}]`), also accepting plain strings and
    /// `{field: message}` maps.
    static func fieldIssues(_ value: Any?) -> [FieldIssue] {
        switch value {
        case let list as [Any]:
            return list.compactMap { item in
                if let text = item as? String { return FieldIssue(field: nil, message: text) }
                guard let entry = item as? [String: Any] else { return nil }
                let message = entry["message"] as? String ?? entry["msg"] as? String
                guard let message else { return nil }
                return FieldIssue(field: entry["field"] as? String ?? entry["path"] as? String, message: message)
            }
        case let map as [String: Any]:
            return map.keys.sorted().compactMap { key in
                (map[key] as? String).map { FieldIssue(field: key, message: $0) }
            }
        case let text as String:
            return [FieldIssue(field: nil, message: text)]
        default:
            return []
        }
    }

    /// The start of a body for an error message, with secrets removed.
    static func snippet(_ body: Data) -> String {
        guard !body.isEmpty else { return "empty body" }
        let text = String(decoding: body.prefix(80), as: UTF8.self)
            .replacingOccurrences(of: "\n", with: " ")
        return "\"" + Redaction.redact(text) + (body.count > 80 ? "…\"" : "\"")
    }
}

extension DecodingError {
    /// `content.cart.cart_items[2].quantity`-style path of the failure, in the wire's snake_case.
    var codingPathDescription: String {
        switch self {
        case .keyNotFound(let key, let context):
            Self.render(context.codingPath + [key])
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            Self.render(context.codingPath)
        @unknown default:
            ""
        }
    }

    /// A short account without the underlying error's dump.
    var summary: String {
        switch self {
        case .keyNotFound: "missing"
        case .typeMismatch(let type, _): "expected \(type)"
        case .valueNotFound(let type, _): "null where \(type) was expected"
        case .dataCorrupted(let context): context.debugDescription
        @unknown default: "\(self)"
        }
    }

    static func render(_ path: [any CodingKey]) -> String {
        var result = ""
        for key in path {
            if let index = key.intValue {
                result += "[\(index)]"
            } else {
                if !result.isEmpty { result += "." }
                result += snakeCase(key.stringValue)
            }
        }
        return result
    }

    /// `cartItems` → `cart_items`; already snake_case names are unchanged.
    static func snakeCase(_ name: String) -> String {
        var result = ""
        for character in name {
            if character.isUppercase {
                if !result.isEmpty { result += "_" }
                result += character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }
}

enum HTTPStatusText {
    static func text(for status: Int) -> String {
        switch status {
        case 400: "The store rejected the request."
        case 401: "Not signed in, or the session is no longer valid."
        case 403: "Not allowed."
        case 404: "Not found."
        case 409: "That conflicts with the current state; refresh and try again."
        case 422: "The store could not process the request."
        case 429: "Too many requests; wait a moment and try again."
        case 500..<600: "The store had a problem (HTTP \(status)). Try again shortly."
        default: "The store answered HTTP \(status)."
        }
    }
}
