import Testing

@testable import ShopTUI

@Suite struct CellBufferTests {
    @Test func writeReturnsColumnsUsed() {
        var b = CellBuffer(width: 10, height: 1)
        #expect(b.write("abc", row: 0, col: 0) == 3)
        #expect(b.write("中文", row: 0, col: 3) == 4)
        #expect(b.rowsAsText() == ["abc中文   "])
        #expect(b[0, 3].width == 2)
        #expect(b[0, 4].isContinuation)
    }

    @Test func wideCharacterIsNeverSplitAtTheRightEdge() {
        var b = CellBuffer(width: 5, height: 1)
        let used = b.write("ab中文", row: 0, col: 0, ellipsis: "")
        #expect(used == 4)
        #expect(b.rowsAsText() == ["ab中 "])
        #expect(b[0, 4] == .blank)
        var c = CellBuffer(width: 5, height: 1)
        c.write("abcd中", row: 0, col: 0, ellipsis: "")
        #expect(c.rowsAsText() == ["abcd "])
        #expect(!b[0, 4].isContinuation)
    }

    @Test func truncatesWithEllipsisAtMaxWidth() {
        var b = CellBuffer(width: 12, height: 1)
        let used = b.write("Organic coffee beans", row: 0, col: 1, maxWidth: 8)
        #expect(used == 8)
        #expect(b.rowsAsText() == [" Organic…   "])
    }

    @Test func emojiAndDevanagariLayout() {
        var b = CellBuffer(width: 12, height: 1)
        b.write("👍🏽नमस्ते!", row: 0, col: 0)
        #expect(b.rowsAsText() == ["👍🏽नमस्ते!     "])
        #expect(b[0, 0].width == 2)
        #expect(b[0, 6].text == "!")
    }

    @Test func overwritingHalfOfAWideCharacterBlanksTheOtherHalf() {
        var b = CellBuffer(width: 6, height: 1)
        b.write("中文", row: 0, col: 0)
        b.write("x", row: 0, col: 1)
        #expect(b.rowsAsText() == [" x文  "])
        b.write("y", row: 0, col: 2)
        #expect(b.rowsAsText() == [" xy   "])
    }

    @Test func rightAlignedWrite() {
        var b = CellBuffer(width: 10, height: 1)
        let used = b.writeRight("₹1,299", row: 0, endCol: 10)
        #expect(used == 6)
        #expect(b.rowsAsText() == ["    ₹1,299"])
    }

    @Test func controlCharactersBecomeSpaces() {
        var b = CellBuffer(width: 6, height: 1)
        b.write("a\tb\nc", row: 0, col: 0)
        #expect(b.rowsAsText() == ["a b c "])
    }

    @Test func writingOffTheLeftEdgeClips() {
        var b = CellBuffer(width: 4, height: 1)
        b.write("abcdef", row: 0, col: -2, ellipsis: "")
        #expect(b.rowsAsText() == ["cdef"])
    }

    @Test func boxWithTitle() {
        var b = CellBuffer(width: 12, height: 3)
        b.box(b.bounds, glyphs: .unicode, title: "Cart")
        #expect(b.rowsAsText() == ["┌─ Cart ───┐", "│          │", "└──────────┘"])
        var a = CellBuffer(width: 6, height: 3)
        a.box(a.bounds, glyphs: .ascii)
        #expect(a.rowsAsText() == ["+----+", "|    |", "+----+"])
    }

    @Test func lines() {
        var b = CellBuffer(width: 3, height: 3)
        b.hline(row: 1, col: 0, length: 3, glyphs: .ascii)
        b.vline(row: 0, col: 1, length: 3, glyphs: .ascii)
        #expect(b.rowsAsText() == [" | ", "-|-", " | "])
    }

    @Test func changedCellsListsOnlyDifferences() {
        var a = CellBuffer(width: 10, height: 3)
        a.write("hello", row: 0, col: 0)
        var b = a
        #expect(b.changedCells(from: a).isEmpty)
        b.write("help", row: 0, col: 0)
        #expect(b.changedCells(from: a) == [CellPosition(row: 0, col: 3)])
        b.write("x", row: 2, col: 9, style: .role(.error))
        #expect(b.changedCells(from: a) == [CellPosition(row: 0, col: 3), CellPosition(row: 2, col: 9)])
        var c = a
        c.restyle(row: 0, col: 0, width: 1, style: .role(.selected))
        #expect(c.changedCells(from: a) == [CellPosition(row: 0, col: 0)])
        let other = CellBuffer(width: 2, height: 2)
        #expect(other.changedCells(from: a).count == 4)
    }

    @Test func fillClipsToBuffer() {
        var b = CellBuffer(width: 3, height: 2)
        b.fill(Rect(row: -1, col: 1, width: 10, height: 2), with: "#")
        #expect(b.rowsAsText() == [" ##", "   "])
    }
}
