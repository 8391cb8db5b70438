import Foundation

extension StorefrontClient {
    /// The PIN codes of a country that start with `pincode` (at least 3 characters, the vendor says): an exact
    /// 6-digit code gives its own place. `countryCode` is ISO 3166's two letters (`IN`).
    public func pincodes(countryCode: String, matching pincode: String) async throws(APIError) -> [PincodeInfo] {
        let page: PincodesPage = try await get(
            "/common/countries/\(PathComponent.escape(countryCode))/pincodes",
            query: [URLQueryItem(name: "pincode", value: pincode)])
        return page.pincodes
    }
}
