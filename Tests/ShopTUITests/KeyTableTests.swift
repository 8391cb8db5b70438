import Testing

@testable import ShopTUI

enum TestIntent: Sendable, Hashable {
    case up, down, add, cart, checkout, help, quit
}

let testTable = KeyTable<TestIntent>([
    KeyBinding(keys: [.up, .char("k")], label: "up", help: "Move up", inFooter: false, intent: .up),
    KeyBinding(keys: [.down, .char("j")], label: "down", help: "Move down", inFooter: false, intent: .down),
    KeyBinding(keys: [.enter, .char("a")], label: "add", help: "Add to cart", priority: 10, intent: .add),
    KeyBinding(keys: [.char("c")], label: "cart", help: "Open the cart", priority: 8, intent: .cart),
    KeyBinding(keys: [.char("x")], label: "checkout", help: "Check out", priority: 5, intent: .checkout),
    KeyBinding(keys: [.char("?")], label: "help", help: "Show all keys", priority: 9, intent: .help),
    KeyBinding(keys: [.char("q"), .ctrl("c")], label: "quit", help: "Quit", priority: 20, intent: .quit),
])

@Suite struct KeyTableTests {
    @Test func intentLookup() {
        #expect(testTable.intent(for: .char("k")) == .up)
        #expect(testTable.intent(for: .down) == .down)
        #expect(testTable.intent(for: .enter) == .add)
        #expect(testTable.intent(for: .ctrl("c")) == .quit)
        #expect(testTable.intent(for: .char("z")) == nil)
        #expect(testTable.conflictingKeys.isEmpty)
    }

    @Test func conflictsAreFound() {
        let t = KeyTable<TestIntent>([
            KeyBinding(keys: [.char("q")], label: "a", help: "a", intent: .quit),
            KeyBinding(keys: [.char("q")], label: "b", help: "b", intent: .help),
        ])
        #expect(t.conflictingKeys == [.char("q")])
    }

    @Test func footerShowsAllWhenWide() {
        let hints = testTable.footerHints(width: 200)
        #expect(hints.map(\.label) == ["add", "cart", "checkout", "help", "quit"])
        #expect(hints.first?.key == "enter/a")
    }

    @Test func footerDropsLowestPriorityFirst() {
        // "enter/a add"=11, "c cart"=6, "x checkout"=10, "? help"=6, "q/ctrl-c quit"=13; separators 2.
        let all = testTable.footerHints(width: 200)
        let full = all.reduce(0) { $0 + $1.width } + 2 * (all.count - 1)
        #expect(full == 54)
        let narrower = testTable.footerHints(width: full - 1)
        #expect(narrower.map(\.label) == ["add", "cart", "help", "quit"])
        #expect(testTable.footerHints(width: 34).map(\.label) == ["add", "help", "quit"])
        #expect(testTable.footerHints(width: 33).map(\.label) == ["add", "quit"])
        for w in 0...60 {
            let h = testTable.footerHints(width: w)
            let used = h.reduce(0) { $0 + $1.width } + 2 * max(0, h.count - 1)
            #expect(used <= w)
        }
        #expect(testTable.footerHints(width: 5).isEmpty)
    }

    @Test func helpLinesListEveryBinding() {
        let lines = testTable.helpLines()
        #expect(lines.count == 7)
        #expect(lines[0] == HelpLine(keys: "↑/k", help: "Move up"))
        #expect(testTable.helpLines(ascii: true)[1] == HelpLine(keys: "down/j", help: "Move down"))
    }

    /// Bindings that do the same thing share a help line, their keys joined where the first stands.
    @Test func bindingsWithTheSameHelpShareALine() {
        let table = KeyTable<String>([
            KeyBinding(keys: [.char("+")], label: "more", help: "One more", intent: "more"),
            KeyBinding(keys: [.char("d")], label: "remove", help: "Remove it", intent: "remove"),
            KeyBinding(keys: [.char("=")], label: "more", help: "One more", intent: "more"),
            KeyBinding(keys: [.delete], label: "remove", help: "Remove it", intent: "remove"),
        ])
        #expect(
            table.helpLines() == [HelpLine(keys: "+/=", help: "One more"), HelpLine(keys: "d/del", help: "Remove it")])
    }

    @Test func footerBarDrawsHints() {
        var b = CellBuffer(width: 44, height: 1)
        FooterBar.draw(into: &b, row: 0, table: testTable, theme: .default)
        #expect(b.rowsAsText()[0].hasPrefix(" enter/a add  c cart  ? help"))
        #expect(b[0, 1].style == .role(.footerKey))
    }
}

@Suite struct KeyTableCompositionTests {
    enum Screen: Sendable, Hashable { case add }
    enum App: Sendable, Hashable {
        case screen(Screen)
        case quit, help
    }

    @Test func screenTableLiftedAndMergedWithGlobalKeys() {
        let screen = KeyTable<Screen>([KeyBinding(keys: [.enter], label: "add", help: "Add", intent: .add)])
        let global = KeyTable<App>([
            KeyBinding(keys: [.char("?")], label: "help", help: "Help", intent: .help),
            KeyBinding(keys: [.char("q")], label: "quit", help: "Quit", intent: .quit),
        ])
        let merged = KeyTable<App>([screen.map { App.screen($0) }, global])
        #expect(merged.intent(for: .enter) == .screen(.add))
        #expect(merged.intent(for: .char("q")) == .quit)
        #expect(merged.footerHints(width: 80).map(\.label) == ["add", "help", "quit"])
        #expect(merged.helpLines().count == 3)
    }
}
