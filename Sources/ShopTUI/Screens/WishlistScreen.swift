import ShopCore
import StorefrontAPI

/// The wishlist: saved products, move to cart, remove.
enum WishlistScreen: ShopScreen {
    static func keys(_ ctx: ScreenContext) -> [KeyBinding<ShopIntent>] {
        guard !ctx.state.wishlist.items.isEmpty else { return [] }
        return KeyBinding<ShopIntent>.moveKeys("Move the selection") + [
            .key([.enter], "to cart", "Move the selected product to the cart", priority: 50, .send(.select)),
            .key(
                [.char("d")], "remove", "Remove it from the wishlist", priority: 20,
                .send(.wishlist(.view(.removeSelected)))),
            .key(
                [.delete], "remove", "Remove it from the wishlist", footer: false,
                .send(.wishlist(.view(.removeSelected)))),
        ]
    }

    static func draw(_ ctx: ScreenContext, into buffer: inout CellBuffer, rect: Rect) -> ScreenOutput {
        let wishlist = ctx.state.wishlist
        if wishlist.items.isEmpty {
            let lines =
                !wishlist.isLoaded && ctx.state.isBusy
                ? ["Loading the wishlist…"] : ["Your wishlist is empty.", "On a product, press s to save it here."]
            Draw.empty(into: &buffer, rect: rect, lines: lines, theme: ctx.theme)
            return ScreenOutput()
        }
        let list = Draw.list(
            into: &buffer, rect: rect, count: wishlist.items.count, selection: wishlist.selectedIndex, theme: ctx.theme
        ) { i, selected, r, buf in
            let item = wishlist.items[i]
            let stock = item.stockAvailable || item.backorder ? "" : " (out of stock)"
            Draw.row(
                into: &buf, rect: r, selected: selected, text: item.displayName + stock,
                right: item.pricing.map { ctx.money($0.sellingPrice) } ?? "", dimmed: !item.stockAvailable,
                theme: ctx.theme)
        }
        return ScreenOutput(cursor: list.cursor, list: list.region)
    }
}
