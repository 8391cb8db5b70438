import CNCurses
import Foundation
import ShopCore
import StorefrontAPI

/// The walking skeleton's front end: the catalog list, arrows and j/k to move, q to quit.
/// Replaced by the cell-buffer renderer and the screens.
@MainActor
public enum BootstrapUI {
    public enum StartError: Error { case notATerminal, noTerminal }

    /// Runs until `q`; the terminal is restored however the loop ends.
    public static func run(store: Store, storeName: String) async throws {
        guard isatty(0) == 1 else { throw StartError.notATerminal }
        _ = sf_setup_locale()
        let candidates = [ProcessInfo.processInfo.environment["TERM"], "xterm-256color", "xterm", "vt100"]
        var screen: OpaquePointer?
        for case let term? in candidates {
            screen = sf_newterm(term)
            if screen != nil { break }
        }
        guard screen != nil else { throw StartError.noTerminal }
        defer {
            endwin()
            if let screen { delscreen(screen) }
        }
        cbreak()
        noecho()
        keypad(sf_stdscr(), true)
        curs_set(0)
        timeout(50)
        store.send(.appStarted)
        while true {
            draw(store.state, storeName: storeName)
            let key = getch()
            if key == ERR {
                await Task.yield()
                try? await Task.sleep(for: .milliseconds(5))
                continue
            }
            switch key {
            case Int32(Character("q").asciiValue!): return
            case KEY_DOWN, Int32(Character("j").asciiValue!): store.send(.moveSelection(by: 1))
            case KEY_UP, Int32(Character("k").asciiValue!): store.send(.moveSelection(by: -1))
            default: break
            }
        }
    }

    static func draw(_ state: State, storeName: String) {
        erase()
        let rows = Int(sf_lines())
        let cols = Int(sf_cols())
        let who = state.session.claims.map { $0.isLoggedIn ? "signed in" : "guest" } ?? "connecting…"
        mvaddstr(0, 0, String("\(storeName) · \(who)".prefix(cols)))
        let catalog = state.catalog
        let visible = max(1, rows - 3)
        let top = max(0, catalog.selectedIndex - visible + 1)
        for (offset, product) in catalog.products.dropFirst(top).prefix(visible).enumerated() {
            let index = top + offset
            let price = product.pricing.map { $0.sellingPrice.formatted() } ?? ""
            let line = "\(index == catalog.selectedIndex ? ">" : " ") \(product.name)  \(price)"
            if index == catalog.selectedIndex { attron(Int32(sf_a_reverse())) }
            mvaddstr(Int32(offset + 1), 0, String(line.prefix(cols)))
            if index == catalog.selectedIndex { attroff(Int32(sf_a_reverse())) }
        }
        let footer = state.notice?.text ?? "↑/k up  ↓/j down  q quit"
        mvaddstr(Int32(rows - 1), 0, String(footer.prefix(cols)))
        refresh()
    }
}
