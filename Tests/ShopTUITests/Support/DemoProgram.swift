@testable import ShopTUI

enum DemoIntent: Sendable, Hashable {
    case up, down, add, cart, help, copyLink, spin, quit
}

/// A small catalogue screen built only from the foundation pieces, for goldens and runner tests.
@MainActor
final class DemoProgram: TerminalProgram {
    let items = ["Ethiopia Yirgacheffe", "Colombia Huila", "Kenya AA", "Sumatra Mandheling", "Decaf Blend"]
    let prices = ["₹1,299", "₹999", "₹1,450", "₹1,150", "₹899"]
    var list = ListView(count: 5, visibleRows: 5)
    var showHelp = false
    var cart = 0
    var receivedKeys: [Key] = []
    var renderedSizes: [String] = []
    var spinningSince: ContinuousClock.Instant?
    var isAnimating: Bool { spinningSince != nil }

    let table = KeyTable<DemoIntent>([
        KeyBinding(keys: [.up, .char("k")], label: "up", help: "Move up", inFooter: false, intent: .up),
        KeyBinding(keys: [.down, .char("j")], label: "down", help: "Move down", inFooter: false, intent: .down),
        KeyBinding(keys: [.enter, .char("a")], label: "add", help: "Add to cart", priority: 10, intent: .add),
        KeyBinding(keys: [.char("c")], label: "cart", help: "Open the cart", priority: 8, intent: .cart),
        KeyBinding(keys: [.char("y")], label: "copy", help: "Copy the product link", priority: 1, intent: .copyLink),
        KeyBinding(keys: [.char("s")], label: "spin", help: "Toggle the spinner", inFooter: false, intent: .spin),
        KeyBinding(keys: [.char("?")], label: "help", help: "Show all keys", priority: 9, intent: .help),
        KeyBinding(keys: [.char("q")], label: "quit", help: "Quit", priority: 20, intent: .quit),
    ])

    func render(into buffer: inout CellBuffer, theme: Theme) -> CursorPlacement? {
        renderedSizes.append("\(buffer.width)x\(buffer.height)")
        HeaderBar.draw(
            into: &buffer, title: "Storefront \(theme.glyphs.separator) Coffee", right: "cart \(cart)", theme: theme)
        list.setVisibleRows(buffer.height - 4)
        let cursor = list.draw(
            into: &buffer, rect: Rect(row: 2, col: 0, width: buffer.width, height: buffer.height - 4)
        ) { i, selected, r, buf in
            let style: Style = selected ? .role(.selected) : .plain
            buf.write(
                (selected ? theme.glyphs.selectionMarker : " ") + " " + items[i], row: r.row, col: r.col + 1,
                style: style, maxWidth: r.width - 12, ellipsis: theme.glyphs.ellipsis)
            buf.writeRight(prices[i], row: r.row, endCol: r.right - 1, style: selected ? style : .role(.price))
        }
        if let since = spinningSince {
            let ms = Int((ContinuousClock.now - since) / .milliseconds(1))
            Spinner().draw(
                into: &buffer, row: buffer.height - 2, col: 1, label: "Loading…", elapsedMilliseconds: ms, theme: theme)
        }
        FooterBar.draw(into: &buffer, row: buffer.height - 1, table: table, theme: theme)
        if showHelp {
            HelpOverlay.draw(into: &buffer, table: table, theme: theme)
            return nil
        }
        return cursor
    }

    func handle(_ key: Key) -> ProgramCommand {
        receivedKeys.append(key)
        if showHelp {
            if key == .escape || key == .char("?") || key == .char("q") { showHelp = false }
            return .continue
        }
        switch table.intent(for: key) {
        case .up: list.moveUp()
        case .down: list.moveDown()
        case .add: cart += 1
        case .cart: break
        case .spin: spinningSince = spinningSince == nil ? .now : nil
        case .help: showHelp = true
        case .copyLink: return .copy("https://shop.example/p/\(list.selection)")
        case .quit: return .quit
        case nil: list.handle(key)
        }
        return .continue
    }
}
