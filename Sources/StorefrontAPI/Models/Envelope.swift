/// Every storefront response: `{message, success, content}`. Decoded once, generically.
public struct Envelope<Content: Decodable & Sendable>: Decodable, Sendable {
    public var message: String?
    public var success: Bool
    public var content: Content?

    private enum CodingKeys: String, CodingKey { case message, success, content }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // `message` and `success` are informative: a missing or odd value does not fail the body.
        message = try? container.decodeIfPresent(String.self, forKey: .message)
        success = (try? container.decodeIfPresent(Bool.self, forKey: .success)) ?? true
        content = try container.decodeIfPresent(Content.self, forKey: .content)
    }
}

/// The body of a failed request (this project's decision, see storefront-api.md "this project decides").
public struct ErrorBody: Decodable, Sendable, Hashable {
    public var message: String?
    public var success: Bool?
    public var code: String?
    public var details: [FieldIssue]?
}

/// One field-level problem in a 400 answer.
public struct FieldIssue: Codable, Sendable, Hashable {
    public var field: String?
    public var message: String

    public init(field: String?, message: String) {
        self.field = field
        self.message = message
    }
}

/// A response whose `content` is absent or ignored (deletes that answer `{message, success}`).
public struct EmptyContent: Codable, Sendable, Hashable {
    public init() {}

    /// Accepts any `content` (object, list, string, null): it is ignored.
    public init(from decoder: any Decoder) throws {}

    public func encode(to encoder: any Encoder) throws {
        _ = encoder.container(keyedBy: AnyKey.self)
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

/// Juspay endpoints nest one level deeper: `content.data`.
public struct DataWrapper<Wrapped: Decodable & Sendable>: Decodable, Sendable {
    public var data: Wrapped
}

/// Paging as the API reports it.
public struct Pagination: Codable, Sendable, Hashable {
    @Defaulted<Defaults.ZeroInt> public var totalRecords: Int
    @Defaulted<Defaults.ZeroInt> public var totalPages: Int
    public var previousPage: Int?
    public var nextPage: Int?
    @Defaulted<Defaults.ZeroInt> public var limit: Int

    public init(totalRecords: Int, totalPages: Int, previousPage: Int?, nextPage: Int?, limit: Int) {
        self.totalRecords = totalRecords
        self.totalPages = totalPages
        self.previousPage = previousPage
        self.nextPage = nextPage
        self.limit = limit
    }
}
