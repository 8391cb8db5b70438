/// What a visitor asked for, from `$SSH_ORIGINAL_COMMAND` (`ssh -p 2222 demo@host cart`).
///
/// The kiosk never hands the text to a shell: it is split on spaces and matched against this short list.
/// No command opens the shop; `cart` and `add` are the scripted (headless) doors used by the load test and
/// by visitors who want a one-liner.
public enum KioskRequest: Sendable, Hashable {
    /// The shop in the terminal (no command given).
    case shop
    /// Print the visitor's cart.
    case showCart
    /// Add a product (id or slug) to the visitor's cart.
    case add(product: String, quantity: Int)
    /// The list of commands.
    case help

    public enum ParseError: Error, Hashable, CustomStringConvertible {
        case unknown(String)
        case badArguments(String)

        public var description: String {
            switch self {
            case .unknown(let word): "unknown command '\(word)'. \(KioskRequest.usage)"
            case .badArguments(let message): message
            }
        }
    }

    public static let usage = "Commands: (none) opens the shop; cart; add PRODUCT [QUANTITY]; help."

    /// Parses `$SSH_ORIGINAL_COMMAND` (nil or blank: the shop).
    public init(originalCommand: String?) throws(ParseError) {
        let words = (originalCommand ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = words.first else {
            self = .shop
            return
        }
        switch (first, words.count) {
        case ("shop", 1): self = .shop
        case ("cart", 1): self = .showCart
        case ("help", 1): self = .help
        case ("add", 2), ("add", 3):
            let product = words[1]
            guard product.count <= 200, product.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) })
            else { throw .badArguments("add: a product id or slug is letters, digits, '-', '_' and '.'.") }
            var quantity = 1
            if words.count == 3 {
                guard let number = Int(words[2]), (1...99).contains(number) else {
                    throw .badArguments("add: the quantity is a number from 1 to 99.")
                }
                quantity = number
            }
            self = .add(product: product, quantity: quantity)
        case ("shop", _), ("cart", _), ("help", _), ("add", _):
            throw .badArguments("\(first): wrong number of arguments. \(KioskRequest.usage)")
        default:
            throw .unknown(String(first.prefix(40)))
        }
    }
}

/// Where a visitor's shop opens: on an order still waiting for its payment (a checkout the dropped
/// connection interrupted), else the catalog.
public enum KioskResume {
    /// The newest order (the list comes newest first) that is neither cancelled nor paid.
    public static func orderToResume(_ orders: [(number: String, status: String?, paymentStatus: String?)]) -> String? {
        orders.first { order in
            order.status != "cancelled" && ["pending", "partially_paid", "failed"].contains(order.paymentStatus ?? "")
        }?.number
    }
}
