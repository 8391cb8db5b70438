import Testing

@testable import ShopTUI

@Suite struct LayoutTests {
    @Test func standardRows() {
        let l = ScreenLayout(width: 80, height: 24)
        #expect(l.header == Rect(row: 0, col: 0, width: 80, height: 1))
        #expect(l.content == Rect(row: 2, col: 0, width: 80, height: 20))
        #expect(l.notice == Rect(row: 22, col: 0, width: 80, height: 1))
        #expect(l.footer == Rect(row: 23, col: 0, width: 80, height: 1))
        #expect(l.sizeClass == .regular)
    }

    @Test func contentIsCappedAndCentred() {
        let l = ScreenLayout(width: 160, height: 40, maxContentWidth: 100)
        #expect(l.content.col == 30 && l.content.width == 100)
        #expect(l.sizeClass == .wide)
    }

    @Test func tinySizesDoNotGoNegative() {
        for h in 0...4 {
            let l = ScreenLayout(width: 10, height: h)
            #expect(l.content.height >= 0 && l.content.bottom <= max(h, 0))
        }
    }

    @Test func breadcrumbsHighlightTheCurrentStep() {
        var b = CellBuffer(width: 40, height: 1)
        let used = Breadcrumbs.draw(
            into: &b, steps: ["cart", "address", "payment", "done"], current: 2, row: 0, col: 0, maxWidth: 40,
            theme: .default)
        #expect(b.rowsAsText() == ["cart › address › payment › done         "])
        #expect(used == 31)
        #expect(b[0, 17].style == Style.role(.accent).bold)
    }

    @Test func breadcrumbsDropEarlierStepsWhenNarrow() {
        var b = CellBuffer(width: 20, height: 1)
        Breadcrumbs.draw(
            into: &b, steps: ["cart", "address", "payment", "done"], current: 2, row: 0, col: 0, maxWidth: 20,
            theme: .plainASCII)
        #expect(b.rowsAsText() == ["... > payment > done"])
    }
}
