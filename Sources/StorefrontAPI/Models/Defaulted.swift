/// Tolerant decoding: a field that is missing or `null` takes a default instead of failing the whole body.
public protocol DefaultValueProvider {
    associatedtype Value: Codable & Sendable & Hashable
    static var defaultValue: Value { get }
}

@propertyWrapper
public struct Defaulted<Provider: DefaultValueProvider>: Codable, Sendable, Hashable {
    public var wrappedValue: Provider.Value

    public init(wrappedValue: Provider.Value = Provider.defaultValue) {
        self.wrappedValue = wrappedValue
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            wrappedValue = Provider.defaultValue
        } else {
            wrappedValue = try container.decode(Provider.Value.self)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}

extension KeyedDecodingContainer {
    public func decode<P>(_ type: Defaulted<P>.Type, forKey key: Key) throws -> Defaulted<P> {
        try decodeIfPresent(type, forKey: key) ?? Defaulted()
    }
}

public enum Defaults {
    public enum False: DefaultValueProvider { public static var defaultValue: Bool { false } }
    public enum Zero: DefaultValueProvider { public static var defaultValue: Money { .zero } }
    public enum ZeroInt: DefaultValueProvider { public static var defaultValue: Int { 0 } }
    public enum EmptyString: DefaultValueProvider { public static var defaultValue: String { "" } }
    public enum EmptyList<Element: Codable & Sendable & Hashable>: DefaultValueProvider {
        public static var defaultValue: [Element] { [] }
    }
}
