import Foundation

/// The first answers' decoding, paid while the shop waits for its store instead of when the answers arrive (#18).
///
/// The first time a process decodes a type, the Swift runtime looks up the type's conformances by scanning every
/// conformance record of the binary (~14,000; ~60 µs per look-up), once per type: the first 25-product page takes
/// ~4.3 ms to decode and the next ones ~1.7 ms (measured in a release build). A shop waits for its store after its
/// first frame (the built-in sandbox opens its database, a real store is across the network), so these samples of
/// the answers a start reads first (a new guest's session, a product page, the categories) are decoded then, on
/// another thread, with the same decoder. They follow the vendor's documented shapes; `DecodingWarmUpTests` keeps
/// them decodable, so that a change to a model cannot quietly turn this into a no-op.
public enum DecodingWarmUp {
    /// Decodes the samples; returns how many decoded (``samples``' count when all did).
    @discardableResult
    public static func run() -> Int {
        var decoded = 0
        for sample in samples where sample.decode(HTTPResponse(status: 200, body: Data(sample.body.utf8))) {
            decoded += 1
        }
        return decoded
    }

    struct Sample: Sendable {
        let body: String
        let decode: @Sendable (HTTPResponse) -> Bool
    }

    static let samples: [Sample] = [
        Sample(body: session) { (try? Coding.decodeEnvelope(AuthContent.self, from: $0)) != nil },
        Sample(body: products) {
            ((try? Coding.decodeEnvelope(ProductsPage.self, from: $0))?.products.count ?? 0) == 1
        },
        Sample(body: categories) {
            ((try? Coding.decodeEnvelope(CategoriesPage.self, from: $0))?.categories.count ?? 0) == 1
        },
    ]

    static let session = """
        {"message":"Anonymous user created","success":true,"content":{"access_token":"sample.access.token",\
        "refresh_token":"sample.refresh.token","user":{"id":"01SAMPLE0000000000000000","email":null,"phone":null,\
        "first_name":null,"last_name":null,"is_anonymous":true,"is_logged_in":false,"is_email_verified":false,\
        "is_phone_verified":false,"profile_image_url":null,"created_at":"2026-01-01T00:00:00Z",\
        "modified_at":"2026-01-01T00:00:00Z"}}}
        """

    static let products = """
        {"message":"Products retrieved successfully","success":true,"content":{"products":[{"id":"01SAMPLE0000000000\
        000000","name":"Sample","slug":"sample","sku":"SAMPLE-1","product_type":"physical","description":"A sample.",\
        "short_description":"A sample.","active":true,"backorder":false,"has_variant":false,"on_offer":true,\
        "on_promotion":true,"on_subscription":false,"stock_available":true,"stock_quantity":1,"reviews_count":1,\
        "reviews_rating_sum":5,"tags":["sample"],"subscription":[],"variant_options":[],"category_ids":["01CAT"],\
        "categories":[{"id":"01CAT","name":"Sample","slug":"sample"}],"attributes":[{"id":"01ATTR","key":"brand",\
        "name":"Brand","type":"single-select","value":"Sample"}],"images":[{"id":"img","title":"Sample",\
        "alternate_text":"Sample","sort_order":1,"url_standard":"https://images.invalid/s.jpg",\
        "url_thumbnail":"https://images.invalid/t.jpg","url_tiny":"https://images.invalid/y.jpg",\
        "url_zoom":"https://images.invalid/z.jpg"}],"pricing":{"currency":"INR","incremental_quantity":1,\
        "listing_price":399,"max_order_quantity":6,"min_order_quantity":1,"price_including_tax":true,\
        "selling_price":349,"selling_price_excluding_tax":332.38,"selling_price_including_tax":349,"tax_rate":5,\
        "tax_type":"GST"},"promotion":{"id":"01PROMO","name":"Sample","starts_at":"2024-01-01T00:00:00Z",\
        "expires_at":"2099-12-31T23:59:59Z","details":{"discount_fixed_amount":0,"discount_percent":10,\
        "discount_type":"percentage","promotion_type":"discount"}}}],"pagination":{"limit":25,"next_page":2,\
        "previous_page":null,"total_pages":3,"total_records":70}}}
        """

    static let categories = """
        {"message":"Categories retrieved successfully","success":true,"content":{"categories":[{"id":"01CAT",\
        "name":"Sample","slug":"sample","description":"A sample.","parent_category_id":null,"product_count":1,\
        "active":true,"child_categories":[]}],"pagination":{"limit":50,"next_page":null,"previous_page":null,\
        "total_pages":1,"total_records":1}}}
        """
}
