import Foundation

/// An exact amount of money in minor units (paise for INR). Never a `Double`.
///
/// On the wire Commerce Engine sends amounts as JSON numbers in major units (`1234.5`); they are read
/// through `Decimal` and rounded half-even to the minor unit.
public struct Money: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public var minorUnits: Int64

    public init(minorUnits: Int64) {
        self.minorUnits = minorUnits
    }

    /// Parses a major-unit amount such as `"1234.50"`; nil when it is not a number.
    public init?(major text: String) {
        guard let decimal = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        self.init(major: decimal)
    }

    public init(major decimal: Decimal) {
        var scaled = decimal * 100
        var rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, 0, .bankers)
        minorUnits = NSDecimalNumber(decimal: rounded).int64Value
    }

    public static let zero = Money(minorUnits: 0)

    public var major: Decimal { Decimal(minorUnits) / 100 }
    public var isZero: Bool { minorUnits == 0 }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let decimal = try? container.decode(Decimal.self) {
            self.init(major: decimal)
        } else if let text = try? container.decode(String.self), let money = Money(major: text) {
            self = money
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an amount of money")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(major)
    }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.minorUnits < rhs.minorUnits }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(minorUnits: lhs.minorUnits + rhs.minorUnits) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(minorUnits: lhs.minorUnits - rhs.minorUnits) }
    public static func * (lhs: Money, rhs: Int) -> Money { Money(minorUnits: lhs.minorUnits * Int64(rhs)) }
    public static prefix func - (value: Money) -> Money { Money(minorUnits: -value.minorUnits) }

    public var description: String { formatted(currency: .inr) }

    /// Formats in the currency's convention: `₹1,23,456.78` for INR (Indian digit grouping).
    public func formatted(currency: Currency = .inr, ascii: Bool = false) -> String {
        let negative = minorUnits < 0
        let magnitude = minorUnits.magnitude
        let whole = String(magnitude / 100)
        let fraction = magnitude % 100
        let grouped = currency.code == "INR" ? Self.groupIndian(whole) : Self.groupThousands(whole)
        let fractionText = fraction < 10 ? "0\(fraction)" : "\(fraction)"
        let symbol = ascii ? currency.asciiSymbol : currency.symbol
        return (negative ? "-" : "") + symbol + grouped + "." + fractionText
    }

    static func groupIndian(_ digits: String) -> String {
        guard digits.count > 3 else { return digits }
        let lastThree = String(digits.suffix(3))
        var rest = String(digits.dropLast(3))
        var groups: [String] = []
        while rest.count > 2 {
            groups.insert(String(rest.suffix(2)), at: 0)
            rest = String(rest.dropLast(2))
        }
        if !rest.isEmpty { groups.insert(rest, at: 0) }
        return (groups + [lastThree]).joined(separator: ",")
    }

    static func groupThousands(_ digits: String) -> String {
        var groups: [String] = []
        var rest = digits
        while rest.count > 3 {
            groups.insert(String(rest.suffix(3)), at: 0)
            rest = String(rest.dropLast(3))
        }
        groups.insert(rest, at: 0)
        return groups.joined(separator: ",")
    }
}

/// A store currency, as the API sends it (`{name, code, symbol}`).
public struct Currency: Codable, Sendable, Hashable {
    public var name: String?
    public var code: String
    public var symbol: String

    public init(name: String? = nil, code: String, symbol: String) {
        self.name = name
        self.code = code
        self.symbol = symbol
    }

    public static let inr = Currency(name: "Indian Rupee", code: "INR", symbol: "₹")

    private enum CodingKeys: String, CodingKey { case name, code, symbol }

    /// Accepts `{name, code, symbol}` or a bare code such as `"INR"`.
    public init(from decoder: any Decoder) throws {
        if let code = try? decoder.singleValueContainer().decode(String.self) {
            self = code == "INR" ? .inr : Currency(code: code, symbol: code + " ")
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let code = try container.decodeIfPresent(String.self, forKey: .code) ?? "INR"
        name = try container.decodeIfPresent(String.self, forKey: .name)
        self.code = code
        symbol = try container.decodeIfPresent(String.self, forKey: .symbol) ?? (code == "INR" ? "₹" : code + " ")
    }

    /// What to print where Unicode is off (`--ascii`).
    public var asciiSymbol: String {
        symbol.unicodeScalars.allSatisfy(\.isASCII) ? symbol : (code == "INR" ? "Rs." : code + " ")
    }
}
