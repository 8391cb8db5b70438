import Foundation
import Sandbox
import Testing

@testable import StorefrontAPI

/// Customers, fulfillment, orders and Juspay over real HTTP against the sandbox.
@Suite("Customers, fulfillment, orders and Juspay against the sandbox", .timeLimit(.minutes(5)))
struct CheckoutSandboxTests {
    @Test("customers: create with business details and address; list and create addresses")
    func customers() async throws {
        try await SandboxHarness.with { harness in
            try await harness.loginNew()
            let client = harness.client
            let detail = try await client.createCustomer(
                CustomerCreate(
                    business: BusinessDetails(name: "Rao Traders", panNumber: "ABCDE1234F", gstin: "29ABCDE1234F1Z5"),
                    address: SandboxHarness.address()))
            #expect(detail.business?.name == "Rao Traders")

            let before = try await client.addresses()
            var address = SandboxHarness.address(pincode: "110001")
            address.city = "New Delhi"
            address.state = "Delhi"
            let created = try await client.createAddress(address)
            #expect(created.id != nil)
            #expect(created.pincode == "110001")
            let after = try await client.addresses()
            #expect(after.count == before.count + 1)
            #expect(after.contains { $0.id == created.id })
        }
    }

    @Test("fulfillment: serviceability, options, delivery and collect-in-store preferences")
    func fulfillment() async throws {
        try await SandboxHarness.with { harness in
            try await harness.loginDemo()
            let client = harness.client
            let cart = try await client.createCart(items: [CartSandboxTests.line(SandboxHarness.earbuds, 1)])
            _ = try await client.setAddress(
                cartID: cart.id, .new(billing: SandboxHarness.address(), shipping: SandboxHarness.address()))

            let serviceable = try await client.checkServiceability(cartID: cart.id, pincode: "560001")
            #expect(serviceable.isServiceable)
            let options = try await client.fulfillmentOptions(cartID: cart.id, pincode: "560001")
            let methods = try #require(options.deliver?.allMethods)
            let method = try #require(methods.first)
            #expect(method.shippingAmount != nil)
            // The sandbox sends the methods in both shapes: each is listed once, with the cart's shipment.
            #expect(methods.map(\.id) == ["standard", "express"], "\(methods)")
            #expect(methods.allSatisfy { $0.shipmentId == "shp_\(cart.id)" }, "\(methods)")

            let delivery = try await client.setFulfillmentPreference(
                cartID: cart.id, .delivery(methodID: method.id, courierID: method.courierCompanies?.first?.id))
            #expect(delivery.fulfillmentPreference?.fulfillmentType == .delivery)

            let store = try #require(options.collect?.first)
            let collect = try await client.setFulfillmentPreference(cartID: cart.id, .collect(storeID: store.id))
            #expect(collect.fulfillmentPreference?.fulfillmentType == .collectInStore)
            #expect(collect.fulfillmentPreference?.pickupLocationId == store.id)
        }
    }

    @Test("common: a PIN code's place, by the code or its first digits")
    func pincodePlaces() async throws {
        try await SandboxHarness.with { harness in
            let client = harness.client
            _ = try await client.session()
            let exact = try await client.pincodes(countryCode: "IN", matching: "110001")
            #expect(exact == [PincodeInfo(pincode: "110001", city: "New Delhi", stateName: "Delhi")])
            let prefix = try await client.pincodes(countryCode: "IN", matching: "560")
            #expect(prefix.map(\.pincode) == ["560001", "560034"])
            #expect(try await client.pincodes(countryCode: "IN", matching: "999999").isEmpty)
            do throws(APIError) {
                _ = try await client.pincodes(countryCode: "IN", matching: "56")
                Issue.record("a 2-digit prefix was accepted")
            } catch {
                #expect(error.status == 400)
            }
        }
    }

    /// A signed-in demo customer's cart with address and delivery chosen: ready to order.
    static func readyCart(_ harness: SandboxHarness) async throws -> Cart {
        try await harness.loginDemo()
        let client = harness.client
        let cart = try await client.createCart(items: [CartSandboxTests.line(SandboxHarness.earbuds, 1)])
        _ = try await client.setAddress(
            cartID: cart.id, .new(billing: SandboxHarness.address(), shipping: SandboxHarness.address()))
        let options = try await client.fulfillmentOptions(cartID: cart.id, pincode: "560001")
        let method = try #require(options.deliver?.allMethods.first)
        return try await client.setFulfillmentPreference(cartID: cart.id, .delivery(methodID: method.id))
    }

    @Test("orders: create with Juspay hosted checkout, detail, list, payment status, retry, cancel")
    func orders() async throws {
        try await SandboxHarness.with { harness in
            let client = harness.client
            let cart = try await Self.readyCart(harness)

            let created = try await client.createOrder(
                cartID: cart.id, paymentMethod: .juspayHostedPage(returnURL: "https://shop.example.com/paid"))
            #expect(created.paymentRequired)
            #expect(created.paymentInfo?.paymentLinks?.web != nil)
            #expect(created.order.toBePaid == cart.toBePaid)
            let number = created.order.orderNumber

            #expect(try await client.order(number).orderNumber == number)
            #expect(try await client.orders().orders.contains { $0.orderNumber == number })
            #expect(try await client.paymentStatus(orderNumber: number).status == .pending)

            try SandboxPayments.settle(orderNumber: number, fail: true, databasePath: harness.databasePath)
            let failed = try await client.paymentStatus(orderNumber: number)
            #expect(failed.status == .failed)
            #expect(failed.isRetryAvailable)
            let retried = try await client.retryPayment(
                orderNumber: number, paymentMethod: .juspayHostedPage(returnURL: "https://shop.example.com/paid"))
            #expect(retried?.paymentLinks?.web != nil)
            let payments = try await client.orderPayments(orderNumber: number)
            #expect(payments.map(\.paymentStatus) == ["failed", "pending"])
            #expect(payments.allSatisfy { $0.amount == cart.toBePaid })

            let cancelled = try await client.cancelOrder(
                orderNumber: number, OrderCancel(cancellationReason: "Changed my mind"))
            #expect(cancelled.status == .cancelled)
        }
    }

    @Test("orders: one to collect from a store names the store")
    func collectOrder() async throws {
        try await SandboxHarness.with { harness in
            let client = harness.client
            let delivered = try await Self.readyCart(harness)
            let options = try await client.fulfillmentOptions(cartID: delivered.id, pincode: "560001")
            let store = try #require(options.collect?.first)
            let cart = try await client.setFulfillmentPreference(cartID: delivered.id, .collect(storeID: store.id))
            let created = try await client.createOrder(
                cartID: cart.id, paymentMethod: .juspayHostedPage(returnURL: "https://shop.example.com/paid"))
            let order = try await client.order(created.order.orderNumber)
            #expect(order.fulfillmentPreference?.fulfillmentType == .collectInStore)
            #expect(order.fulfillmentPreference?.pickupLocationId == store.id)
            #expect(order.fulfillmentPreference?.pickupLocationName == store.name)
        }
    }

    @Test("Juspay: create the customer and an order for an order number")
    func juspay() async throws {
        try await SandboxHarness.with { harness in
            let client = harness.client
            let cart = try await Self.readyCart(harness)
            let created = try await client.createOrder(
                cartID: cart.id, paymentMethod: .juspayHostedPage(returnURL: "https://shop.example.com/paid"))

            let customer = try await client.createJuspayCustomer()
            #expect(!customer.id.isEmpty)
            let order = try await client.createJuspayOrder(
                orderNumber: created.order.orderNumber, returnURL: "https://shop.example.com/paid")
            #expect(order.paymentLinks?.web != nil)
            #expect(order.amount == created.order.toBePaid)
        }
    }

    @Test("an anonymous session cannot order: a typed HTTP error, not a crash")
    func anonymousCannotOrder() async throws {
        try await SandboxHarness.with { harness in
            let cart = try await harness.client.createCart(items: [CartSandboxTests.line(SandboxHarness.mouse, 1)])
            let result = await outcome { () async throws(APIError) in
                try await harness.client.createOrder(cartID: cart.id, paymentMethod: nil)
            }
            #expect([400, 401, 403].contains(result.failure?.status ?? 0))
        }
    }
}
