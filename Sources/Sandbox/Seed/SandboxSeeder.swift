import Foundation

/// Generated catalogs for benchmarks (`storefront sandbox serve --catalog-size 100000`).
public enum SandboxSeeder {
    private static let categoryNames = [
        "Electronics", "Fashion", "Home & Kitchen", "Books", "Beauty", "Sports & Fitness", "Grocery", "Toys",
        "Garden", "Automotive",
    ]
    private static let adjectives = [
        "Classic", "Smart", "Eco", "Pro", "Mini", "Ultra", "Daily", "Premium", "Compact", "Organic", "Urban", "Royal",
    ]
    private static let nouns = [
        "Lamp", "Bottle", "Shirt", "Speaker", "Notebook", "Serum", "Racquet", "Tea", "Puzzle", "Planter", "Charger",
        "Jacket", "Kettle", "Novel", "Mat", "Rice",
    ]
    private static let taxRates = [5, 12, 18]

    /// A deterministic catalog of `count` simple products spread over 10 categories.
    static func generateLargeCatalog(count: Int) -> SeedCatalog {
        let categories = categoryNames.enumerated().map { index, name in
            SeedCatalog.Category(
                id: String(format: "01GENCAT%018d", index), name: name,
                slug: name.lowercased().replacingOccurrences(of: " & ", with: "-").replacingOccurrences(
                    of: " ", with: "-"),
                description: "Generated \(name.lowercased())", parentCategoryId: nil)
        }
        var products: [SeedCatalog.Product] = []
        products.reserveCapacity(count)
        for index in 0..<count {
            let category = categories[index % categories.count]
            let name =
                "\(adjectives[index % adjectives.count]) \(nouns[(index / adjectives.count) % nouns.count]) \(index + 1)"
            let selling = 9900 + (index * 7919) % 990000
            products.append(
                SeedCatalog.Product(
                    id: String(format: "01GENPRD%018d", index), sku: String(format: "GEN-%07d", index), name: name,
                    slug: String(format: "generated-product-%07d", index),
                    shortDescription: "Generated product \(index + 1)", description: "Generated for benchmarks.",
                    categorySlugs: [category.slug], tags: ["generated"], listingPricePaise: selling + selling / 5,
                    sellingPricePaise: selling, taxRate: taxRates[index % 3], taxInclusive: index % 4 != 0,
                    stock: index % 50, backorder: false, minOrderQuantity: 1, maxOrderQuantity: 10,
                    incrementalQuantity: 1, reviewsRatingSum: index % 50, reviewsCount: index % 11,
                    attributes: [], variantOptions: [], variants: []))
        }
        return SeedCatalog(categories: categories, products: products)
    }
}
