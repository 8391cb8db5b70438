import Testing

@testable import ShopTUI

@MainActor
@Suite struct GoldenTests {
    @Test func tooSmallUnicode() {
        let frame = TerminalRunner.composeFrame(program: DemoProgram(), width: 30, height: 10, theme: .default)
        #expect(frame.tooSmall)
        #expect(frame.buffer.rowsAsText().contains { $0.contains("now 30x10") })
        Golden.assert(frame.buffer, named: "too-small-30x10")
    }

    @Test func tooSmallASCII() {
        let frame = TerminalRunner.composeFrame(program: DemoProgram(), width: 30, height: 10, theme: .plainASCII)
        Golden.assert(frame.buffer, named: "too-small-30x10-ascii")
    }

    @Test func tooSmallStillQuitsOnQ() {
        #expect(TerminalRunner.tooSmallCommand(for: .char("q")) == .quit)
        #expect(TerminalRunner.tooSmallCommand(for: .char("a")) == .continue)
    }

    @Test func helpOverlayUnicode() {
        let p = DemoProgram()
        _ = p.handle(.char("?"))
        let frame = TerminalRunner.composeFrame(program: p, width: 80, height: 24, theme: .default)
        #expect(!frame.tooSmall)
        #expect(frame.cursor == nil)
        Golden.assert(frame.buffer, named: "help-overlay-80x24")
    }

    @Test func helpOverlayASCII() {
        let p = DemoProgram()
        _ = p.handle(.char("?"))
        let frame = TerminalRunner.composeFrame(program: p, width: 80, height: 24, theme: .plainASCII)
        let text = frame.buffer.rowsAsText().joined()
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII || $0 == "₹" })
        Golden.assert(frame.buffer, named: "help-overlay-80x24-ascii")
    }

    @Test func catalogueNarrow() {
        let p = DemoProgram()
        _ = p.handle(.down)
        let frame = TerminalRunner.composeFrame(program: p, width: 40, height: 12, theme: .default)
        #expect(frame.cursor == CursorPlacement(row: 3, col: 0))
        Golden.assert(frame.buffer, named: "catalogue-40x12")
    }

    @Test func everyFooterHintDoesSomething() {
        let p = DemoProgram()
        for b in p.table.bindings where b.inFooter {
            for k in b.keys { #expect(p.table.intent(for: k) != nil) }
        }
        #expect(p.table.conflictingKeys.isEmpty)
    }
}
