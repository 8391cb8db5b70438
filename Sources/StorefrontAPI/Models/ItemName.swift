import Foundation

/// The name of a product and its variant as one line: "Mug · Blue", or the variant's name alone when it already
/// names the product ("Linen Kurta (S)" of "Linen Kurta", as the vendor's catalogs name variants), so the product
/// is not named twice.
public enum ItemName {
    public static func of(product: String?, variant: String?) -> String {
        let product = product?.trimmingCharacters(in: .whitespaces) ?? ""
        let variant = variant?.trimmingCharacters(in: .whitespaces) ?? ""
        if variant.isEmpty { return product }
        if product.isEmpty || variant.lowercased().hasPrefix(product.lowercased()) { return variant }
        return product + " · " + variant
    }
}
