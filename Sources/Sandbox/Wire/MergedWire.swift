/// A block that several answers share and the answer's own fields, encoded (and decoded) as one JSON object with
/// their keys side by side: a cart's and an order's totals, a coupon's and a promotion's discount. Both read as
/// fields of the whole (`cart.toBePaid`, `cart.id`).
@dynamicMemberLookup
struct MergedWire<Shared, Own> {
    var shared: Shared
    var own: Own

    subscript<Value>(dynamicMember field: WritableKeyPath<Shared, Value>) -> Value {
        get { shared[keyPath: field] }
        set { shared[keyPath: field] = newValue }
    }

    subscript<Value>(dynamicMember field: WritableKeyPath<Own, Value>) -> Value {
        get { own[keyPath: field] }
        set { own[keyPath: field] = newValue }
    }
}

extension MergedWire: Encodable where Shared: Encodable, Own: Encodable {
    func encode(to encoder: any Encoder) throws {
        try shared.encode(to: encoder)
        try own.encode(to: encoder)
    }
}

extension MergedWire: Decodable where Shared: Decodable, Own: Decodable {
    init(from decoder: any Decoder) throws {
        shared = try Shared(from: decoder)
        own = try Own(from: decoder)
    }
}

extension MergedWire: Sendable where Shared: Sendable, Own: Sendable {}
extension MergedWire: Equatable where Shared: Equatable, Own: Equatable {}
