import Testing

@testable import ShopTUI

/// How buffer cells are handed to curses: one spacing character (+ marks) per cchar, padded when
/// curses would count it narrower than the buffer does.
@Suite struct PresentationCellTests {
    func cell(_ g: Character) -> Cell {
        let c = DisplayWidth.cells(of: g)[0]
        return Cell(c.text, width: c.width)
    }

    @Test func plainAndCombining() {
        #expect(PresentationCell(cell("a")) == PresentationCell(scalars: [0x61], padAfter: false))
        #expect(PresentationCell(cell("e\u{301}")).scalars == [0x65, 0x301])
        #expect(PresentationCell(cell("中")) == PresentationCell(scalars: [0x4E2D], padAfter: false))
    }

    @Test func asciiCellsAreKeptAsTheyAre() {
        for value in UInt8(0)..<128 {
            let text = String(UnicodeScalar(value))
            let one = Cell(text, width: 1)
            if (0x20...0x7E).contains(value) {
                #expect(PresentationCell.asciiByte(of: one) == value)
                #expect(PresentationCell(one) == PresentationCell(scalars: [UInt32(value)], padAfter: false))
            } else {
                #expect(PresentationCell.asciiByte(of: one) == nil)
            }
            #expect(PresentationCell.asciiByte(of: Cell(text, width: 2)) == nil)
        }
        #expect(PresentationCell.asciiByte(of: Cell("ab", width: 1)) == nil)
        #expect(PresentationCell.asciiByte(of: Cell("é", width: 1)) == nil)
        #expect(PresentationCell.asciiByte(of: Cell("", width: 0)) == nil)
    }

    @Test func zwjSequenceShowsItsFirstPicture() {
        let p = PresentationCell(cell("👨‍👩‍👧"))
        #expect(p.scalars == [0x1F468])
        #expect(!p.padAfter)
    }

    @Test func textPresentationEmojiIsPadded() {
        let p = PresentationCell(cell("❤️"))
        #expect(p.scalars == [0x2764])
        #expect(p.padAfter)
    }

    @Test func flagsBecomeLetters() {
        let p = PresentationCell(cell("🇮🇳"))
        #expect(p.scalars == [0x49])
        #expect(p.secondLetter == 0x4E)
    }

    @Test func continuationAndEmptyCells() {
        #expect(PresentationCell(.continuation(style: .plain)).scalars == [0x20])
    }

    @Test func outcomeExitCodes() {
        #expect(TerminalRunner.Outcome.quit.exitCode == 0)
        #expect(TerminalRunner.Outcome.signal(2).exitCode == 130)
        #expect(TerminalRunner.Outcome.hangup.exitCode == 129)
    }
}
