import Foundation

/// An exact amount of money in paise (minor units). On the wire it is a JSON number in rupees,
/// e.g. 123450 paise → `1234.5`, encoded through `Decimal` so no binary floating point is involved.
struct Paise: Sendable, Hashable, Comparable, Codable {
    var value: Int

    init(_ value: Int) { self.value = value }

    static let zero = Paise(0)

    static func < (lhs: Paise, rhs: Paise) -> Bool { lhs.value < rhs.value }
    static func + (lhs: Paise, rhs: Paise) -> Paise { Paise(lhs.value + rhs.value) }
    static func - (lhs: Paise, rhs: Paise) -> Paise { Paise(lhs.value - rhs.value) }
    static func += (lhs: inout Paise, rhs: Paise) { lhs.value += rhs.value }
    static func -= (lhs: inout Paise, rhs: Paise) { lhs.value -= rhs.value }
    static func * (lhs: Paise, rhs: Int) -> Paise { Paise(lhs.value * rhs) }

    /// Rupees as plain text without trailing zeros ("599", "1234.5", "0.05"), computed with integers.
    var rupeesText: String {
        let magnitude = value.magnitude
        let whole = magnitude / 100
        let fraction = magnitude % 100
        let sign = value < 0 ? "-" : ""
        if fraction == 0 { return "\(sign)\(whole)" }
        if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// The amount in rupees as an exact decimal.
    var decimal: Decimal {
        Decimal(sign: value < 0 ? .minus : .plus, exponent: -2, significand: Decimal(value.magnitude))
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(decimal)
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let rupees = try container.decode(Decimal.self)
        guard let paise = Paise(rupees: rupees) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Not a whole number of paise")
        }
        self = paise
    }

    /// Exact conversion from a rupee amount; nil when it has fractions of a paisa.
    init?(rupees: Decimal) {
        var scaled = rupees * 100
        var rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, 0, .plain)
        guard rounded == scaled, let int = Int(exactly: NSDecimalNumber(decimal: rounded).int64Value),
            Decimal(int) == rounded
        else { return nil }
        self.value = int
    }

    /// `a × b ÷ c` rounded half up, for non-negative operands.
    static func mulDiv(_ a: Int, _ b: Int, _ c: Int) -> Int {
        precondition(c > 0)
        let product = a * b
        return product >= 0 ? (product + c / 2) / c : -((-product + c / 2) / c)
    }
}
