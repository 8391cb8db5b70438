import Foundation

/// The Meilisearch-style filter language of `POST /catalog/products/search`:
/// `attr = v`, `!=`, `>`, `>=`, `<`, `<=`, `attr a TO b`, `attr IN [a, b]`, `attr NOT IN [...]`, `EXISTS`,
/// `NOT EXISTS`, `IS NULL`, `IS NOT NULL`, `IS EMPTY`, `IS NOT EMPTY`, combined with `AND`, `OR`, `NOT` and
/// parentheses. Operators are uppercase. A JSON array of filters is an AND; a nested array is an OR.
indirect enum SearchFilter: Sendable, Equatable {
    case all([SearchFilter])
    case any([SearchFilter])
    case not(SearchFilter)
    case compare(String, String, String)
    case range(String, String, String)
    case within(String, [String])
    case exists(String)
    case isNull(String)
    case isEmpty(String)

    struct ParseError: Error, Equatable {
        let message: String
    }

    /// The attributes a filter reads.
    var attributes: Set<String> {
        switch self {
        case .all(let filters), .any(let filters): filters.reduce(into: []) { $0.formUnion($1.attributes) }
        case .not(let filter): filter.attributes
        case .compare(let attribute, _, _), .range(let attribute, _, _), .within(let attribute, _),
            .exists(let attribute), .isNull(let attribute), .isEmpty(let attribute):
            [attribute]
        }
    }

    /// Item attributes: each a list of values (strings; numbers as decimal strings).
    typealias Document = [String: [String]]

    func matches(_ document: Document) -> Bool {
        matches { document[$0] }
    }

    /// Matches values looked up on demand (nil: the item has no such attribute).
    func matches(_ lookup: (String) -> [String]?) -> Bool {
        switch self {
        case .all(let filters): return filters.allSatisfy { $0.matches(lookup) }
        case .any(let filters): return filters.contains { $0.matches(lookup) }
        case .not(let filter): return !filter.matches(lookup)
        case .exists(let attribute): return lookup(attribute) != nil
        case .isNull(let attribute): return lookup(attribute) == nil
        case .isEmpty(let attribute): return lookup(attribute)?.isEmpty ?? false
        case .within(let attribute, let values):
            return lookup(attribute)?.contains { value in values.contains { Self.equal(value, $0) } } ?? false
        case .range(let attribute, let low, let high):
            return lookup(attribute)?.contains {
                Self.order($0, low).map { $0 >= 0 } == true && Self.order($0, high).map { $0 <= 0 } == true
            } ?? false
        case .compare(let attribute, let op, let target):
            guard let values = lookup(attribute) else { return op == "!=" }
            switch op {
            case "=": return values.contains { Self.equal($0, target) }
            case "!=": return !values.contains { Self.equal($0, target) }
            default:
                return values.contains { value in
                    guard let order = Self.order(value, target) else { return false }
                    switch op {
                    case ">": return order > 0
                    case ">=": return order >= 0
                    case "<": return order < 0
                    default: return order <= 0
                    }
                }
            }
        }
    }

    static func equal(_ lhs: String, _ rhs: String) -> Bool {
        if let a = Decimal(string: lhs, locale: nil), let b = Decimal(string: rhs, locale: nil),
            lhs.first?.isNumber == true, rhs.first?.isNumber == true
        {
            return a == b
        }
        return lhs.lowercased() == rhs.lowercased()
    }

    /// Numeric comparison (nil when either side is not a number).
    static func order(_ lhs: String, _ rhs: String) -> Int? {
        guard let a = Decimal(string: lhs, locale: nil), let b = Decimal(string: rhs, locale: nil),
            lhs.first.map({ $0.isNumber || $0 == "-" }) == true, rhs.first.map({ $0.isNumber || $0 == "-" }) == true
        else { return nil }
        return a < b ? -1 : (a == b ? 0 : 1)
    }

    // MARK: Parsing

    /// A filter from the request body's `filter` (string, array of strings, or array of arrays).
    static func parse(json: JSONValue) throws(ParseError) -> SearchFilter? {
        switch json {
        case .null: return nil
        case .string(let text): return try parse(text)
        case .array(let items):
            var filters: [SearchFilter] = []
            for item in items {
                switch item {
                case .string(let text): if let filter = try parse(text) { filters.append(filter) }
                case .array(let alternatives):
                    var options: [SearchFilter] = []
                    for alternative in alternatives {
                        guard case .string(let text) = alternative else {
                            throw ParseError(message: "Nested filters must be strings")
                        }
                        if let filter = try parse(text) { options.append(filter) }
                    }
                    filters.append(.any(options))
                default: throw ParseError(message: "Filter arrays hold strings or arrays of strings")
                }
            }
            return .all(filters)
        default: throw ParseError(message: "Must be a string or an array")
        }
    }

    static func parse(_ text: String) throws(ParseError) -> SearchFilter? {
        var parser = Parser(tokens: try tokenize(text))
        if parser.tokens.isEmpty { return nil }
        let filter = try parser.expression()
        if parser.position < parser.tokens.count {
            throw ParseError(message: "Unexpected '\(parser.tokens[parser.position].text)'")
        }
        return filter
    }

    struct Token: Equatable {
        var text: String
        var quoted: Bool
    }

    static func tokenize(_ text: String) throws(ParseError) -> [Token] {
        var tokens: [Token] = []
        var index = text.startIndex
        while index < text.endIndex {
            let char = text[index]
            if char.isWhitespace {
                index = text.index(after: index)
            } else if "()[],".contains(char) {
                tokens.append(Token(text: String(char), quoted: false))
                index = text.index(after: index)
            } else if char == "\"" || char == "'" {
                var end = text.index(after: index)
                while end < text.endIndex && text[end] != char { end = text.index(after: end) }
                guard end < text.endIndex else { throw ParseError(message: "Unterminated quote") }
                tokens.append(Token(text: String(text[text.index(after: index)..<end]), quoted: true))
                index = text.index(after: end)
            } else if "=!<>".contains(char) {
                var end = text.index(after: index)
                if end < text.endIndex && text[end] == "=" { end = text.index(after: end) }
                let op = String(text[index..<end])
                guard ["=", "!=", "<", "<=", ">", ">="].contains(op) else {
                    throw ParseError(message: "Unknown operator '\(op)'")
                }
                tokens.append(Token(text: op, quoted: false))
                index = end
            } else {
                var end = index
                while end < text.endIndex && !text[end].isWhitespace && !"()[],=!<>\"'".contains(text[end]) {
                    end = text.index(after: end)
                }
                tokens.append(Token(text: String(text[index..<end]), quoted: false))
                index = end
            }
        }
        return tokens
    }

    struct Parser {
        var tokens: [Token]
        var position = 0

        func peek(_ offset: Int = 0) -> Token? {
            position + offset < tokens.count ? tokens[position + offset] : nil
        }

        func isKeyword(_ word: String, _ offset: Int = 0) -> Bool {
            guard let token = peek(offset) else { return false }
            return !token.quoted && token.text == word
        }

        mutating func next() throws(ParseError) -> Token {
            guard let token = peek() else { throw ParseError(message: "Unexpected end of filter") }
            position += 1
            return token
        }

        mutating func expect(_ word: String) throws(ParseError) {
            let token = try next()
            guard !token.quoted && token.text == word else {
                throw ParseError(message: "Expected '\(word)', found '\(token.text)'")
            }
        }

        mutating func expression() throws(ParseError) -> SearchFilter {
            var options = [try conjunction()]
            while isKeyword("OR") {
                position += 1
                options.append(try conjunction())
            }
            return options.count == 1 ? options[0] : .any(options)
        }

        mutating func conjunction() throws(ParseError) -> SearchFilter {
            var parts = [try negation()]
            while isKeyword("AND") {
                position += 1
                parts.append(try negation())
            }
            return parts.count == 1 ? parts[0] : .all(parts)
        }

        mutating func negation() throws(ParseError) -> SearchFilter {
            if isKeyword("NOT") {
                position += 1
                return .not(try negation())
            }
            if isKeyword("(") {
                position += 1
                let inner = try expression()
                try expect(")")
                return inner
            }
            return try condition()
        }

        mutating func value() throws(ParseError) -> String {
            let token = try next()
            if !token.quoted && ["(", ")", "[", "]", ","].contains(token.text) {
                throw ParseError(message: "Expected a value, found '\(token.text)'")
            }
            return token.text
        }

        mutating func list() throws(ParseError) -> [String] {
            try expect("[")
            var values: [String] = []
            while !isKeyword("]") {
                values.append(try value())
                if isKeyword(",") {
                    position += 1
                } else if !isKeyword("]") {
                    throw ParseError(message: "Expected ',' or ']' in list")
                }
            }
            try expect("]")
            return values
        }

        mutating func condition() throws(ParseError) -> SearchFilter {
            let attribute = try value()
            let token = try next()
            if !token.quoted {
                switch token.text {
                case "=", "!=", ">", ">=", "<", "<=":
                    return .compare(attribute, token.text, try value())
                case "IN":
                    return .within(attribute, try list())
                case "EXISTS":
                    return .exists(attribute)
                case "NOT":
                    if isKeyword("IN") {
                        position += 1
                        return .not(.within(attribute, try list()))
                    }
                    try expect("EXISTS")
                    return .not(.exists(attribute))
                case "IS":
                    let negated = isKeyword("NOT")
                    if negated { position += 1 }
                    let kind = try next()
                    let filter: SearchFilter
                    switch kind.text {
                    case "NULL": filter = .isNull(attribute)
                    case "EMPTY": filter = .isEmpty(attribute)
                    default: throw ParseError(message: "Expected NULL or EMPTY after IS")
                    }
                    return negated ? .not(filter) : filter
                default:
                    break
                }
            }
            // `attr low TO high`
            try expect("TO")
            return .range(attribute, token.text, try value())
        }
    }
}
