import Foundation

/// An attribute or option value: any JSON the store sends. The reference shows strings (`"Large"`), numbers,
/// flags, lists, and objects such as a colour `{"name": "Blue", "hexcode": "#0000FF"}` or lists of them.
public indirect enum AttributeValue: Codable, Sendable, Hashable {
    case text(String)
    case number(Decimal)
    case flag(Bool)
    case list([AttributeValue])
    case object([String: AttributeValue])
    case null

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let text = try? container.decode(String.self) {
            self = .text(text)
        } else if let flag = try? container.decode(Bool.self) {
            self = .flag(flag)
        } else if let number = try? container.decode(Decimal.self) {
            self = .number(number)
        } else if let list = try? container.decode([AttributeValue].self) {
            self = .list(list)
        } else {
            self = .object(try container.decode([String: AttributeValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .number(let number): try container.encode(number)
        case .flag(let flag): try container.encode(flag)
        case .list(let list): try container.encode(list)
        case .object(let object): try container.encode(object)
        case .null: try container.encodeNil()
        }
    }

    /// What a person reads: a colour by its name, a list joined with commas, an object by its `name` (or
    /// `label`, or `value`), else its fields.
    public var displayText: String {
        switch self {
        case .text(let text): return text
        case .number(let number): return "\(number)"
        case .flag(let flag): return flag ? "yes" : "no"
        case .null: return ""
        case .list(let list): return list.map(\.displayText).filter { !$0.isEmpty }.joined(separator: ", ")
        case .object(let object):
            for key in ["name", "label", "value", "title"] {
                if let named = object[key]?.displayText, !named.isEmpty { return named }
            }
            return object.keys.sorted().compactMap { key in
                let text = object[key]?.displayText ?? ""
                return text.isEmpty ? nil : "\(key): \(text)"
            }.joined(separator: ", ")
        }
    }

    /// The colours this value names as `#RRGGBB` (a colour object's `hexcode`, a list of them, or a plain
    /// hex string), for a swatch where colour is on.
    public var hexColors: [String] {
        switch self {
        case .text(let text): return Self.isHexColor(text) ? [text] : []
        case .list(let list): return list.flatMap(\.hexColors)
        case .object(let object):
            for key in ["hexcode", "hex_code", "hexCode", "hex", "color_code"] {
                if case .text(let hex)? = object[key], Self.isHexColor(hex) { return [hex] }
            }
            return []
        default: return []
        }
    }

    static func isHexColor(_ text: String) -> Bool {
        let digits = text.dropFirst()
        return text.first == "#" && (digits.count == 6 || digits.count == 3) && digits.allSatisfy(\.isHexDigit)
    }
}
