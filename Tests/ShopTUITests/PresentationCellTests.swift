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
