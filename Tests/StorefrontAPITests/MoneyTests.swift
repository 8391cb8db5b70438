import Foundation
import Testing

@testable import StorefrontAPI

@Suite struct MoneyTests {
    @Test(arguments: [
        (12_345_678, "₹1,23,456.78"), (0, "₹0.00"), (5, "₹0.05"), (99_900, "₹999.00"), (100_000, "₹1,000.00"),
        (1_000_000_000, "₹1,00,00,000.00"), (-150, "-₹1.50"),
    ])
    func formatsIndianGrouping(minor: Int64, text: String) {
        #expect(Money(minorUnits: minor).formatted() == text)
    }

    @Test func asciiUsesRs() {
        #expect(Money(minorUnits: 123_456).formatted(ascii: true) == "Rs.1,234.56")
    }

    @Test func decodesJSONNumbersExactly() throws {
        struct Box: Decodable { var a: Money; var b: Money; var c: Money }
        let box = try JSONDecoder().decode(Box.self, from: Data(#"{"a": 0.1, "b": 1234.5, "c": "99.99"}"#.utf8))
        #expect(box.a.minorUnits == 10)
        #expect(box.b.minorUnits == 123_450)
        #expect(box.c.minorUnits == 9_999)
    }

    @Test func missingAndNullFieldsTakeDefaults() throws {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let cart = try decoder.decode(
            Cart.self, from: Data(#"{"id": "c1", "grand_total": null, "cart_items": [], "unknown_field": 3}"#.utf8))
        #expect(cart.grandTotal == .zero)
        #expect(cart.cartItems.isEmpty)
        #expect(!cart.isCouponApplied)
    }
}
