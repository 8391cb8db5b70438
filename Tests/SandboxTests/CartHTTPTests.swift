import Foundation
import Testing

@testable import Sandbox

@Suite("Carts over HTTP: items, totals to the paisa, coupons, loyalty, credit, gift cards")
struct CartHTTPTests {
    @Test func cartLifecycleAndLineSemantics() async throws {
        try await TestSandbox.with { sandbox in
            let (token, _, userId) = try await sandbox.anonymous()
            let none = try await sandbox.get("/carts/users/\(userId)", token: token)
            #expect(none.status == 404)

            let empty = try await sandbox.post("/carts", #"{"items":[]}"#, token: token)
            #expect(empty.status == 400)
            #expect(empty.body["details"][0]["field"].string == "items")
            let missing = try await sandbox.post("/carts", #"{}"#, token: token)
            #expect(missing.status == 400)

            let book = try await sandbox.product("the-monsoon-library", token: token)
            let (cartId, cart) = try await sandbox.createCart(productId: book.id, quantity: 2, token: token)
            #expect(cart["cart_items"].array.count == 1)
            #expect(cart["cart_items"][0]["quantity"].int == 2)

            let mine = try await sandbox.get("/carts/users/\(userId)", token: token)
            #expect(mine.content["cart"]["id"].string == cartId)

            let tee = try await sandbox.product("classic-cotton-t-shirt", token: token)
            let noVariant = try await sandbox.post(
                "/carts/\(cartId)/items", #"{"product_id":"\#(tee.id)","variant_id":null,"quantity":1}"#, token: token)
            #expect(noVariant.status == 400)
            #expect(noVariant.body["details"][0]["field"].string == "variant_id")
            let outOfStock = try await sandbox.post(
                "/carts/\(cartId)/items",
                #"{"product_id":"\#(tee.id)","variant_id":"\#(tee.variants[1])","quantity":1}"#,
                token: token)
            #expect(outOfStock.status == 400)
            #expect(outOfStock.body["details"][0]["message"].string == "Out of stock")
            let tooMany = try await sandbox.post(
                "/carts/\(cartId)/items", #"{"product_id":"\#(book.id)","variant_id":null,"quantity":6}"#, token: token)
            #expect(tooMany.status == 400)
            let negative = try await sandbox.post(
                "/carts/\(cartId)/items", #"{"product_id":"\#(book.id)","variant_id":null,"quantity":-1}"#, token: token
            )
            #expect(negative.status == 400)
            #expect(negative.body["details"][0]["field"].string == "quantity")

            let added = try await sandbox.post(
                "/carts/\(cartId)/items",
                #"{"product_id":"\#(tee.id)","variant_id":"\#(tee.variants[0])","quantity":3}"#,
                token: token)
            #expect(added.content["cart"]["cart_items"].array.count == 2)
            let set = try await sandbox.post(
                "/carts/\(cartId)/items",
                #"{"product_id":"\#(tee.id)","variant_id":"\#(tee.variants[0])","quantity":1}"#,
                token: token)
            #expect(set.content["cart"]["cart_items"][1]["quantity"].int == 1)
            let removed = try await sandbox.post(
                "/carts/\(cartId)/items",
                #"{"product_id":"\#(tee.id)","variant_id":"\#(tee.variants[0])","quantity":0}"#,
                token: token)
            #expect(removed.content["cart"]["cart_items"].array.count == 1)

            let deleted = try await sandbox.delete("/carts/users/\(userId)", token: token)
            #expect(deleted.status == 200)
            #expect(deleted.body["message"].string == "All cart items are removed.")
            #expect(deleted.body["content"].isNull)
            let gone = try await sandbox.get("/carts/\(cartId)", token: token)
            #expect(gone.status == 404)
        }
    }

    @Test func gstInclusiveCartWithShippingAndCoupons() async throws {
        try await TestSandbox.with { sandbox in
            let (token, _, _) = try await sandbox.anonymous()
            let book = try await sandbox.product("the-monsoon-library", token: token)
            let (cartId, cart) = try await sandbox.createCart(productId: book.id, quantity: 2, token: token)
            // 2 × ₹399 incl. 5% GST = ₹798 → ₹760 + ₹38 tax; below ₹999 → shipping ₹49 + 18% = ₹57.82
            #expect(cart["subtotal"].decimal == rupees("760"))
            #expect(cart["items_tax_amount"].decimal == rupees("38"))
            #expect(cart["subtotal_including_tax"].decimal == rupees("798"))
            #expect(cart["shipping_amount"].decimal == rupees("49"))
            #expect(cart["shipping_tax_amount"].decimal == rupees("8.82"))
            #expect(cart["shipping_amount_including_tax"].decimal == rupees("57.82"))
            #expect(cart["total_tax"].decimal == rupees("46.82"))
            #expect(cart["grand_total"].decimal == rupees("855.82"))
            #expect(cart["to_be_paid"].decimal == rupees("855.82"))

            let books20 = try await sandbox.post("/carts/\(cartId)/coupon", #"{"coupon_code":"BOOKS20"}"#, token: token)
            #expect(books20.status == 200)
            #expect(books20.content["cart"]["coupon_discount_amount"].decimal == rupees("159.6"))
            #expect(books20.content["cart"]["is_coupon_applied"].bool == true)
            #expect(books20.content["cart"]["grand_total"].decimal == rupees("696.22"))

            let welcome = try await sandbox.post(
                "/carts/\(cartId)/coupon", #"{"coupon_code":"welcome10"}"#, token: token)
            #expect(welcome.content["cart"]["coupon_code"].string == "WELCOME10")
            #expect(welcome.content["cart"]["coupon_discount_amount"].decimal == rupees("79.8"))
            #expect(welcome.content["cart"]["grand_total"].decimal == rupees("776.02"))

            for (code, reason) in [
                ("FLAT150", "Minimum order value is ₹999"), ("EXPIRED50", "Coupon has expired"),
                ("SOLDOUT", "Coupon usage limit has been reached"), ("NEWYEAR2099", "Coupon is not active yet"),
                ("PHONE500", "Coupon does not apply to the items in your cart"),
            ] {
                let refused = try await sandbox.post(
                    "/carts/\(cartId)/coupon", #"{"coupon_code":"\#(code)"}"#, token: token)
                #expect(refused.status == 400, "\(code)")
                #expect(refused.code == "COUPON_NOT_APPLICABLE")
                #expect(refused.body["message"].string == reason, "\(code)")
            }
            let unknown = try await sandbox.post("/carts/\(cartId)/coupon", #"{"coupon_code":"NOPE"}"#, token: token)
            #expect(unknown.code == "INVALID_COUPON")

            let evaluation = try await sandbox.get("/carts/\(cartId)/evaluate-coupons", token: token)
            let applicable = evaluation.content["applicable_coupons"].array
            #expect(
                Set(applicable.compactMap { $0["coupon_code"][0].string }) == ["WELCOME10", "BOOKS20", "ONCE100"])
            let books = try #require(applicable.first { $0["coupon_code"][0].string == "BOOKS20" })
            #expect(books["estimated_discount"].decimal == rupees("159.6"))
            let flat = try #require(
                evaluation.content["inapplicable_coupons"].array.first { $0["coupon_code"][0].string == "FLAT150" })
            #expect(flat["reason"].string == "Minimum order value is ₹999")
            #expect(flat["suggestion"].string == "Add items worth ₹201 more to use this coupon")

            let removed = try await sandbox.delete("/carts/\(cartId)/coupon", token: token)
            #expect(removed.content["cart"]["coupon_code"].isNull)
            #expect(removed.content["cart"]["grand_total"].decimal == rupees("855.82"))

            let coupons = try await sandbox.get("/carts/available-coupons", token: token)
            let codes = coupons.content["coupons"].array.compactMap { $0["coupon_code"][0].string }
            #expect(codes.contains("WELCOME10"))
            #expect(!codes.contains("EXPIRED50"))
            let promotions = try await sandbox.get("/carts/available-promotions", token: token)
            #expect(promotions.content["promotions"].array.count == 1)
        }
    }

    @Test func gstExclusiveFreeShippingLoyaltyCreditAndGiftCard() async throws {
        try await TestSandbox.with { sandbox in
            let (token, _, _) = try await sandbox.loginWithPhone()
            let skillet = try await sandbox.product("cast-iron-skillet-26cm", token: token)
            let (cartId, cart) = try await sandbox.createCart(productId: skillet.id, quantity: 1, token: token)
            // ₹1,499 excl. + 18% = ₹1,768.82; above ₹999 → standard shipping free.
            #expect(cart["subtotal"].decimal == rupees("1499"))
            #expect(cart["items_tax_amount"].decimal == rupees("269.82"))
            #expect(cart["shipping_estimated_cost"].decimal == rupees("49"))
            #expect(cart["shipping_discount_amount"].decimal == rupees("49"))
            #expect(cart["shipping_amount_including_tax"].decimal == rupees("0"))
            #expect(cart["grand_total"].decimal == rupees("1768.82"))

            let flat = try await sandbox.post("/carts/\(cartId)/coupon", #"{"coupon_code":"FLAT150"}"#, token: token)
            #expect(flat.content["cart"]["grand_total"].decimal == rupees("1618.82"))

            let tooManyPoints = try await sandbox.post(
                "/carts/\(cartId)/loyalty-points", #"{"loyalty_point_redeemed":501}"#, token: token)
            #expect(tooManyPoints.status == 400)
            #expect(tooManyPoints.code == "INSUFFICIENT_LOYALTY_POINTS")
            let points = try await sandbox.post(
                "/carts/\(cartId)/loyalty-points", #"{"loyalty_point_redeemed":200}"#, token: token)
            #expect(points.content["cart"]["loyalty_points_redeemed"].int == 200)
            #expect(points.content["cart"]["to_be_paid"].decimal == rupees("1418.82"))

            let badCredit = try await sandbox.post(
                "/carts/\(cartId)/credit-balance", #"{"credit_balance_used":10.005}"#, token: token)
            #expect(badCredit.status == 400)
            let tooMuchCredit = try await sandbox.post(
                "/carts/\(cartId)/credit-balance", #"{"credit_balance_used":750.01}"#, token: token)
            #expect(tooMuchCredit.code == "INSUFFICIENT_CREDIT_BALANCE")
            let credit = try await sandbox.post(
                "/carts/\(cartId)/credit-balance", #"{"credit_balance_used":300.5}"#, token: token)
            #expect(credit.content["cart"]["credit_balance_used"].decimal == rupees("300.5"))
            #expect(credit.content["cart"]["to_be_paid"].decimal == rupees("1118.32"))

            let gift = try await sandbox.post(
                "/carts/\(cartId)/gift-card", #"{"gift_card_code":"GIFT250"}"#, token: token)
            #expect(gift.content["cart"]["gift_card_amount"].decimal == rupees("250"))
            #expect(gift.content["cart"]["to_be_paid"].decimal == rupees("868.32"))
            #expect(gift.content["cart"]["grand_total"].decimal == rupees("1618.82"))
            #expect(gift.content["cart"]["loyalty_points_earned"].int == 8)

            let big = try await sandbox.post(
                "/carts/\(cartId)/gift-card", #"{"gift_card_code":"GIFT1000"}"#, token: token)
            #expect(big.content["cart"]["gift_card_amount"].decimal == rupees("1000"))
            #expect(big.content["cart"]["to_be_paid"].decimal == rupees("118.32"))
            // With more credit, the card is worth more than what is left: only part of it is used.
            let allCredit = try await sandbox.post(
                "/carts/\(cartId)/credit-balance", #"{"credit_balance_used":750}"#, token: token)
            #expect(allCredit.content["cart"]["gift_card_amount"].decimal == rupees("668.82"))
            #expect(allCredit.content["cart"]["gift_card_balance"].decimal == rupees("1000"))
            #expect(allCredit.content["cart"]["to_be_paid"].decimal == rupees("0"))
            #expect(allCredit.content["cart"]["loyalty_points_earned"].int == 0)

            let expired = try await sandbox.post(
                "/carts/\(cartId)/gift-card", #"{"gift_card_code":"GIFTOLD"}"#, token: token)
            #expect(expired.code == "GIFT_CARD_EXPIRED")
            let emptyCard = try await sandbox.post(
                "/carts/\(cartId)/gift-card", #"{"gift_card_code":"GIFTEMPTY"}"#, token: token)
            #expect(emptyCard.code == "GIFT_CARD_EMPTY")
            let unknownCard = try await sandbox.post(
                "/carts/\(cartId)/gift-card", #"{"gift_card_code":"NOPE"}"#, token: token)
            #expect(unknownCard.status == 404)

            let noGift = try await sandbox.delete("/carts/\(cartId)/gift-card", token: token)
            // The reference answers this one with the cart itself, not `{cart}`.
            #expect(noGift.content["id"].string == cartId)
            #expect(noGift.content["gift_card_code"].isNull)
            let noPoints = try await sandbox.delete("/carts/\(cartId)/loyalty-points", token: token)
            let noCredit = try await sandbox.delete("/carts/\(cartId)/credit-balance", token: token)
            #expect(noPoints.status == 200)
            #expect(noCredit.content["cart"]["to_be_paid"].decimal == rupees("1618.82"))
        }
    }

    @Test func promotionAppliesToGroceries() async throws {
        try await TestSandbox.with { sandbox in
            let (token, _, _) = try await sandbox.anonymous()
            let rice = try await sandbox.product("basmati-rice-5kg", token: token)
            let (_, cart) = try await sandbox.createCart(productId: rice.id, quantity: 2, token: token)
            // 2 × ₹699 incl. 5% = ₹1,398 → ₹1,331.43 + ₹66.57 tax; Grocery Fest 10% = ₹139.80.
            #expect(cart["subtotal"].decimal == rupees("1331.43"))
            #expect(cart["items_tax_amount"].decimal == rupees("66.57"))
            #expect(cart["promotion_discount_amount"].decimal == rupees("139.8"))
            #expect(cart["is_promotion_applied"].bool == true)
            #expect(cart["cart_items"][0]["promotion_discount_amount"].decimal == rupees("139.8"))
            #expect(cart["shipping_amount"].decimal == rupees("0"))
            #expect(cart["grand_total"].decimal == rupees("1258.2"))
            let tooMany = try await sandbox.post(
                "/carts", #"{"items":[{"product_id":"\#(rice.id)","variant_id":null,"quantity":4}]}"#, token: token)
            #expect(tooMany.status == 400)
            #expect(tooMany.body["details"][0]["field"].string == "items[0].quantity")
        }
    }

    @Test func anotherUsersCartIsNeverShown() async throws {
        try await TestSandbox.with { sandbox in
            let (owner, _, ownerId) = try await sandbox.anonymous()
            let (intruder, _, _) = try await sandbox.anonymous()
            let book = try await sandbox.product("the-monsoon-library", token: owner)
            let (cartId, _) = try await sandbox.createCart(productId: book.id, quantity: 1, token: owner)

            let read = try await sandbox.get("/carts/\(cartId)", token: intruder)
            #expect(read.status == 404)
            #expect(read.content.isNull)
            let byUser = try await sandbox.get("/carts/users/\(ownerId)", token: intruder)
            #expect(byUser.status == 403)
            #expect(byUser.content.isNull)
            let write = try await sandbox.post(
                "/carts/\(cartId)/items", #"{"product_id":"\#(book.id)","variant_id":null,"quantity":5}"#,
                token: intruder)
            #expect(write.status == 404)
            let coupon = try await sandbox.post(
                "/carts/\(cartId)/coupon", #"{"coupon_code":"BOOKS20"}"#, token: intruder)
            #expect(coupon.status == 404)
            let delete = try await sandbox.delete("/carts/\(cartId)", token: intruder)
            #expect(delete.status == 404)
            let deleteByUser = try await sandbox.delete("/carts/users/\(ownerId)", token: intruder)
            #expect(deleteByUser.status == 403)

            let unchanged = try await sandbox.get("/carts/\(cartId)", token: owner)
            #expect(unchanged.content["cart"]["cart_items"][0]["quantity"].int == 1)
            #expect(unchanged.content["cart"]["coupon_code"].isNull)
        }
    }

    @Test func anonymousCartAndWishlistCarryOverOnLogin() async throws {
        try await TestSandbox.with { sandbox in
            let (anonymous, _, anonymousId) = try await sandbox.anonymous()
            let book = try await sandbox.product("the-monsoon-library", token: anonymous)
            _ = try await sandbox.createCart(productId: book.id, quantity: 2, token: anonymous)
            let wished = try await sandbox.post(
                "/wishlist/\(anonymousId)", #"{"product_id":"\#(book.id)","variant_id":null}"#, token: anonymous)
            #expect(wished.status == 200)
            let (access, _, userId) = try await sandbox.loginWithPhone(from: anonymous)
            let cart = try await sandbox.get("/carts/users/\(userId)", token: access)
            #expect(cart.status == 200)
            #expect(cart.content["cart"]["cart_items"][0]["product_id"].string == book.id)
            #expect(cart.content["cart"]["cart_items"][0]["quantity"].int == 2)
            let wishlist = try await sandbox.get("/wishlist/\(userId)", token: access)
            #expect(wishlist.content["products"].array.compactMap { $0["product_id"].string } == [book.id])
        }
    }
}
