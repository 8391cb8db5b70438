import Foundation

/// Reads and validates a `CustomerAddress` body.
enum AddressInput {
    /// Validates `nested` and reports its issues into `body` under `prefix` (e.g. "shipping_address.").
    static func parse(_ nested: RequestBody, prefix: String, into body: inout RequestBody) -> AddressPayload {
        var address = nested
        let firstName = address.requiredString("first_name", prefix: prefix)
        let phone = address.requiredPhone(prefix: prefix)
        let email = address.requiredEmail(prefix: prefix)
        let line1 = address.requiredString("address_line1", prefix: prefix)
        let pincode = address.requiredString("pincode", prefix: prefix)
        if !pincode.isEmpty && !Validators.isPincode(pincode) { address.fail(prefix + "pincode", "Must be 6 digits") }
        let city = address.requiredString("city", prefix: prefix)
        let state = address.requiredString("state", prefix: prefix)
        let country = address.string("country", prefix: prefix) ?? "India"
        let payload = AddressPayload(
            id: nil, nickname: address.string("nickname", prefix: prefix), firstName: firstName,
            lastName: address.string("last_name", prefix: prefix),
            countryCode: address.string("country_code", prefix: prefix) ?? "+91", phone: phone, email: email,
            addressLine1: line1, addressLine2: address.string("address_line2", prefix: prefix),
            landmark: address.string("landmark", prefix: prefix), pincode: pincode, city: city, state: state,
            country: country,
            taxIdentificationNumber: address.string("tax_identification_number", prefix: prefix),
            businessName: address.string("business_name", prefix: prefix), isPhoneVerified: false,
            isEmailVerified: false, isDefaultBilling: address.bool("is_default_billing"),
            isDefaultShipping: address.bool("is_default_shipping"))
        body.absorb(address)
        return payload
    }
}
