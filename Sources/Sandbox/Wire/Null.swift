/// An optional that is sent as JSON `null` rather than left out (the reference shows `null` values).
@propertyWrapper
struct Null<Value: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try container.decode(Value.self)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}

extension KeyedDecodingContainer {
    func decode<Value>(_ type: Null<Value>.Type, forKey key: Key) throws -> Null<Value> {
        Null(wrappedValue: try decodeIfPresent(Value.self, forKey: key))
    }
}
