import Foundation
import GRDB

/// `CustomerAddress` as stored and as sent on the wire (snake_case through the encoder); the documented nullable
/// keys are sent as `null` when empty.
struct AddressPayload: Codable, Sendable, Equatable {
    var id: String?
    var nickname: String?
    var firstName: String
    @Null var lastName: String?
    var countryCode: String?
    var phone: String
    var email: String
    var addressLine1: String
    @Null var addressLine2: String?
    @Null var landmark: String?
    var pincode: String
    var city: String
    var state: String
    var country: String
    @Null var taxIdentificationNumber: String?
    @Null var businessName: String?
    var isPhoneVerified: Bool?
    var isEmailVerified: Bool?
    var isDefaultBilling: Bool?
    var isDefaultShipping: Bool?
}

struct AddressRecord: SnakeCaseRecord, Sendable {
    static let databaseTableName = "address"
    var id: String
    var userId: String
    var payload: AddressPayload
    var isDefaultBilling: Bool
    var isDefaultShipping: Bool
    var createdAt: Date
}

/// The cart's chosen fulfillment: delivery with a shipping method, or collect in store.
struct FulfillmentChoice: Codable, Sendable, Equatable {
    var fulfillmentType: String
    var shippingProviderId: String?
    var courierCompanyId: String?
    var pickupLocationId: String?
}

struct CartRecord: SnakeCaseRecord, Sendable {
    static let databaseTableName = "cart"
    var id: String
    var userId: String
    var active: Bool
    var couponCode: String?
    var loyaltyPointsRequested: Int
    /// Paise.
    var creditBalanceRequested: Int
    var giftCardCode: String?
    var billingAddress: AddressPayload?
    var shippingAddress: AddressPayload?
    var fulfillment: FulfillmentChoice?
    var customerNote: String?
    var metadata: [String: String]?
    var createdAt: Date
    var expiresAt: Date
}

struct CartItemRecord: SnakeCaseRecord, Sendable {
    static let databaseTableName = "cart_item"
    var cartId: String
    var productId: String
    /// "" when the product has no variants.
    var variantId: String
    var quantity: Int
    var position: Int
}

struct WishlistItemRecord: SnakeCaseRecord, Sendable {
    static let databaseTableName = "wishlist_item"
    var userId: String
    var productId: String
    var variantId: String
    var position: Int
}

struct OrderRecord: SnakeCaseRecord, Sendable {
    static let databaseTableName = "order"
    var orderNumber: String
    var userId: String
    var cartId: String
    var status: String
    var paymentStatus: String
    var toBePaid: Int
    var amountPaid: Int
    /// The priced cart at the moment of ordering (JSON).
    var snapshot: OrderSnapshot
    var paymentMethod: JSONValue?
    var cancellationReason: String?
    var createdAt: Date
    var paymentSuccessAt: Date?
}

struct PaymentRecord: SnakeCaseRecord, Sendable {
    static let databaseTableName = "payment"
    var id: String
    var orderNumber: String
    var amount: Int
    /// "pending" | "success" | "failed".
    var status: String
    var returnUrl: String?
    var createdAt: Date
    var settledAt: Date?
}

// The records every cart request reads, decoded column by column: the `Codable` row decoder (with its snake_case
// key conversion per column per row) was most of the time of an item update's transaction. Writing them still
// goes through `Codable`; nested values are the same JSON text, read with the record's own JSON decoder.

extension CartRecord {
    init(row: Row) throws {
        func json<Value: Decodable>(_ column: String) throws -> Value? {
            guard let text: String = row[column] else { return nil }
            return try Self.databaseJSONDecoder(for: column).decode(Value.self, from: Data(text.utf8))
        }
        id = row["id"]
        userId = row["user_id"]
        active = row["active"]
        couponCode = row["coupon_code"]
        loyaltyPointsRequested = row["loyalty_points_requested"]
        creditBalanceRequested = row["credit_balance_requested"]
        giftCardCode = row["gift_card_code"]
        billingAddress = try json("billing_address")
        shippingAddress = try json("shipping_address")
        fulfillment = try json("fulfillment")
        customerNote = row["customer_note"]
        metadata = try json("metadata")
        createdAt = row["created_at"]
        expiresAt = row["expires_at"]
    }
}

extension CartItemRecord {
    init(row: Row) throws {
        cartId = row["cart_id"]
        productId = row["product_id"]
        variantId = row["variant_id"]
        quantity = row["quantity"]
        position = row["position"]
    }
}
