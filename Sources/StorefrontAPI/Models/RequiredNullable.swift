import Foundation

extension KeyedEncodingContainer {
    /// A field the API requires but lets be null (`variant_id` of a simple product): `value`, or `null`, never
    /// left out as `encodeIfPresent` would.
    mutating func encodeOrNull(_ value: String?, forKey key: Key) throws {
        if let value {
            try encode(value, forKey: key)
        } else {
            try encodeNil(forKey: key)
        }
    }
}
