import Foundation
import StorefrontAPI

/// A versioned, portable picture of a cart: what support exports from one session and imports into another.
///
/// Personal data (names, phones, emails, address lines) is masked unless the export asked for it.
public struct CartSnapshot: Codable, Sendable, Hashable {
    /// The format this build writes and the newest it reads. 2: shipping before its tax, as the cart screen shows
    /// it (format 1 wrote it with its tax, which `tax` holds too, so its totals did not add up).
    public static let currentVersion = 2

    public var version: Int
    public var exportedAt: String
    public var store: String
    /// Whose cart it was: the user id a customer reads out to support (absent in older snapshots).
    public var userId: String?
    public var containsPersonalData: Bool
    public var lines: [Line]
    public var couponCode: String?
    public var giftCardCode: String?
    public var loyaltyPointsRedeemed: Int
    public var creditBalanceUsed: Money
    public var billingAddress: Address?
    public var shippingAddress: Address?
    public var totals: Totals

    public struct Line: Codable, Sendable, Hashable {
        public var productId: String
        public var variantId: String?
        public var name: String
        public var quantity: Int
        public var sellingPrice: Money

        public init(productId: String, variantId: String?, name: String, quantity: Int, sellingPrice: Money) {
            self.productId = productId
            self.variantId = variantId
            self.name = name
            self.quantity = quantity
            self.sellingPrice = sellingPrice
        }

        public var lineID: LineID { LineID(productId: productId, variantId: variantId) }
    }

    /// The totals the customer saw, to compare after import.
    public struct Totals: Codable, Sendable, Hashable {
        public var subtotal: Money
        public var discounts: Money
        public var tax: Money
        public var shipping: Money
        public var loyalty: Int
        public var credit: Money
        public var giftCard: Money
        public var grandTotal: Money
        public var toBePaid: Money

        /// `shippingIncludingTax` reads the cart as format 1 wrote it (to compare with such a file).
        public init(cart: Cart, shippingIncludingTax: Bool = false) {
            subtotal = cart.subtotal
            discounts = cart.couponDiscountAmount + cart.promotionDiscountAmount
            tax = cart.totalTax
            // As the cart screen shows it (``ShopCore/Totals``): `total_tax` already holds the shipping tax.
            shipping = shippingIncludingTax ? cart.shippingAmountIncludingTax : cart.shippingAmount
            loyalty = cart.loyaltyPointsRedeemed
            credit = cart.creditBalanceUsed
            giftCard = cart.giftCardAmount
            grandTotal = cart.grandTotal
            toBePaid = cart.toBePaid
        }

        /// Named amounts in a fixed order, for diffs and printing.
        public var named: [(String, String)] {
            [
                ("subtotal", subtotal.formatted()), ("discounts", discounts.formatted()), ("tax", tax.formatted()),
                ("shipping", shipping.formatted()), ("loyalty points", String(loyalty)),
                ("credit", credit.formatted()), ("gift card", giftCard.formatted()),
                ("grand total", grandTotal.formatted()), ("to be paid", toBePaid.formatted()),
            ]
        }
    }

    /// Takes a snapshot of `cart`.
    public init(cart: Cart, store: String, userID: String? = nil, withPII: Bool, now: Date = Date()) {
        version = Self.currentVersion
        exportedAt = ISO8601DateFormatter().string(from: now)
        self.store = store
        userId = userID
        containsPersonalData = withPII
        lines = cart.cartItems.filter { !$0.isFreeItem }.map {
            Line(
                productId: $0.productId, variantId: $0.variantId, name: $0.displayName, quantity: $0.quantity,
                sellingPrice: $0.sellingPrice)
        }
        couponCode = cart.couponCode
        giftCardCode = cart.giftCardCode
        loyaltyPointsRedeemed = cart.loyaltyPointsRedeemed
        creditBalanceUsed = cart.creditBalanceUsed
        billingAddress = cart.billingAddress.map { withPII ? $0 : Self.masked($0) }
        shippingAddress = cart.shippingAddress.map { withPII ? $0 : Self.masked($0) }
        totals = Totals(cart: cart)
    }

    /// Keeps what explains the totals (pincode, city, state) and masks who and where exactly.
    static func masked(_ address: Address) -> Address {
        var copy = address
        copy.id = nil
        copy.firstName = address.firstName.map { _ in "***" }
        copy.lastName = address.lastName.map { _ in "***" }
        copy.phone = address.phone.map { "******" + $0.suffix(2) }
        copy.email = address.email.map { _ in "***@***" }
        copy.addressLine1 = address.addressLine1.map { _ in "***" }
        copy.addressLine2 = address.addressLine2.map { _ in "***" }
        copy.landmark = address.landmark.map { _ in "***" }
        copy.taxIdentificationNumber = address.taxIdentificationNumber.map { _ in "***" }
        return copy
    }

    // MARK: Files

    public enum ReadError: Error, Equatable, LocalizedError {
        case unreadable(String)
        case notASnapshot(String)
        case newerVersion(Int)

        public var errorDescription: String? {
            switch self {
            case .unreadable(let reason): "Can't read the snapshot file: \(reason)."
            case .notASnapshot(let reason):
                "This is not a cart snapshot, or it is truncated (\(reason)). Export it again."
            case .newerVersion(let version):
                "This snapshot is format \(version), newer than this build reads (\(CartSnapshot.currentVersion)). "
                    + "Update storefront and try again."
            }
        }
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return encoder
    }

    public func encoded() throws -> Data { try Self.encoder.encode(self) }

    /// Reads a snapshot, refusing newer formats and damaged files with a sentence a person can act on.
    public static func decode(_ data: Data) throws(ReadError) -> CartSnapshot {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        struct VersionOnly: Decodable { var version: Int }
        let version: Int
        do {
            version = try decoder.decode(VersionOnly.self, from: data).version
        } catch {
            throw .notASnapshot("no readable version field")
        }
        guard version <= currentVersion else { throw .newerVersion(version) }
        do {
            return try decoder.decode(CartSnapshot.self, from: data)
        } catch let error as DecodingError {
            throw .notASnapshot(Self.describe(error))
        } catch {
            throw .notASnapshot("\(error)")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): "missing \(key.stringValue)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            context.codingPath.map(\.stringValue).joined(separator: ".").isEmpty
                ? "damaged JSON" : "bad \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        @unknown default: "damaged"
        }
    }
}
