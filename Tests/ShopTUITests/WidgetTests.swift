import Testing

@testable import ShopTUI

@Suite struct TextFieldTests {
    @Test func editingWithCursor() {
        var f = TextField()
        for c in "hllo" { f.handle(.char(c)) }
        #expect(f.text == "hllo" && f.cursor == 4)
        f.handle(.home)
        f.handle(.right)
        #expect(f.handle(.char("e")) == .edited)
        #expect(f.text == "hello" && f.cursor == 2)
        f.handle(.end)
        f.handle(.backspace)
        #expect(f.text == "hell")
        f.handle(.home)
        f.handle(.delete)
        #expect(f.text == "ell" && f.cursor == 0)
        #expect(f.handle(.left) == .ignored)
        #expect(f.handle(.backspace) == .ignored)
    }

    @Test func maxLengthAndAllowedCharacters() {
        var f = TextField(maxLength: 6, allowed: .digits)
        #expect(f.handle(.char("a")) == .rejected)
        #expect(f.insert("12345678") == .edited)
        #expect(f.text == "123456")
        #expect(f.handle(.char("7")) == .rejected)
        var e = TextField(allowed: .email)
        e.insert("a.b+c@example.com")
        #expect(e.text == "a.b+c@example.com")
        #expect(e.handle(.char(" ")) == .rejected)
    }

    @Test func maskHidesTheText() {
        let f = TextField(text: "secret", mask: "•")
        let v = f.visible(width: 20)
        #expect(v.text == "••••••")
        #expect(v.cursorColumn == 6)
    }

    @Test func scrollsToKeepTheCursorVisible() {
        let f = TextField(text: "abcdefghij")
        let v = f.visible(width: 5)
        #expect(v.text == "ghij")
        #expect(v.cursorColumn == 4)
        var g = f
        g.handle(.home)
        #expect(g.visible(width: 5) == ("abcde", 0))
    }

    @Test func wideCharactersCountTwoColumns() {
        let f = TextField(text: "日本")
        #expect(f.visible(width: 10).cursorColumn == 4)
    }

    @Test func killKeys() {
        var f = TextField(text: "add to cart")
        f.handle(.ctrl("w"))
        #expect(f.text == "add to ")
        f.handle(.ctrl("u"))
        #expect(f.text.isEmpty)
    }

    @Test func drawReturnsCaret() {
        var b = CellBuffer(width: 10, height: 1)
        let f = TextField(text: "abc")
        let c = f.draw(into: &b, rect: Rect(row: 0, col: 2, width: 6, height: 1))
        #expect(c == CursorPlacement(row: 0, col: 5, visible: true))
        #expect(b.rowsAsText() == ["  abc     "])
    }
}

@Suite struct ListViewTests {
    @Test func selectionStaysVisible() {
        var l = ListView(count: 20, visibleRows: 5)
        #expect(l.visibleRange == 0..<5)
        for _ in 0..<5 { l.moveDown() }
        #expect(l.selection == 5)
        #expect(l.visibleRange == 1..<6)
        l.end()
        #expect(l.selection == 19 && l.visibleRange == 15..<20)
        l.moveUp()
        #expect(l.visibleRange == 15..<20)
        l.home()
        #expect(l.offset == 0)
    }

    @Test func pagingAndClamping() {
        var l = ListView(count: 20, visibleRows: 5)
        l.pageDown()
        #expect(l.selection == 4)
        l.pageDown()
        #expect(l.selection == 8)
        #expect(l.visibleRange.contains(8))
        l.pageUp()
        #expect(l.selection == 4)
        l.select(100)
        #expect(l.selection == 19)
        l.select(-3)
        #expect(l.selection == 0)
    }

    @Test func shrinkingKeepsSelectionValid() {
        var l = ListView(count: 10, visibleRows: 4)
        l.end()
        l.setCount(3)
        #expect(l.selection == 2 && l.offset == 0)
        l.setCount(0)
        #expect(l.selection == 0 && l.visibleRange.isEmpty)
        var m = ListView(count: 10, visibleRows: 8)
        m.select(9)
        m.setVisibleRows(3)
        #expect(m.visibleRange.contains(9))
    }

    @Test func keysAndMargin() {
        var l = ListView(count: 30, visibleRows: 10, scrollMargin: 2)
        for _ in 0..<8 { l.handle(.char("j")) }
        #expect(l.selection == 8)
        #expect(l.offset == 1)
        #expect(l.handle(.char("x")) == false)
        l.handle(.char("G"))
        #expect(l.selection == 29)
    }

    @Test func drawMarksSelection() {
        var l = ListView(count: 3, visibleRows: 3)
        l.select(1)
        var b = CellBuffer(width: 6, height: 3)
        let cursor = l.draw(into: &b, rect: Rect(row: 0, col: 0, width: 6, height: 3)) { i, _, r, buf in
            buf.write("item\(i)", row: r.row, col: r.col, style: i == 1 ? .role(.selected) : .plain)
        }
        #expect(cursor == CursorPlacement(row: 1, col: 0))
        #expect(b.rowsAsText() == ["item0 ", "item1 ", "item2 "])
        #expect(b[1, 5].style == .role(.selected))
    }
}

@Suite struct SmallWidgetTests {
    @Test func sizeClasses() {
        #expect(SizeClass.of(width: 39, height: 30) == .tooSmall)
        #expect(SizeClass.of(width: 100, height: 11) == .tooSmall)
        #expect(SizeClass.of(width: 40, height: 12) == .narrow)
        #expect(SizeClass.of(width: 80, height: 24) == .regular)
        #expect(SizeClass.of(width: 120, height: 40) == .wide)
    }

    @Test func spinnerFramesAdvanceWithTime() {
        let s = Spinner(frameMilliseconds: 100)
        #expect(s.frame(elapsedMilliseconds: 0, glyphs: .ascii) == "|")
        #expect(s.frame(elapsedMilliseconds: 150, glyphs: .ascii) == "/")
        #expect(s.frame(elapsedMilliseconds: 400, glyphs: .ascii) == "|")
    }

    @Test func headerKeepsTitleAndRight() {
        var b = CellBuffer(width: 30, height: 1)
        HeaderBar.draw(into: &b, title: "Storefront — Coffee", right: "cart 3", theme: .default)
        #expect(b.rowsAsText() == [" Storefront — Coffee   cart 3 "])
        var n = CellBuffer(width: 20, height: 1)
        HeaderBar.draw(into: &n, title: "Storefront — Coffee", right: "cart 3", theme: .default)
        #expect(n.rowsAsText() == [" Storefron…  cart 3 "])
    }

    @Test func noticeHasATextPrefix() {
        var b = CellBuffer(width: 30, height: 1)
        Notice(.error, "Out of stock").draw(into: &b, row: 0, theme: .plainASCII)
        #expect(b.rowsAsText() == [" error: Out of stock          "])
        #expect(b[0, 1].style == .role(.error))
    }

    @Test func escapes() {
        #expect(
            TerminalEscapes.osc8(url: "https://x.io", text: "pay")
                == "\u{1B}]8;;https://x.io\u{1B}\\pay\u{1B}]8;;\u{1B}\\")
        #expect(TerminalEscapes.osc52(copy: "hi") == "\u{1B}]52;c;aGk=\u{1B}\\")
        #expect(Base64.encode(Array("hello".utf8)) == "aGVsbG8=")
        #expect(Base64.encode(Array("hell".utf8)) == "aGVsbA==")
        #expect(Base64.encode(Array("hel".utf8)) == "aGVs")
    }

    @Test func capabilityGuesses() {
        #expect(TerminalCapabilities.detect(environment: ["TERM": "xterm-kitty"]).hyperlinks)
        #expect(!TerminalCapabilities.detect(environment: ["TERM": "vt100"]).clipboard)
        #expect(!TerminalCapabilities.detect(environment: ["TERM": "xterm-256color"]).hyperlinks)
        #expect(TerminalCapabilities.detect(environment: ["TERM": "xterm-256color"]).clipboard)
        #expect(TerminalCapabilities.detect(environment: ["TERM": "vt100", "STOREFRONT_HYPERLINKS": "1"]).hyperlinks)
    }

    @Test func terminalNameFallbacks() {
        #expect(
            Terminal.candidateTerminalNames(environment: ["TERM": "xterm-kitty"]) == [
                "xterm-kitty", "xterm-256color", "xterm", "vt100",
            ])
        #expect(Terminal.candidateTerminalNames(environment: [:]) == ["xterm-256color", "xterm", "vt100"])
        #expect(
            Terminal.candidateTerminalNames(environment: ["TERM": "xterm"]) == ["xterm", "xterm-256color", "vt100"])
    }
}
