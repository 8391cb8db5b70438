import Foundation
import GRDB
import Hummingbird

/// Serviceability, fulfillment options and the cart's fulfillment preference.
struct FulfillmentRoutes {
    let services: SandboxServices

    func register(on api: RouteGroups) {
        api.customer.post("fulfillment/serviceability") { request, context in
            try await serviceability(request, context)
        }
        api.customer.post("shipping/fulfillment-options") { request, context in try await options(request, context) }
        api.customerToken.post("carts/:id/fulfillment-preference") { request, context in
            try await preference(request, context)
        }
    }

    struct UnserviceableItem: Encodable, Sendable {
        var productId: String
        var productName: String
        var productImageUrl: String
        @Null var variantId: String?
        @Null var variantName: String?
        var unserviceableQuantity: Int
        var maxAvailableQuantity: Int
    }

    struct Serviceability: Encodable, Sendable {
        var isServiceable: Bool
        var unserviceableItems: [UnserviceableItem]
        @Null var estimatedDeliveryDays: Int?
    }

    func serviceability(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let session = try context.requireSession()
        var body = try await RequestBody.read(request, context: context, allowEmpty: false)
        if !body.present("delivery_pincode") {
            body.fail("delivery_pincode", "Is required (null for collect-in-store)")
        }
        let pincode = body.string("delivery_pincode")
        if let pincode, !Validators.isPincode(pincode) { body.fail("delivery_pincode", "Must be 6 digits") }
        let cartId = body.string("cart_id")
        var lines: [CartStore.LineRequest] = []
        if let items = body.objects(
            "items",
            { nested, prefix -> CartStore.LineRequest in
                let productId = nested.requiredString("product_id", prefix: prefix)
                let variantId = nested.string("variant_id", prefix: prefix)
                let quantity = nested.int("quantity", prefix: prefix, min: 1) ?? 1
                return .init(productId: productId, variantId: variantId, quantity: quantity)
            })
        {
            lines = items
        } else if cartId == nil {
            body.fail("cart_id", "cart_id or items is required")
        }
        _ = body.oneOf("fulfillment_type", ["delivery", "collect-in-store"], required: false)
        try body.validate()
        let userId = session.userId
        let now = services.now()
        let result = try await services.database.read { [lines] db -> Serviceability in
            var lines = lines
            if let cartId {
                let cart = try CartStore.ownCart(db, id: cartId, userId: userId, now: now)
                lines = try CartItemRecord.filter(Column("cart_id") == cart.id).order(Column("position")).fetchAll(db)
                    .map {
                        .init(
                            productId: $0.productId, variantId: $0.variantId.isEmpty ? nil : $0.variantId,
                            quantity: $0.quantity)
                    }
            }
            let area = try pincode.map { try Pincodes.lookup(db, $0) }
            let deliverable = area?.serviceable ?? true
            var unserviceable: [UnserviceableItem] = []
            for line in lines {
                guard let product = try ProductRecord.fetchOne(db, key: line.productId) else { continue }
                let variant = try line.variantId.flatMap { try VariantRecord.fetchOne(db, key: $0) }
                let stock = variant?.stock ?? product.stock
                let available = product.backorder ? line.quantity : min(stock, line.quantity)
                if !deliverable || available < line.quantity {
                    unserviceable.append(
                        UnserviceableItem(
                            productId: product.id, productName: product.name,
                            productImageUrl: ImageWire.placeholder(slug: product.slug, title: product.name)
                                .urlThumbnail,
                            variantId: variant?.id, variantName: variant?.name,
                            unserviceableQuantity: deliverable ? line.quantity - available : line.quantity,
                            maxAvailableQuantity: deliverable ? available : 0))
                }
            }
            return Serviceability(
                isServiceable: unserviceable.isEmpty && deliverable, unserviceableItems: unserviceable,
                estimatedDeliveryDays: deliverable ? area?.deliveryDays : nil)
        }
        return try Reply.ok(result, message: result.isServiceable ? "Serviceable" : "Not serviceable")
    }

    struct CourierWire: Encodable, Sendable {
        var id: String
        var name: String
        var shippingAmount: Paise
        /// A string, as the reference shows.
        var estimatedDeliveryDays: String
        var isRecommended: Bool
        var isHyperlocal: Bool
        var mode: String
        var rating: Int
    }

    struct ShippingMethodWire: Encodable, Sendable {
        var id: String
        var name: String
        var shippingType: String
        /// A string, as the reference shows.
        var shippingAmount: String
        var estimatedDeliveryDays: String
        var courierCompanies: [CourierWire]
    }

    struct StoreWire: Codable, Sendable, Equatable {
        var id: String
        var name: String
        var distanceKm: Decimal
        var collectEtaMinutes: Int
        var isRecommended: Bool
    }

    struct Options: Encodable, Sendable {
        struct Summary: Encodable, Sendable {
            var collectAvailable: Bool
            var deliverAvailable: Bool
            @Null var recommendedFulfillmentType: String?
            @Null var recommendedStore: StoreWire?
        }
        struct Shipment: Encodable, Sendable {
            var id: String
            var shippingMethods: [ShippingMethodWire]
        }
        struct Deliver: Encodable, Sendable {
            var isServiceable: Bool
            var shippingMethods: [ShippingMethodWire]
            /// The multi-shipment shape: the sandbox ships a cart as one shipment, whose `id` the delivery
            /// preference names.
            var shipments: [Shipment]
        }
        var summary: Summary
        var collect: [StoreWire]
        var deliver: Deliver
    }

    func options(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let session = try context.requireSession()
        var body = try await RequestBody.read(request, context: context, allowEmpty: false)
        let pincode = body.requiredString("delivery_pincode")
        if !pincode.isEmpty && !Validators.isPincode(pincode) { body.fail("delivery_pincode", "Must be 6 digits") }
        let cartId = body.requiredString("cart_id")
        try body.validate()
        let catalog = services.catalog
        let userId = session.userId
        let now = services.now()
        let result = try await services.database.read { db -> Options in
            let cart = try CartStore.ownCart(db, id: cartId, userId: userId, now: now)
            let area = try Pincodes.lookup(db, pincode)
            let loaded = try CartPricing.load(db, cart: cart, catalog: catalog, now: now)
            var input = CartPricing.input(loaded, now: now)
            var methods: [ShippingMethodWire] = []
            if area.serviceable {
                for method in ShippingMethods.all where method.id == ShippingMethods.standard.id || area.express {
                    input.delivery = method.id == ShippingMethods.express.id ? .express : .standard
                    let priced = PricingEngine.price(input)
                    let days =
                        method.id == ShippingMethods.express.id ? max(1, area.deliveryDays - 1) : area.deliveryDays
                    methods.append(
                        ShippingMethodWire(
                            id: method.id, name: method.name, shippingType: method.id,
                            shippingAmount: "\(Paise(priced.shippingAmount).decimal)",
                            estimatedDeliveryDays: "\(days)",
                            courierCompanies: [
                                CourierWire(
                                    id: method.courierId, name: method.courierName,
                                    shippingAmount: Paise(priced.shippingAmount), estimatedDeliveryDays: "\(days)",
                                    isRecommended: method.id == ShippingMethods.standard.id, isHyperlocal: false,
                                    mode: "surface", rating: 4)
                            ]))
                }
            }
            let stores = try PickupStoreRecord.fetchAll(db, sql: "SELECT * FROM pickup_store ORDER BY distance_km")
                .enumerated().map { index, store in
                    StoreWire(
                        id: store.id, name: store.name, distanceKm: Decimal(string: "\(store.distanceKm)") ?? 0,
                        collectEtaMinutes: store.collectEtaMinutes, isRecommended: index == 0)
                }
            return Options(
                summary: .init(
                    collectAvailable: !stores.isEmpty, deliverAvailable: !methods.isEmpty,
                    recommendedFulfillmentType: !methods.isEmpty
                        ? "delivery" : (stores.isEmpty ? nil : "collect-in-store"),
                    recommendedStore: stores.first),
                collect: stores,
                deliver: .init(
                    isServiceable: area.serviceable, shippingMethods: methods,
                    shipments: methods.isEmpty
                        ? [] : [.init(id: Self.shipmentId(cartId: cart.id), shippingMethods: methods)]))
        }
        return try Reply.ok(result, message: "Fulfillment options retrieved")
    }

    /// The id of a cart's one shipment (fulfillment options' `deliver.shipments[].id`).
    static func shipmentId(cartId: String) -> String { "shp_\(cartId)" }

    /// Delivery: `{fulfillment_type: "delivery", shipments: [{id, shipping_provider_id, courier_company_id?}]}`, each
    /// shipment naming its `id` (or `shipping_provider_id` at the top level, as the SDK example shows); pickup:
    /// `{fulfillment_type: "collect-in-store", pickup_location_id}`.
    func preference(_ request: Request, _ context: SandboxContext) async throws -> Response {
        var body = try await RequestBody.read(request, context: context, allowEmpty: false)
        let type = body.oneOf("fulfillment_type", ["delivery", "collect-in-store"])
        var choice = FulfillmentChoice(fulfillmentType: type ?? "delivery")
        var shipmentIds: [String] = []
        if type == "collect-in-store" {
            choice.pickupLocationId = body.requiredString("pickup_location_id")
        } else if type == "delivery" {
            var provider = body.string("shipping_provider_id")
            var courier = body.string("courier_company_id")
            let listed = body.objects("shipments") { nested, prefix -> String in
                let shipmentID = nested.requiredString("id", prefix: prefix)
                let shipmentProvider = nested.requiredString("shipping_provider_id", prefix: prefix)
                provider = provider ?? (shipmentProvider.isEmpty ? nil : shipmentProvider)
                courier = courier ?? nested.string("courier_company_id", prefix: prefix)
                return shipmentID
            }
            shipmentIds = listed ?? []
            if listed?.isEmpty == true { body.fail("shipments", "Must list the cart's shipment") }
            let id = provider ?? ShippingMethods.standard.id
            if !ShippingMethods.all.contains(where: { $0.id == id }) {
                body.fail("shipping_provider_id", "Unknown shipping method (standard, express)")
            }
            choice.shippingProviderId = id
            choice.courierCompanyId = courier
        }
        try body.validate()
        let routes = CartRoutes(services: services)
        return try await routes.mutate(request, context, message: "Fulfillment preference updated") {
            [choice, shipmentIds] db, cart in
            for (index, id) in shipmentIds.enumerated() where !id.isEmpty && id != Self.shipmentId(cartId: cart.id) {
                throw APIError.validation(
                    field: "shipments[\(index)].id",
                    "Unknown shipment (this cart's is \(Self.shipmentId(cartId: cart.id)), from fulfillment options)")
            }
            if let store = choice.pickupLocationId, try PickupStoreRecord.fetchOne(db, key: store) == nil {
                throw APIError.validation(field: "pickup_location_id", "Unknown pickup location")
            }
            if choice.fulfillmentType == "delivery" {
                if let address = cart.shippingAddress {
                    let area = try Pincodes.lookup(db, address.pincode)
                    if !area.serviceable {
                        throw APIError.unprocessable(
                            "Pincode \(address.pincode) is not serviceable", code: "NOT_SERVICEABLE")
                    }
                    if choice.shippingProviderId == ShippingMethods.express.id && !area.express {
                        throw APIError.validation(
                            field: "shipping_provider_id", "Express delivery is not available for \(address.pincode)")
                    }
                }
            }
            var cart = cart
            cart.fulfillment = choice
            try cart.update(db)
        }
    }
}
