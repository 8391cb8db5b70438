import Foundation

/// A PIN code's place, from `GET /common/countries/{country_iso_code}/pincodes`: what fills an address form's
/// city and state. The vendor's pages name the state `state_name` (its guide and our reference) and `state` (an
/// SDK example): either is read.
public struct PincodeInfo: Codable, Sendable, Hashable {
    public var pincode: String
    public var city: String?
    public var stateName: String?

    /// The country the app's addresses are in (ISO 3166's two letters), whose PIN codes are looked up.
    public static let india = "IN"

    /// The place of exactly `pincode` among the answer's (a prefix search answers its neighbours too).
    public static func place(of pincode: String, in places: [PincodeInfo]) -> PincodeInfo? {
        places.first { $0.pincode == pincode }
    }

    public init(pincode: String, city: String?, stateName: String?) {
        self.pincode = pincode
        self.city = city
        self.stateName = stateName
    }

    private enum CodingKeys: String, CodingKey { case pincode, city, stateName, state }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        pincode = try container.decode(LenientString.self, forKey: .pincode).value
        city = try container.decodeIfPresent(String.self, forKey: .city)
        stateName =
            try container.decodeIfPresent(String.self, forKey: .stateName)
            ?? container.decodeIfPresent(String.self, forKey: .state)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(pincode, forKey: .pincode)
        try container.encodeIfPresent(city, forKey: .city)
        try container.encodeIfPresent(stateName, forKey: .stateName)
    }
}

/// Answer of `GET /common/countries/{country_iso_code}/pincodes`.
public struct PincodesPage: Codable, Sendable, Hashable {
    @Defaulted<Defaults.EmptyList<PincodeInfo>> public var pincodes: [PincodeInfo]
}
