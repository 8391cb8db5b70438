import CNCurses
import Testing

@testable import ShopTUI

@Suite struct KeyDecoderTests {
    @Test func controlCharacters() {
        var d = KeyDecoder()
        #expect(d.decode([.character(0x0D)]) == [.enter])
        #expect(d.decode([.character(0x0A)]) == [.enter])
        #expect(d.decode([.character(0x7F)]) == [.backspace])
        #expect(d.decode([.character(0x08)]) == [.backspace])
        #expect(d.decode([.character(0x09)]) == [.tab])
        #expect(d.decode([.character(0x03)]) == [.ctrl("c")])
        #expect(d.decode([.character(0x0C)]) == [.ctrl("l")])
        #expect(d.decode([.character(0x20B9)]) == [.char("₹")])
    }

    @Test func escapeAloneAndAlt() {
        var d = KeyDecoder()
        #expect(d.decode([.character(0x1B)]) == [.escape])
        #expect(d.decode([.character(0x1B), .character(UInt32(UInt8(ascii: "x")))]) == [.alt("x")])
        #expect(d.decode([.character(0x1B), .character(0x1B)]) == [.escape, .escape])
        #expect(d.decode([.character(0x1B), .keyCode(KeyDecoder.Code.up)]) == [.escape, .up])
        // The ESC is held until the burst ends.
        #expect(d.feed(.character(0x1B)) == [])
        #expect(d.feed(.endOfInput) == [.escape])
    }

    @Test func keyCodes() {
        var d = KeyDecoder()
        let pairs: [(Int32, Key)] = [
            (KEY_UP, .up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right), (KEY_HOME, .home),
            (KEY_END, .end), (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown), (KEY_BACKSPACE, .backspace),
            (KEY_DC, .delete), (KEY_IC, .insert), (KEY_ENTER, .enter), (KEY_BTAB, .backTab),
            (KEY_RESIZE, .resize), (KEY_F0 + 5, .function(5)),
        ]
        for (code, key) in pairs {
            #expect(d.decode([.keyCode(Int(code))]) == [key], "\(code)")
        }
        #expect(d.decode([.keyCode(9999)]) == [.unknown(9999)])
    }

    @Test func displayNames() {
        #expect(Key.displayName(of: [.up, .char("k")]) == "↑/k")
        #expect(Key.displayName(of: [.up, .char("k")], ascii: true) == "up/k")
        #expect(Key.enter.displayName() == "enter")
        #expect(Key.char("?").displayName() == "?")
        #expect(Key.char(" ").displayName() == "space")
        #expect(Key.ctrl("c").displayName() == "ctrl-c")
    }
}

@Suite struct PasteDecodingTests {
    func chars(_ s: String) -> [RawInput] { s.unicodeScalars.map { .character($0.value) } }

    @Test func bracketedPasteBecomesOneKey() {
        var d = KeyDecoder()
        let input: [RawInput] =
            [.keyCode(KeyDecoder.Code.pasteStart)] + chars("12 Main St\r\nFlat 4\rq\u{7}")
            + [.keyCode(KeyDecoder.Code.pasteEnd)] + chars("q")
        #expect(d.decode(input) == [.paste("12 Main St\nFlat 4\nq"), .char("q")])
    }

    @Test func pasteSpansBursts() {
        var d = KeyDecoder()
        #expect(d.decode([.keyCode(KeyDecoder.Code.pasteStart)] + chars("ab")) == [])
        #expect(d.decode(chars("cd") + [.keyCode(KeyDecoder.Code.pasteEnd)]) == [.paste("abcd")])
    }

    @Test func textFieldTakesPastes() {
        var f = TextField(maxLength: 8, allowed: .digits)
        #expect(f.handle(.paste("4111 1111\n1111")) == .edited)
        #expect(f.text == "41111111")
        var g = TextField()
        g.handle(.paste("line one\nline two"))
        #expect(g.text == "line one line two")
    }
}
