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

    public init(id: String, name: String?, shippingAmount: Money?, estimatedDeliveryDays: String?) {
        self.id = id
        self.name = name
        self.shippingAmount = shippingAmount
        self.estimatedDeliveryDays = estimatedDeliveryDays
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, shippingType, shippingAmount, estimatedDeliveryDays, courierCompanies
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(LenientString.self, forKey: .id).value
        name = try container.decodeIfPresent(String.self, forKey: .name)
        shippingType = try container.decodeIfPresent(String.self, forKey: .shippingType)
        shippingAmount = try container.decodeIfPresent(Money.self, forKey: .shippingAmount)
        estimatedDeliveryDays = try container.decodeIfPresent(LenientString.self, forKey: .estimatedDeliveryDays)?.value
        courierCompanies = try container.decodeIfPresent([CourierCompany].self, forKey: .courierCompanies)
    }
}

public struct Shipment: Codable, Sendable, Hashable {
    public var id: String?
    @Defaulted<Defaults.EmptyList<ShippingMethod>> public var shippingMethods: [ShippingMethod]
}

public struct DeliverOptions: Codable, Sendable, Hashable {
    @Defaulted<Defaults.False> public var isServiceable: Bool
    public var shippingMethods: [ShippingMethod]?
    /// The newer multi-shipment shape.
    public var shipments: [Shipment]?

    /// Methods of either shape, flattened.
    public var allMethods: [ShippingMethod] {
        (shippingMethods ?? []) + (shipments ?? []).flatMap(\.shippingMethods)
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

    public static func collect(storeID: String) -> FulfillmentPreferenceUpdate {
        FulfillmentPreferenceUpdate(fulfillmentType: .collectInStore, shipments: nil, pickupLocationId: storeID)
    }

    public static func delivery(methodID: String, courierID: String? = nil) -> FulfillmentPreferenceUpdate {
        FulfillmentPreferenceUpdate(
            fulfillmentType: .delivery,
            shipments: [ShipmentChoice(id: nil, shippingProviderId: methodID, courierCompanyId: courierID)],
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
