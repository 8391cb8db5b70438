import Foundation

/// Answer of `POST /fulfillment/serviceability`.
public struct Serviceability: Codable, Sendable, Hashable {
    @Defaulted<Defaults.False> public var isServiceable: Bool
    public var unserviceableItems: [UnserviceableItem]?

    public init(isServiceable: Bool) {
        self.isServiceable = isServiceable
    }
}

public struct UnserviceableItem: Codable, Sendable, Hashable {
    public var productId: String?
    public var productName: String?
    public var variantId: String?
    public var variantName: String?
}

public struct CourierCompany: Codable, Sendable, Hashable {
    public var id: String
    public var name: String?
    public var shippingAmount: Money?
    public var estimatedDeliveryDays: String?
    public var isRecommended: Bool?

    private enum CodingKeys: String, CodingKey { case id, name, shippingAmount, estimatedDeliveryDays, isRecommended }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(LenientString.self, forKey: .id).value
        name = try container.decodeIfPresent(String.self, forKey: .name)
        shippingAmount = try container.decodeIfPresent(Money.self, forKey: .shippingAmount)
        estimatedDeliveryDays = try container.decodeIfPresent(LenientString.self, forKey: .estimatedDeliveryDays)?.value
        isRecommended = try container.decodeIfPresent(Bool.self, forKey: .isRecommended)
    }
}

/// A delivery method with a price and an estimate (`shipping_amount` and days come as strings).
public struct ShippingMethod: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String?
    public var shippingType: String?
    public var shippingAmount: Money?
    public var estimatedDeliveryDays: String?
    public var courierCompanies: [CourierCompany]?
    /// The shipment this method belongs to (`deliver.shipments[].id`), sent back in the fulfillment preference.
    public var shipmentId: String?

    public init(
        id: String, name: String?, shippingAmount: Money?, estimatedDeliveryDays: String?, shipmentId: String? = nil
    ) {
        self.id = id
        self.name = name
        self.shippingAmount = shippingAmount
        self.estimatedDeliveryDays = estimatedDeliveryDays
        self.shipmentId = shipmentId
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, shippingType, shippingAmount, estimatedDeliveryDays, courierCompanies, shipmentId
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(LenientString.self, forKey: .id).value
        name = try container.decodeIfPresent(String.self, forKey: .name)
        shippingType = try container.decodeIfPresent(String.self, forKey: .shippingType)
        // Documented as a string ("49.00"); an amount that is not a number is unknown, not a failed answer.
        shippingAmount = try? container.decodeIfPresent(Money.self, forKey: .shippingAmount)
        estimatedDeliveryDays = try container.decodeIfPresent(LenientString.self, forKey: .estimatedDeliveryDays)?.value
        courierCompanies = try container.decodeIfPresent([CourierCompany].self, forKey: .courierCompanies)
        shipmentId = try container.decodeIfPresent(LenientString.self, forKey: .shipmentId)?.value
    }
}

public struct Shipment: Codable, Sendable, Hashable {
    @LenientOptionalID public var id: String?
    @Defaulted<Defaults.EmptyList<ShippingMethod>> public var shippingMethods: [ShippingMethod]
}

public struct DeliverOptions: Codable, Sendable, Hashable {
    @Defaulted<Defaults.False> public var isServiceable: Bool
    public var shippingMethods: [ShippingMethod]?
    /// The newer multi-shipment shape.
    public var shipments: [Shipment]?

    /// Methods of either shape, flattened; a shipment's methods carry its id. A store may send the same methods
    /// in both shapes (the sandbox does, as the vendor's pages show both): each is then listed once, as its
    /// shipment gives it (with the shipment's id, which the fulfillment preference names).
    public var allMethods: [ShippingMethod] {
        let nested = (shipments ?? []).flatMap { shipment in
            shipment.shippingMethods.map { method in
                var method = method
                method.shipmentId = method.shipmentId ?? shipment.id
                return method
            }
        }
        let nestedIDs = Set(nested.map(\.id))
        return (shippingMethods ?? []).filter { !nestedIDs.contains($0.id) } + nested
    }
}

/// A store to collect from.
public struct PickupStore: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String?
    public var distanceKm: Decimal?
    public var collectEtaMinutes: Int?
    public var isRecommended: Bool?
}

public struct FulfillmentSummary: Codable, Sendable, Hashable {
    public var collectAvailable: Bool?
    public var deliverAvailable: Bool?
    public var recommendedFulfillmentType: String?
    public var recommendedStore: PickupStore?
}

/// Answer of `POST /shipping/fulfillment-options`.
public struct FulfillmentOptions: Codable, Sendable, Hashable {
    public var summary: FulfillmentSummary?
    public var collect: [PickupStore]?
    public var deliver: DeliverOptions?
}

/// Body of `POST /carts/{id}/fulfillment-preference` for delivery.
public struct FulfillmentPreferenceUpdate: Codable, Sendable, Hashable {
    public struct ShipmentChoice: Codable, Sendable, Hashable {
        public var id: String?
        public var shippingProviderId: String
        public var courierCompanyId: String?

        public init(id: String?, shippingProviderId: String, courierCompanyId: String?) {
            self.id = id
            self.shippingProviderId = shippingProviderId
            self.courierCompanyId = courierCompanyId
        }
    }

    public var fulfillmentType: FulfillmentType
    public var shipments: [ShipmentChoice]?
    public var pickupLocationId: String?
    /// The flat delivery body of the SDK's example, for stores whose options name no shipment.
    public var shippingProviderId: String?
    public var courierCompanyId: String?

    public static func collect(storeID: String) -> FulfillmentPreferenceUpdate {
        FulfillmentPreferenceUpdate(fulfillmentType: .collectInStore, shipments: nil, pickupLocationId: storeID)
    }

    /// Delivery by a method of the fulfillment options: `shipments[{id, shipping_provider_id,
    /// courier_company_id}]` when the options named the method's shipment, else the SDK's flat
    /// `{shipping_provider_id, courier_company_id}`.
    public static func delivery(methodID: String, courierID: String? = nil, shipmentID: String? = nil)
        -> FulfillmentPreferenceUpdate
    {
        guard let shipmentID else {
            var flat = FulfillmentPreferenceUpdate(fulfillmentType: .delivery, shipments: nil, pickupLocationId: nil)
            flat.shippingProviderId = methodID
            flat.courierCompanyId = courierID
            return flat
        }
        return FulfillmentPreferenceUpdate(
            fulfillmentType: .delivery,
            shipments: [ShipmentChoice(id: shipmentID, shippingProviderId: methodID, courierCompanyId: courierID)],
            pickupLocationId: nil)
    }
}

/// A string field that some answers send as a number.
struct LenientString: Decodable, Hashable {
    var value: String

    init(from decoder: any Decoder) throws {
        value = try LenientText.decode(decoder.singleValueContainer())
    }
}
