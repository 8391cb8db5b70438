import Testing

@testable import ShopTUI

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("hello", 5),
        ("₹1,299", 6),
        ("中文", 4),
        ("日本語のテキスト", 16),
        ("😀", 2),
        ("👍🏽", 2),
        ("👨‍👩‍👧", 2),
        ("❤️", 2),
        ("❤︎", 1),
        ("🇮🇳", 2),
        ("e\u{301}", 1),
        ("café", 4),
        ("नमस्ते", 4),
        ("한국어", 6),
        ("", 0),
    ])
    func widths(text: String, expected: Int) {
        #expect(DisplayWidth.of(text) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test func scalarWidthsComeFromWcwidth() {
        #expect(DisplayWidth.of(scalar: "A") == 1)
        #expect(DisplayWidth.of(scalar: "\u{4E2D}") == 2)
        #expect(DisplayWidth.of(scalar: "\u{301}") == 0)
        #expect(DisplayWidth.of(scalar: "\u{7}") == -1)
    }

    @Test func devanagariSplitsIntoOneCellPerSpacingLetter() {
        let cells = "नमस्ते".flatMap { DisplayWidth.cells(of: $0) }
        #expect(cells.map(\.width) == [1, 1, 1, 1])
        #expect(cells.map(\.text).joined() == "नमस्ते")
    }

    @Test func zwjFamilyIsOneWideCell() {
        let g: Character = "👨‍👩‍👧"
        let cells = DisplayWidth.cells(of: g)
        #expect(cells.count == 1)
        #expect(cells[0].width == 2)
    }

    @Test func digitsAreNotEmoji() {
        #expect(!DisplayWidth.isEmojiCluster("1"))
        #expect(!DisplayWidth.isEmojiCluster("#"))
        #expect(DisplayWidth.isEmojiCluster("1️⃣"))
    }

    @Test func truncationByDisplayWidth() {
        #expect(DisplayWidth.truncate("hello world", to: 8) == "hello w…")
        #expect(DisplayWidth.truncate("short", to: 8) == "short")
        #expect(DisplayWidth.truncate("中文中文", to: 5) == "中文…")
        #expect(DisplayWidth.of(DisplayWidth.truncate("中文中文", to: 6)) <= 6)
        #expect(DisplayWidth.truncate("中文中文", to: 6) == "中文…")
        #expect(DisplayWidth.truncate("😀😀😀", to: 4) == "😀…")
        #expect(DisplayWidth.truncate("abcdef", to: 4, ellipsis: "~") == "abc~")
        #expect(DisplayWidth.truncate("abc", to: 0) == "")
    }

    @Test func padFillsToWidth() {
        #expect(DisplayWidth.pad("ab", to: 4) == "ab  ")
        #expect(DisplayWidth.pad("中", to: 3) == "中 ")
        #expect(DisplayWidth.of(DisplayWidth.pad("中文中文", to: 5)) == 5)
    }
}
