import Foundation
import Testing

@testable import Sandbox

/// `/payments/juspay/*` answer the shapes of the vendor's reference examples, and create-order is once per order.
@Suite("Juspay contract")
struct JuspayContractTests {
    /// The keys of `content.data` in the reference's create-order example
    /// (docs.commercengine.io/api-reference/juspay/create-order-in-juspay).
    static let createOrderKeys: Set<String> = [
        "id", "udf10", "udf9", "udf8", "udf7", "udf6", "udf5", "udf4", "udf3", "udf2", "udf1", "status_id", "status",
        "return_url", "refunded", "product_id", "payment_links", "order_id", "merchant_id", "juspay", "date_created",
        "customer_phone", "customer_id", "customer_email", "currency", "amount_refunded", "amount",
    ]

    static func keys(_ value: JSONValue) -> Set<String> {
        if case .object(let fields) = value { return Set(fields.keys) }
        return []
    }

    @Test func createOrderAnswersTheReferenceShape() async throws {
        try await TestSandbox.with { sandbox in
            let (token, _, userId) = try await sandbox.loginWithPhone()
            let number = try await sandbox.demoOrder(token: token, userId: userId)
            let juspay = try await sandbox.post(
                "/payments/juspay/create-order",
                #"{"order_number":"\#(number)","return_url":"https://shop.example/r"}"#, token: token)
            #expect(juspay.status == 200, "\(juspay.text)")
            let data = juspay.content["data"]
            #expect(Self.keys(data) == Self.createOrderKeys)
            #expect(data["status_id"] == .string("10"))
            #expect(data["status"] == .string("NEW"))
            for index in 1...10 { #expect(data["udf\(index)"].string != nil, "udf\(index)") }
            #expect(data["amount_refunded"].decimal == 0)
            #expect(data["amount"].decimal == rupees("855.82"))
            #expect(data["refunded"] == .bool(false))
            #expect(data["order_id"].string == number)
            #expect(Self.keys(data["payment_links"]) == ["web", "mobile", "iframe"])
            #expect(Self.keys(data["juspay"]) == ["client_auth_token", "client_auth_token_expiry"])
            #expect(data["juspay"]["client_auth_token"].string?.isEmpty == false)
            #expect(data["juspay"]["client_auth_token_expiry"].string?.isEmpty == false)
        }
    }

    @Test func createOrderIsOncePerOrderNumber() async throws {
        try await TestSandbox.with { sandbox in
            let (token, _, userId) = try await sandbox.loginWithPhone()
            let number = try await sandbox.demoOrder(token: token, userId: userId)
            func createOrder(_ returnURL: String) async throws -> JSONValue {
                let response = try await sandbox.post(
                    "/payments/juspay/create-order", #"{"order_number":"\#(number)","return_url":"\#(returnURL)"}"#,
                    token: token)
                #expect(response.status == 200, "\(response.text)")
                return response.content["data"]
            }
            let first = try await createOrder("https://shop.example/first")
            let retry = try await createOrder("https://shop.example/second")
            #expect(first["id"].string != nil)
            #expect(retry["id"] == first["id"])
            #expect(retry["date_created"] == first["date_created"])
            #expect(retry["juspay"] == first["juspay"])
            #expect(retry["payment_links"] == first["payment_links"])
            #expect(retry["return_url"].string == "https://shop.example/first")
            let payments = try await sandbox.get("/orders/\(number)/payments", token: token)
            #expect(payments.content["payments"].array.count == 1, "\(payments.text)")

            // A failed payment does not make a second Juspay order either: the same one answers, now failed.
            try SandboxPayments.settle(orderNumber: number, fail: true, databasePath: sandbox.databasePath)
            let afterFailure = try await createOrder("https://shop.example/third")
            #expect(afterFailure["id"] == first["id"])
            #expect(afterFailure["status"] == .string("AUTHORIZATION_FAILED"))
            #expect(afterFailure["status_id"] == .string("27"))
            let stillOne = try await sandbox.get("/orders/\(number)/payments", token: token)
            #expect(stillOne.content["payments"].array.count == 1)
        }
    }
}
