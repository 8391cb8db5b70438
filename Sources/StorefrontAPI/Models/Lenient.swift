import Foundation
import Synchronization

/// An id or code the reference types as a string, read from a string or a number (`"42"` or `42`).
@propertyWrapper
public struct LenientID: Codable, Sendable, Hashable {
    public var wrappedValue: String

    public init(wrappedValue: String) { self.wrappedValue = wrappedValue }

    public init(from decoder: any Decoder) throws {
        wrappedValue = try LenientText.decode(decoder.singleValueContainer())
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}

/// ``LenientID`` for an optional field: missing or `null` is nil.
@propertyWrapper
public struct LenientOptionalID: Codable, Sendable, Hashable {
    public var wrappedValue: String?

    public init(wrappedValue: String?) { self.wrappedValue = wrappedValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try LenientText.decode(container)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}

extension KeyedDecodingContainer {
    public func decode(_ type: LenientOptionalID.Type, forKey key: Key) throws -> LenientOptionalID {
        try decodeIfPresent(type, forKey: key) ?? LenientOptionalID(wrappedValue: nil)
    }
}

extension KeyedEncodingContainer {
    /// A nil optional id is left out, as a plain optional would be.
    public mutating func encode(_ value: LenientOptionalID, forKey key: Key) throws {
        try encodeIfPresent(value.wrappedValue, forKey: key)
    }
}

enum LenientText {
    static func decode(_ container: any SingleValueDecodingContainer) throws -> String {
        if let text = try? container.decode(String.self) { return text }
        if let whole = try? container.decode(Int64.self) { return String(whole) }
        return "\(try container.decode(Decimal.self))"
    }
}

/// A list in which one element that cannot be read is dropped, not the list: the rest still shows, the drop
/// is counted (``dropped``) and reported to the client's log with its id and JSON path.
public struct LossyList<Element: Decodable & Sendable & Hashable>: Decodable, Sendable, Hashable {
    public var elements: [Element]
    /// The elements that could not be read.
    public var dropped: [DroppedElement]

    public init(_ elements: [Element] = [], dropped: [DroppedElement] = []) {
        self.elements = elements
        self.dropped = dropped
    }

    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        var elements: [Element] = []
        var dropped: [DroppedElement] = []
        while !container.isAtEnd {
            do {
                elements.append(try container.decode(Element.self))
            } catch let error as DecodingError {
                // A failed decode does not move the container: read the element again for its id, which moves on.
                let probe = try? container.decode(IDProbe.self)
                if probe == nil { _ = try container.decode(AttributeValue.self) }
                let drop = DroppedElement(
                    id: probe?.id, path: error.codingPathDescription, reason: error.summary)
                dropped.append(drop)
                DecodingDrops.current(decoder)?.record(drop)
            }
        }
        self.elements = elements
        self.dropped = dropped
    }

    private struct IDProbe: Decodable {
        var id: String?
        private enum CodingKeys: String, CodingKey { case id }
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try? container.decodeIfPresent(LenientOptionalID.self, forKey: .id)?.wrappedValue
        }
    }
}

extension KeyedDecodingContainer {
    /// A list whose unreadable elements are dropped; missing or `null` is an empty list.
    public func lossy<Element>(_ type: Element.Type, forKey key: Key) throws -> LossyList<Element> {
        try decodeIfPresent(LossyList<Element>.self, forKey: key) ?? LossyList()
    }
}

/// One list element an answer carried that the app could not read.
public struct DroppedElement: Codable, Sendable, Hashable {
    /// The element's `id`, when it had one that could be read.
    public var id: String?
    /// Where it failed, in the wire's names: `content.products[3].pricing.selling_price`.
    public var path: String
    public var reason: String

    public init(id: String?, path: String, reason: String) {
        self.id = id
        self.path = path
        self.reason = reason
    }
}

/// Collects the drops of one answer's decoding, for the client's log (passed in the decoder's `userInfo`).
final class DecodingDrops: Sendable {
    static let key = CodingUserInfoKey(rawValue: "storefront.decodingDrops")!
    private let drops = Mutex<[DroppedElement]>([])

    func record(_ drop: DroppedElement) { drops.withLock { $0.append(drop) } }
    var all: [DroppedElement] { drops.withLock { $0 } }

    static func current(_ decoder: any Decoder) -> DecodingDrops? {
        decoder.userInfo[key] as? DecodingDrops
    }
}
