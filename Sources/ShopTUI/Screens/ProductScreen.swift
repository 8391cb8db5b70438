import ShopCore
import StorefrontAPI

/// One product: price, stock, description, variants, quantity within the limits, add to cart or wishlist.
enum ProductScreen: ShopScreen {
    static func keys(_ ctx: ScreenContext) -> [KeyBinding<ShopIntent>] {
        let p = ctx.state.product
        guard p.product != nil else { return [] }
        var keys: [KeyBinding<ShopIntent>] = []
        if p.variants.count > 1 {
            keys += KeyBinding<ShopIntent>.moveKeys("Choose the variant")
        }
        if p.isPurchasable {
            keys.append(.key([.enter], "add to cart", "Add the quantity to the cart", priority: 50, .send(.select)))
            keys += [
                .key([.char("+")], "more", "One more", priority: 20, .send(.product(.view(.changeQuantity(by: 1))))),
                .key([.char("=")], "more", "One more", footer: false, .send(.product(.view(.changeQuantity(by: 1))))),
            ]
            keys.append(
                .key([.char("-")], "less", "One less", priority: 19, .send(.product(.view(.changeQuantity(by: -1))))))
        }
        keys.append(
            .key([.char("s")], "save", "Save to the wishlist", priority: 18, .send(.product(.view(.addToWishlist)))))
        return keys
    }

    static func draw(_ ctx: ScreenContext, into buffer: inout CellBuffer, rect: Rect) -> ScreenOutput {
        let state = ctx.state.product
        guard let product = state.product else {
            Draw.empty(
                into: &buffer, rect: rect,
                lines: ctx.state.inFlight.contains(.product)
                    ? ["Loading the product…"] : ["This product could not be loaded.", "esc goes back"],
                theme: ctx.theme)
            return ScreenOutput()
        }
        var out = ScreenOutput()
        var left = rect
        var right: Rect?
        if rect.width >= 100 {
            let (l, r) = Draw.split(rect, leftFraction: 0.5, theme: ctx.theme, buffer: &buffer)
            left = l
            right = r
        }
        var row = drawSummary(
            product, variant: state.selectedVariant, ctx: ctx, into: &buffer, rect: left,
            description: right != nil ? 8 : rect.height >= 16 ? 2 : 0)
        let variantsRect = right ?? left
        if right != nil { row = variantsRect.row }
        if !state.variants.isEmpty, row < variantsRect.bottom {
            row += right == nil ? 1 : 0
            Draw.title(into: &buffer, "Variants", row: row, rect: variantsRect, theme: ctx.theme)
            row += 1
            let reserved = 2
            let h = min(state.variants.count, max(1, variantsRect.bottom - row - reserved))
            let list = Draw.list(
                into: &buffer, rect: Rect(row: row, col: variantsRect.col, width: variantsRect.width, height: h),
                count: state.variants.count, selection: state.selectedVariantIndex, theme: ctx.theme
            ) { i, selected, r, buf in
                let v = state.variants[i]
                let stock = v.isPurchasable ? "" : " (out of stock)"
                Draw.row(
                    into: &buf, rect: r, selected: selected, text: (v.name ?? "Variant \(i + 1)") + stock,
                    right: v.pricing.map { ctx.money($0.sellingPrice) } ?? "", dimmed: !v.isPurchasable,
                    theme: ctx.theme)
            }
            out.cursor = list.cursor
            out.list = list.region
            row += h
        }
        if row < variantsRect.bottom {
            row += row + 1 < variantsRect.bottom ? 1 : 0
            if state.isPurchasable {
                let limit = state.maxQuantity.map { "  (at most \($0))" } ?? ""
                let price = (state.selectedVariant?.pricing ?? product.pricing)?.sellingPrice ?? .zero
                Draw.amountRow(
                    into: &buffer, row: row, rect: variantsRect, label: "Quantity  \(state.quantity)\(limit)",
                    amount: ctx.money(price * state.quantity), style: .role(.price), theme: ctx.theme)
            } else {
                buffer.write(
                    "Out of stock — s saves it to your wishlist", row: row, col: variantsRect.col,
                    style: .role(.warning), maxWidth: variantsRect.width, ellipsis: ctx.theme.glyphs.ellipsis)
            }
        }
        return out
    }

    /// Name, price (and the list price when discounted), stock, and `description` lines of the description.
    /// Returns the next free row.
    @discardableResult
    static func drawSummary(
        _ product: Product, variant: Variant?, ctx: ScreenContext, into buffer: inout CellBuffer, rect: Rect,
        description: Int = 6
    ) -> Int {
        var row = rect.row
        Draw.title(into: &buffer, product.name, row: row, rect: rect, theme: ctx.theme)
        row += 1
        if let pricing = variant?.pricing ?? product.pricing, row < rect.bottom {
            var col = rect.col
            col += buffer.write(ctx.money(pricing.sellingPrice), row: row, col: col, style: Style.role(.price).bold)
            if pricing.isDiscounted {
                buffer.write(
                    "  was \(ctx.money(pricing.listingPrice))", row: row, col: col, style: .role(.dim),
                    maxWidth: rect.right - col)
            }
            row += 1
        }
        if row < rect.bottom {
            let available = variant?.isPurchasable ?? product.isPurchasable
            let quantity = variant?.stockQuantity ?? product.stockQuantity
            let text: String
            if !available {
                text = "Out of stock"
            } else if let quantity, quantity > 0, quantity <= 10 {
                text = "In stock, only \(quantity) left"
            } else {
                text = "In stock"
            }
            buffer.write(
                text, row: row, col: rect.col, style: .role(available ? .success : .warning), maxWidth: rect.width)
            row += 1
        }
        if let options = variant?.associatedOptions, !options.isEmpty, row < rect.bottom {
            drawOptions(options, ctx: ctx, into: &buffer, row: row, rect: rect)
            row += 1
        }
        if description > 0, let text = product.shortDescription ?? product.description, row + 1 < rect.bottom {
            row = Draw.paragraph(
                into: &buffer, text, row: row + 1, rect: rect, style: .role(.dim), maxLines: description)
        }
        return row
    }

    /// The chosen variant's options: "Background Color Blue ■  Size Large", a colour by its name with a swatch
    /// where colour is on.
    static func drawOptions(
        _ options: [String: AssociatedOption], ctx: ScreenContext, into buffer: inout CellBuffer, row: Int, rect: Rect
    ) {
        var col = rect.col
        for key in options.keys.sorted() {
            guard let option = options[key], let value = option.value, !value.displayText.isEmpty else { continue }
            let label = (option.name ?? key) + " "
            guard col < rect.right else { break }
            col += buffer.write(label, row: row, col: col, style: .role(.dim), maxWidth: rect.right - col)
            col += buffer.write(value.displayText, row: row, col: col, maxWidth: rect.right - col)
            if ctx.theme.colorMode == .color, let hex = value.hexColors.first, let swatch = Swatch.color(hex),
                col + 2 < rect.right
            {
                col += buffer.write(" ", row: row, col: col, maxWidth: 1)
                col += buffer.write(
                    ctx.theme.glyphs.isASCII ? "#" : "■", row: row, col: col, style: Style(fg: swatch), maxWidth: 1)
            }
            col += buffer.write("  ", row: row, col: col, maxWidth: max(0, rect.right - col))
        }
    }
}

/// A `#RRGGBB` colour as the nearest of the 256-colour palette's 6×6×6 cube.
enum Swatch {
    static func color(_ hex: String) -> TermColor? {
        var digits = String(hex.dropFirst())
        if digits.count == 3 { digits = digits.map { "\($0)\($0)" }.joined() }
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        func level(_ shift: UInt32) -> Int {
            let channel = Int((value >> shift) & 0xFF)
            return (channel * 5 + 127) / 255
        }
        let index: Int = 16 + 36 * level(16) + 6 * level(8) + level(0)
        return .indexed(UInt8(index))
    }
}
