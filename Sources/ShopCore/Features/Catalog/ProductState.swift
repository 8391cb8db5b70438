import StorefrontAPI

public struct ProductState: Equatable, Sendable {
    public var id: String?
    public var product: Product?
    public var variants: [Variant] = []
    public var selectedVariantIndex = 0
    public var quantity = 1
    /// The variant to show first once the product loads: the one a search result named (the search lists
    /// variants, "Formal Oxford Shirt (M)"), rather than the product's default.
    public var preferredVariantID: String?

    public init() {}

    public var selectedVariant: Variant? {
        variants.indices.contains(selectedVariantIndex) ? variants[selectedVariantIndex] : nil
    }

    var pricing: Pricing? { selectedVariant?.pricing ?? product?.pricing }

    /// The most that may be ordered: the order limit and the stock, whichever is lower.
    public var maxQuantity: Int? {
        let limits = [pricing?.maxOrderQuantity, selectedVariant?.stockQuantity ?? product?.stockQuantity]
            .compactMap { $0 }.filter { $0 > 0 }
        return limits.min()
    }

    public var minQuantity: Int { max(1, pricing?.minOrderQuantity ?? 1) }

    public var isPurchasable: Bool {
        guard let product else { return false }
        if product.hasVariant || !variants.isEmpty {
            return selectedVariant?.isPurchasable ?? false
        }
        return product.isPurchasable
    }

    /// The cart line the product page adds to.
    public var line: LineID? {
        guard let product else { return nil }
        return LineID(productId: product.id, variantId: selectedVariant?.id)
    }
}
