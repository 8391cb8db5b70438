import ShopCore

/// The shop's key table: the screen's own keys, then the global ones (or, while typing, the few keys that do
/// not type). The same table resolves keys, writes the footer and the `?` help.
enum ShopKeys {
    /// The keys of the screen shown (its own, then the global ones): a function of the state.
    static func table(_ ctx: ScreenContext) -> KeyTable<ShopIntent> {
        let own = screen(for: ctx.state.currentRoute).keys(ctx)
        let global = ctx.focus != nil ? typing(ctx) : global(ctx)
        // A global binding gives way to the screen's binding of the same key.
        let taken = Set(own.flatMap(\.keys))
        let rest = global.compactMap { b -> KeyBinding<ShopIntent>? in
            var b = b
            b.keys.removeAll { taken.contains($0) }
            return b.keys.isEmpty ? nil : b
        }
        return KeyTable(own + rest).readOnly(in: ctx.state)
    }

    /// Keys that work on every screen when nothing is being typed.
    static func global(_ ctx: ScreenContext) -> [KeyBinding<ShopIntent>] {
        var keys: [KeyBinding<ShopIntent>] = []
        let route = ctx.state.currentRoute
        if ctx.state.route.count > 1 {
            keys.append(.key([.escape], "back", "Go back to the screen before", priority: 40, .back))
        }
        if route != .catalog {
            keys.append(.key([.char("b")], "browse", "Browse the catalog", priority: 6, .send(.navigate(.catalog))))
        }
        if route != .cart {
            keys.append(.key([.char("c")], "cart", "Open the cart", priority: 8, .send(.navigate(.cart))))
        }
        if route != .wishlist {
            keys.append(.key([.char("w")], "wishlist", "Open the wishlist", priority: 4, .send(.navigate(.wishlist))))
        }
        if ctx.state.isSignedIn {
            if route != .orders {
                keys.append(.key([.char("o")], "orders", "Your orders", priority: 3, .send(.navigate(.orders))))
            }
            if route != .account {
                keys.append(.key([.char("a")], "account", "Your account", priority: 3, .send(.navigate(.account))))
            }
        } else if route != .login {
            keys.append(
                .key([.char("l")], "log in", "Log in (an OTP or a password)", priority: 5, .send(.navigate(.login))))
        }
        // Help stays in the narrowest footer: it shows the keys that did not fit.
        keys.append(.key([.char("?")], "help", "Show all keys", priority: 55, .help))
        keys.append(.key([.function(1)], "help", "Show all keys", footer: false, .help))
        keys.append(.key([.char("q")], "quit", "Quit", priority: 35, .quit))
        keys.append(.key([.ctrl("c")], "quit", "Quit", footer: false, .quit))
        keys.append(.key([.ctrl("l")], "redraw", "Redraw the screen", footer: false, .redraw))
        return keys
    }

    /// Keys while typing into a field: letters go to the field, so only special keys are bound.
    static func typing(_ ctx: ScreenContext) -> [KeyBinding<ShopIntent>] {
        var keys: [KeyBinding<ShopIntent>] = []
        let fields = ctx.state.formFields
        if fields.count > 1 {
            keys.append(.key([.tab], "next", "Next field", priority: 20, .nextField))
            keys.append(.key([.down], "next", "Next field", footer: false, .nextField))
            keys.append(.key([.backTab, .up], "previous", "Previous field", footer: false, .previousField))
        }
        if fields.isEmpty {
            keys.append(.key([.escape], "done", "Stop typing", priority: 25, .stopTyping))
        } else if ctx.state.route.count > 1 {
            keys.append(.key([.escape], "back", "Go back to the screen before", priority: 25, .back))
        }
        keys.append(.key([.function(1)], "help", "Show all keys", priority: 2, .help))
        keys.append(.key([.ctrl("c")], "quit", "Quit", footer: false, .quit))
        keys.append(.key([.ctrl("l")], "redraw", "Redraw the screen", footer: false, .redraw))
        return keys
    }

    /// What a key types into a field, nil for a key that does not type.
    static func edit(_ key: Key) -> TextEdit? {
        switch key {
        case .char(let c): .insert(String(c))
        case .paste(let text): .insert(text)
        case .backspace, .ctrl("h"): .backspace
        case .ctrl("u"): .clear
        default: nil
        }
    }
}
