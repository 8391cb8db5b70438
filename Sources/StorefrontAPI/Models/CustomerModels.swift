/// A customer address (`CustomerAddress`).
public struct Address: Codable, Sendable, Hashable {
    @LenientOptionalID public var id: String?
    public var nickname: String?
    public var firstName: String?
    public var lastName: String?
    public var countryCode: String?
    public var phone: String?
    public var email: String?
    public var addressLine1: String?
    public var addressLine2: String?
    public var landmark: String?
    public var pincode: String?
    public var city: String?
    public var state: String?
    public var country: String?
    public var taxIdentificationNumber: String?
    public var businessName: String?
    public var isDefaultBilling: Bool?
    public var isDefaultShipping: Bool?

    public init(
        id: String? = nil, firstName: String?, lastName: String? = nil, phone: String?, email: String?,
        addressLine1: String?, addressLine2: String? = nil, pincode: String?, city: String?, state: String?,
        country: String? = "India"
    ) {
        self.id = id
        self.firstName = firstName
        self.lastName = lastName
        self.countryCode = "+91"
        self.phone = phone
        self.email = email
        self.addressLine1 = addressLine1
        self.addressLine2 = addressLine2
        self.pincode = pincode
        self.city = city
        self.state = state
        self.country = country
    }

    private enum CodingKeys: String, CodingKey {
        case id, nickname, firstName, lastName, countryCode, phone, email, addressLine1, addressLine2, landmark
        case pincode, city, state, country, taxIdentificationNumber, businessName, isDefaultBilling
        case isDefaultShipping
    }

    /// `CustomerAddress` requires last name, second line, landmark, tax id and business name, all nullable:
    /// they are always sent, `null` when empty. The rest is left out when nil.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encodeIfPresent(nickname, forKey: .nickname)
        try container.encodeIfPresent(firstName, forKey: .firstName)
        try container.encode(lastName, forKey: .lastName)
        try container.encodeIfPresent(countryCode, forKey: .countryCode)
        try container.encodeIfPresent(phone, forKey: .phone)
        try container.encodeIfPresent(email, forKey: .email)
        try container.encodeIfPresent(addressLine1, forKey: .addressLine1)
        try container.encode(addressLine2, forKey: .addressLine2)
        try container.encode(landmark, forKey: .landmark)
        try container.encodeIfPresent(pincode, forKey: .pincode)
        try container.encodeIfPresent(city, forKey: .city)
        try container.encodeIfPresent(state, forKey: .state)
        try container.encodeIfPresent(country, forKey: .country)
        try container.encode(taxIdentificationNumber, forKey: .taxIdentificationNumber)
        try container.encode(businessName, forKey: .businessName)
        try container.encodeIfPresent(isDefaultBilling, forKey: .isDefaultBilling)
        try container.encodeIfPresent(isDefaultShipping, forKey: .isDefaultShipping)
    }

    /// One line for lists: "Asha Rao, 12 MG Road, Bengaluru 560001".
    public var summary: String {
        let name = [firstName, lastName].compactMap { $0 }.joined(separator: " ")
        let place = [city, pincode].compactMap { $0 }.joined(separator: " ")
        return [name, addressLine1 ?? "", place].filter { !$0.isEmpty }.joined(separator: ", ")
    }
}

public struct AddressesContent: Decodable, Sendable, Hashable {
    @Defaulted<Defaults.EmptyList<Address>> public var addresses: [Address]
    public var pagination: Pagination?
}

public struct AddressContent: Decodable, Sendable, Hashable {
    public var address: Address
}

/// Business details for GST invoices.
public struct BusinessDetails: Codable, Sendable, Hashable {
    public var businessType: String?
    public var name: String?
    public var panNumber: String?
    public var gstin: String?

    public init(businessType: String? = "company", name: String?, panNumber: String?, gstin: String?) {
        self.businessType = businessType
        self.name = name
        self.panNumber = panNumber
        self.gstin = gstin
    }
}

public struct CustomerCreate: Codable, Sendable, Hashable {
    public var business: BusinessDetails?
    public var address: Address?

    public init(business: BusinessDetails?, address: Address?) {
        self.business = business
        self.address = address
    }
}

public struct CustomerDetail: Codable, Sendable, Hashable {
    public var id: String?
    public var firstName: String?
    public var lastName: String?
    public var phone: String?
    public var email: String?
    public var business: BusinessDetails?
}

public struct CustomerContent: Decodable, Sendable, Hashable {
    public var customerDetail: CustomerDetail
}
