import Foundation
import Testing

@testable import Sandbox

@Suite("Orders, payments and the payment page over HTTP")
struct OrderHTTPTests {
    @Test func orderIsPaidOnThePaymentPageAfterAFailureAndARetry() async throws {
        try await TestSandbox.with { sandbox in
            let (token, _, userId) = try await sandbox.loginWithPhone()
            let cartId = try await sandbox.demoCheckoutCart(token: token, userId: userId)
            let created = try await sandbox.post(
                "/orders", #"{"cart_id":"\#(cartId)","payment_method":\#(TestSandbox.hyperCheckout)}"#, token: token)
            #expect(created.status == 200, "\(created.text)")
            #expect(created.content["payment_required"].bool == true)
            let order = created.content["order"]
            let number = try #require(order["order_number"].string)
            #expect(order["status"].string == "pending")
            #expect(order["payment_status"].string == "pending")
            #expect(order["grand_total"].decimal == rupees("855.82"))
            #expect(order["to_be_paid"].decimal == rupees("855.82"))
            #expect(order["order_items"][0]["quantity"].int == 2)
            let link = try #require(created.content["payment_info"]["payment_links"]["web"].string)
            #expect(link.contains("/sandbox/pay/"))

            let noCart = try await sandbox.get("/carts/users/\(userId)", token: token)
            #expect(noCart.status == 404)
            let oldCart = try await sandbox.get("/carts/\(cartId)", token: token)
            #expect(oldCart.status == 404)

            let page = try await sandbox.get("/" + TestSandbox.path(of: link))
            #expect(page.status == 200)
            #expect(page.text.contains(number))
            #expect(page.text.contains("₹855.82"))
            #expect(page.text.contains("value=\"pay\""))

            let failed = try await sandbox.submitForm(TestSandbox.path(of: link), "action=fail")
            #expect(failed.status == 200)
            #expect(failed.html.contains("AUTHENTICATION_FAILED"))
            let afterFail = try await sandbox.get("/orders/\(number)/payment-status", token: token)
            #expect(afterFail.content["status"].string == "failed")
            #expect(afterFail.content["is_retry_available"].bool == true)
            #expect(afterFail.content["amount_unpaid"].decimal == rupees("855.82"))
            let again = try await sandbox.submitForm(TestSandbox.path(of: link), "action=pay")
            #expect(again.status == 409)

            let retry = try await sandbox.post(
                "/orders/\(number)/retry-payment", #"{"payment_method":\#(TestSandbox.hyperCheckout)}"#, token: token)
            #expect(retry.status == 200, "\(retry.text)")
            let retryLink = try #require(retry.content["payment_info"]["payment_links"]["web"].string)
            #expect(retryLink != link)
            let tooSoon = try await sandbox.post("/orders/\(number)/retry-payment", token: token)
            #expect(tooSoon.status == 409)

            let paid = try await sandbox.submitForm(TestSandbox.path(of: retryLink), "action=pay")
            #expect(paid.html.contains("CHARGED"))
            #expect(paid.html.contains("https://shop.example/return?order_id=\(number)"))
            let status = try await sandbox.get("/orders/\(number)/payment-status", token: token)
            #expect(status.content["status"].string == "success")
            #expect(status.content["amount_paid"].decimal == rupees("855.82"))
            #expect(status.content["amount_unpaid"].decimal == rupees("0"))
            #expect(status.content["is_retry_available"].bool == false)
            let detail = try await sandbox.get("/orders/\(number)", token: token)
            #expect(detail.content["order"]["status"].string == "confirmed")
            #expect(detail.content["order"]["loyalty_point_earned"].int == 8)
            let points = try await sandbox.get("/customers/\(userId)/loyalty", token: token)
            #expect(points.content["loyalty_point_balance"].int == 508)
            #expect(points.content["loyalty"]["loyalty_point_earned"].int == 8)

            let list = try await sandbox.get("/orders?user_id=\(userId)", token: token)
            #expect(list.content["orders"].array.compactMap { $0["order_number"].string } == [number])
            let payments = try await sandbox.get("/orders/\(number)/payments", token: token)
            #expect(
                payments.content["payments"].array.compactMap { $0["payment_status"].string } == ["failed", "success"])
        }
    }

    @Test func ordersAreScopedToTheirUserAndNeedALogin() async throws {
        try await TestSandbox.with { sandbox in
            let (token, _, userId) = try await sandbox.loginWithPhone()
            let cartId = try await sandbox.demoCheckoutCart(token: token, userId: userId)
            let created = try await sandbox.post("/orders", #"{"cart_id":"\#(cartId)"}"#, token: token)
            let number = try #require(created.content["order"]["order_number"].string)

            let (anonymous, _, anonymousId) = try await sandbox.anonymous()
            let book = try await sandbox.product("the-monsoon-library", token: anonymous)
            let (anonymousCart, _) = try await sandbox.createCart(productId: book.id, quantity: 1, token: anonymous)
            let refused = try await sandbox.post("/orders", #"{"cart_id":"\#(anonymousCart)"}"#, token: anonymous)
            #expect(refused.status == 401)
            for path in ["/orders/\(number)", "/orders/\(number)/payment-status", "/orders/\(number)/payments"] {
                let response = try await sandbox.get(path, token: anonymous)
                #expect(response.status == 404, "\(path)")
                #expect(response.content.isNull)
            }
            let cancel = try await sandbox.post(
                "/orders/\(number)/cancel", #"{"cancellation_reason":"x","refund_mode":"original_payment_mode"}"#,
                token: anonymous)
            #expect(cancel.status == 404)
            let list = try await sandbox.get("/orders?user_id=\(userId)", token: anonymous)
            #expect(list.status == 403)
            let ownList = try await sandbox.get("/orders?user_id=\(anonymousId)", token: anonymous)
            #expect(ownList.content["orders"].array.isEmpty)
            let juspay = try await sandbox.post(
                "/payments/juspay/create-order", #"{"order_number":"\#(number)","return_url":"https://x.example"}"#,
                token: anonymous)
            #expect(juspay.status == 404)
            let stolenCart = try await sandbox.post("/orders", #"{"cart_id":"\#(anonymousCart)"}"#, token: token)
            #expect(stolenCart.status == 404)
        }
    }

    @Test func creditCoversTheOrderAndCancellationGivesItBack() async throws {
        try await TestSandbox.with { sandbox in
            let (token, _, userId) = try await sandbox.loginWithPhone()
            let cartId = try await sandbox.demoCheckoutCart(token: token, userId: userId)
            _ = try await sandbox.post(
                "/carts/\(cartId)/loyalty-points", #"{"loyalty_point_redeemed":500}"#, token: token)
            let credit = try await sandbox.post(
                "/carts/\(cartId)/credit-balance", #"{"credit_balance_used":750}"#, token: token)
            // ₹855.82 − ₹500 points = ₹355.82 of credit used.
            #expect(credit.content["cart"]["credit_balance_used"].decimal == rupees("355.82"))
            #expect(credit.content["cart"]["to_be_paid"].decimal == rupees("0"))
            let created = try await sandbox.post("/orders", #"{"cart_id":"\#(cartId)"}"#, token: token)
            #expect(created.content["payment_required"].bool == false)
            #expect(created.content["payment_info"].isNull)
            #expect(created.content["order"]["status"].string == "confirmed")
            #expect(created.content["order"]["payment_status"].string == "success")
            let number = try #require(created.content["order"]["order_number"].string)
            let me = try await sandbox.get("/auth/user/\(userId)", token: token)
            let points = try await sandbox.get("/customers/\(userId)/loyalty", token: token)
            #expect(points.content["loyalty_point_balance"].int == 0)
            #expect(points.content["loyalty"]["loyalty_point_redeemed"].int == 500)
            #expect(me.content["user"]["credit_balance"].decimal == rupees("394.18"))

            let invalid = try await sandbox.post("/orders/\(number)/cancel", #"{"refund_mode":"cash"}"#, token: token)
            #expect(invalid.status == 400)
            #expect(
                Set(invalid.body["details"].array.compactMap { $0["field"].string }) == [
                    "cancellation_reason", "refund_mode",
                ])
            let cancelled = try await sandbox.post(
                "/orders/\(number)/cancel",
                #"{"cancellation_reason":"Changed my mind","refund_mode":"original_payment_mode"}"#,
                token: token)
            #expect(cancelled.status == 200)
            #expect(cancelled.content["order"]["status"].string == "cancelled")
            #expect(cancelled.content["order"]["is_cancellation_allowed"].bool == false)
            let restored = try await sandbox.get("/auth/user/\(userId)", token: token)
            let pointsBack = try await sandbox.get("/customers/\(userId)/loyalty", token: token)
            #expect(pointsBack.content["loyalty_point_balance"].int == 500)
            #expect(restored.content["user"]["credit_balance"].decimal == rupees("750"))
            let twice = try await sandbox.post(
                "/orders/\(number)/cancel", #"{"cancellation_reason":"again","refund_mode":"original_payment_mode"}"#,
                token: token)
            #expect(twice.status == 422)
        }
    }

    @Test func cancellingAnUnpaidOrderGivesBackItsStockAndGiftCard() async throws {
        try await TestSandbox.with { sandbox in
            let (token, _, userId) = try await sandbox.loginWithPhone()
            // "Cooking with Millets" has 3 in stock: all 3 ordered, with a ₹250 gift card, and left unpaid.
            let cartId = try await sandbox.demoCheckoutCart(
                slug: "cooking-with-millets", quantity: 3, token: token, userId: userId)
            let gift = try await sandbox.post(
                "/carts/\(cartId)/gift-card", #"{"gift_card_code":"GIFT250"}"#, token: token)
            #expect(gift.content["cart"]["gift_card_amount"].decimal == rupees("250"))
            let created = try await sandbox.post("/orders", #"{"cart_id":"\#(cartId)"}"#, token: token)
            #expect(created.content["order"]["payment_status"].string == "pending")
            #expect(created.content["order"]["is_cancellation_allowed"].bool == true)
            let number = try #require(created.content["order"]["order_number"].string)
            let product = try await sandbox.product("cooking-with-millets", token: token)
            let book = try await sandbox.product("the-monsoon-library", token: token)
            let (other, _) = try await sandbox.createCart(productId: book.id, quantity: 1, token: token)
            let soldOut = try await sandbox.post(
                "/carts/\(other)/items", #"{"product_id":"\#(product.id)","variant_id":null,"quantity":3}"#,
                token: token)
            #expect(soldOut.status == 400, "\(soldOut.text)")

            let cancelled = try await sandbox.post(
                "/orders/\(number)/cancel",
                #"{"cancellation_reason":"Changed my mind","refund_mode":"original_payment_mode"}"#, token: token)
            #expect(cancelled.status == 200, "\(cancelled.text)")
            #expect(cancelled.content["order"]["status"].string == "cancelled")
            #expect(cancelled.content["order"]["cancellation_reason"].string == "Changed my mind")
            // The stock and the gift card's balance are back; the cancelled order can no longer be paid.
            let restocked = try await sandbox.post(
                "/carts/\(other)/items", #"{"product_id":"\#(product.id)","variant_id":null,"quantity":3}"#,
                token: token)
            #expect(restocked.status == 200, "\(restocked.text)")
            let regift = try await sandbox.post(
                "/carts/\(other)/gift-card", #"{"gift_card_code":"GIFT250"}"#, token: token)
            #expect(regift.content["cart"]["gift_card_amount"].decimal == rupees("250"), "\(regift.text)")
            let juspay = try await sandbox.post(
                "/payments/juspay/create-order", #"{"order_number":"\#(number)","return_url":"https://x.example"}"#,
                token: token)
            #expect(juspay.status == 409)
            let retry = try await sandbox.post("/orders/\(number)/retry-payment", "{}", token: token)
            #expect(retry.status == 409)
        }
    }

    @Test func theJuspayOrderPaysTheRetriedPayment() async throws {
        try await TestSandbox.with { sandbox in
            let (token, _, userId) = try await sandbox.loginWithPhone()
            let number = try await sandbox.demoOrder(token: token, userId: userId)
            let body = #"{"order_number":"\#(number)","return_url":"https://x.example"}"#
            let first = try await sandbox.post("/payments/juspay/create-order", body, token: token)
            let firstLink = try #require(first.content["data"]["payment_links"]["web"].string)
            try SandboxPayments.settle(orderNumber: number, fail: true, databasePath: sandbox.databasePath)
            let retried = try await sandbox.post("/orders/\(number)/retry-payment", "{}", token: token)
            #expect(retried.status == 200, "\(retried.text)")
            let retryLink = try #require(retried.content["payment_info"]["payment_links"]["web"].string)
            // Create-order again (the order paid from its detail): the same Juspay order, on the new attempt.
            let again = try await sandbox.post("/payments/juspay/create-order", body, token: token)
            #expect(again.content["data"]["id"].string == first.content["data"]["id"].string)
            #expect(again.content["data"]["payment_links"]["web"].string == retryLink)
            #expect(retryLink != firstLink)
            let page = try await sandbox.submitForm(TestSandbox.path(of: retryLink), "action=pay")
            #expect(page.status == 200, "\(page.html)")
            let status = try await sandbox.get("/orders/\(number)/payment-status", token: token)
            #expect(status.content["status"].string == "success")
        }
    }

    @Test func couponOncePerCustomerAndStockCannotBeOversold() async throws {
        try await TestSandbox.with { sandbox in
            let (token, _, userId) = try await sandbox.loginWithPhone()
            let cartId = try await sandbox.demoCheckoutCart(
                slug: "cooking-with-millets", quantity: 2, token: token, userId: userId)
            let once = try await sandbox.post("/carts/\(cartId)/coupon", #"{"coupon_code":"ONCE100"}"#, token: token)
            #expect(once.content["cart"]["coupon_discount_amount"].decimal == rupees("100"))
            let first = try await sandbox.post("/orders", #"{"cart_id":"\#(cartId)"}"#, token: token)
            #expect(first.status == 200)
            #expect(first.content["order"]["coupon_savings"].decimal == rupees("100"))

            // "Cooking with Millets" has 3 in stock; 2 are sold.
            let second = try await sandbox.demoCheckoutCart(
                slug: "cooking-with-millets", quantity: 1, token: token, userId: userId)
            let used = try await sandbox.post("/carts/\(second)/coupon", #"{"coupon_code":"ONCE100"}"#, token: token)
            #expect(used.status == 400)
            #expect(used.body["message"].string == "You have already used this coupon")
            let product = try await sandbox.product("cooking-with-millets", token: token)
            let tooMany = try await sandbox.post(
                "/carts/\(second)/items", #"{"product_id":"\#(product.id)","variant_id":null,"quantity":2}"#,
                token: token)
            #expect(tooMany.status == 400)
            #expect(tooMany.body["details"][0]["message"].string == "Only 1 left in stock")
        }
    }

    @Test func juspaySimulatorAndTheShellPaymentCommand() async throws {
        try await TestSandbox.with { sandbox in
            let (token, _, userId) = try await sandbox.loginWithPhone()
            let customer = try await sandbox.post(
                "/payments/juspay/customers", #"{"user_id":"\#(userId)"}"#, token: token)
            #expect(customer.status == 200)
            #expect(customer.content["data"]["object_reference_id"].string == userId)
            #expect(customer.content["data"]["mobile_number"].string == "9876543210")
            let again = try await sandbox.post("/payments/juspay/customers", #"{"user_id":"\#(userId)"}"#, token: token)
            #expect(again.content["data"]["id"].string == customer.content["data"]["id"].string)

            let cartId = try await sandbox.demoCheckoutCart(token: token, userId: userId)
            let created = try await sandbox.post("/orders", #"{"cart_id":"\#(cartId)"}"#, token: token)
            let number = try #require(created.content["order"]["order_number"].string)
            let juspay = try await sandbox.post(
                "/payments/juspay/create-order",
                #"{"order_number":"\#(number)","return_url":"https://shop.example/r"}"#,
                token: token)
            #expect(juspay.status == 200)
            #expect(juspay.content["data"]["status"].string == "NEW")
            #expect(juspay.content["data"]["amount"].decimal == rupees("855.82"))
            #expect(juspay.content["data"]["payment_links"]["web"].string?.contains("/sandbox/pay/") == true)
            let invalid = try await sandbox.post(
                "/payments/juspay/create-order", #"{"order_number":"\#(number)"}"#, token: token)
            #expect(invalid.body["details"][0]["field"].string == "return_url")

            try SandboxPayments.settle(orderNumber: number, fail: false, databasePath: sandbox.databasePath)
            let status = try await sandbox.get("/orders/\(number)/payment-status", token: token)
            #expect(status.content["status"].string == "success")
            #expect(throws: SandboxPayments.Failure.self) {
                try SandboxPayments.settle(orderNumber: number, fail: true, databasePath: sandbox.databasePath)
            }
            #expect(throws: SandboxPayments.Failure.self) {
                try SandboxPayments.settle(orderNumber: "ORD-NOPE", fail: false, databasePath: sandbox.databasePath)
            }
        }
    }

    @Test func ordersToUnserviceablePincodesAreRefused() async throws {
        try await TestSandbox.with { sandbox in
            let (token, _, _) = try await sandbox.loginWithPhone()
            let book = try await sandbox.product("the-monsoon-library", token: token)
            let (cartId, _) = try await sandbox.createCart(productId: book.id, quantity: 1, token: token)
            let noAddress = try await sandbox.post("/orders", #"{"cart_id":"\#(cartId)"}"#, token: token)
            #expect(noAddress.status == 400)
            #expect(noAddress.body["details"][0]["field"].string == "billing_address")
            let leh = CustomerFulfillmentHTTPTests.address.replacingOccurrences(of: "700001", with: "194101")
            _ = try await sandbox.post("/carts/\(cartId)/address", #"{"billing_address":\#(leh)}"#, token: token)
            let preference = try await sandbox.post(
                "/carts/\(cartId)/fulfillment-preference", #"{"fulfillment_type":"delivery"}"#, token: token)
            #expect(preference.status == 422)
            let refused = try await sandbox.post("/orders", #"{"cart_id":"\#(cartId)"}"#, token: token)
            #expect(refused.status == 422)
            #expect(refused.code == "NOT_SERVICEABLE")
            let badMethod = try await sandbox.post(
                "/orders", #"{"cart_id":"\#(cartId)","payment_method":{"payment_provider_slug":"paypal"}}"#,
                token: token)
            #expect(badMethod.status == 400)
            #expect(badMethod.body["details"][0]["field"].string == "payment_method.payment_provider_slug")
            let stillThere = try await sandbox.get("/carts/\(cartId)", token: token)
            #expect(stillThere.status == 200)
        }
    }
}
