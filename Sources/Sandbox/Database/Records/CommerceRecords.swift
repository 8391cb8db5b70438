import Foundation
import GRDB

/// `CustomerAddress` as stored and as sent on the wire (snake_case through the encoder).
struct AddressPayload: Codable, Sendable, Equatable {
    var id: String?
    var nickname: String?
    var firstName: String
    var lastName: String?
    var countryCode: String?
    var phone: String
    var email: String
    var addressLine1: String
    var addressLine2: String?
    var landmark: String?
    var pincode: String
    var city: String
    var state: String
    var country: String
    var taxIdentificationNumber: String?
    var businessName: String?
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
