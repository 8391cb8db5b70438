import Foundation

extension StorefrontClient {
    public func createCustomer(_ customer: CustomerCreate) async throws(APIError) -> CustomerDetail {
        let content: CustomerContent = try await send("POST", "/customers", body: customer)
        return content.customerDetail
    }

    public func addresses(page: Int = 1, limit: Int = 50) async throws(APIError) -> [Address] {
        let id = try await userID()
        let content: AddressesContent = try await get(
            "/customers/\(id)/addresses",
            query: [URLQueryItem(name: "page", value: String(page)), URLQueryItem(name: "limit", value: String(limit))])
        return content.addresses
    }

    /// The signed-in customer's loyalty points (`GET /customers/{user_id}/loyalty`).
    public func loyalty() async throws(APIError) -> LoyaltyDetails {
        let id = try await userID()
        let content: LoyaltyContent = try await get("/customers/\(id)/loyalty")
        return content.details
    }

    public func createAddress(_ address: Address) async throws(APIError) -> Address {
        let id = try await userID()
        let content: AddressContent = try await send("POST", "/customers/\(id)/addresses", body: address)
        return content.address
    }
}
