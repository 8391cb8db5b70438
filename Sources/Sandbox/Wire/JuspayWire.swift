import Foundation

/// `content.data` of `POST /payments/juspay/create-order`: the keys and types of the reference's example
/// (`status_id` a string, `udf1`...`udf10`, `amount`/`amount_refunded` numbers).
struct JuspayOrderWire: Encodable, Sendable {
    struct Links: Encodable, Sendable {
        var web: String
        var mobile: String
        var iframe: String
    }
    struct Token: Encodable, Sendable {
        var clientAuthToken: String
        var clientAuthTokenExpiry: String
    }

    var id: String
    var udf10 = ""
    var udf9 = ""
    var udf8 = ""
    var udf7 = ""
    var udf6 = ""
    var udf5 = ""
    var udf4 = ""
    var udf3 = ""
    var udf2 = ""
    var udf1 = ""
    var statusId: String
    var status: String
    var returnUrl: String
    var refunded = false
    var productId = ""
    var paymentLinks: Links
    var orderId: String
    var merchantId = "sandbox"
    var juspay: Token
    var dateCreated: Date
    @Null var customerPhone: String?
    var customerId: String
    @Null var customerEmail: String?
    var currency = "INR"
    var amountRefunded: Decimal = 0
    var amount: Decimal
}
