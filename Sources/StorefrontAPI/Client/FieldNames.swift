/// The words a person reads for an API field named in a 400 answer (`loyalty_point_redeemed` → "Loyalty points
/// to redeem"). The field's own name stays in ``FieldIssue/field`` (and so in the action log).
extension FieldIssue {
    static let names: [String: String] = [
        "coupon_code": "Coupon code", "gift_card_code": "Gift card code",
        "loyalty_point_redeemed": "Loyalty points to redeem", "credit_balance_used": "Credit to use",
        "quantity": "Quantity", "product_id": "Product", "variant_id": "Variant", "items": "Items",
        "email": "Email", "phone": "Phone", "country_code": "Country code", "first_name": "First name",
        "last_name": "Last name", "password": "Password", "confirm_password": "Password confirmation",
        "old_password": "Current password", "new_password": "New password", "otp": "OTP", "otp_token": "OTP",
        "otp_action": "OTP", "pincode": "PIN code", "delivery_pincode": "PIN code", "city": "City", "state": "State",
        "country": "Country", "landmark": "Landmark", "nickname": "Nickname", "billing_address": "Billing address",
        "billing_address_id": "Billing address", "shipping_address": "Shipping address",
        "shipping_address_id": "Shipping address", "business_name": "Business name", "gstin": "GSTIN",
        "business.gstin": "GSTIN", "pan_number": "PAN", "business.pan_number": "PAN", "name": "Name",
        "tax_identification_number": "Tax id", "customer_note": "Note", "cancellation_reason": "Reason",
        "courier_company_id": "Courier", "shipping_provider_id": "Delivery option",
        "pickup_location_id": "Pickup location", "page": "Page", "limit": "Page size", "sort_by": "Sort order",
        "query": "Search", "search": "Search",
    ]

    /// The field in words: a known name, else the last part of the path with its underscores as spaces
    /// (`cart_items[0].unit_price` → "Unit price"); nil without a field.
    public var label: String? {
        guard let field, !field.isEmpty else { return nil }
        if let name = Self.names[field] { return name }
        let last = field.split(separator: ".").last.map(String.init) ?? field
        let bare = last.split(separator: "[").first.map(String.init) ?? last
        if let name = Self.names[bare] { return name }
        let words = bare.replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
