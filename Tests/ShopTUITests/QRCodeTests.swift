import Testing

@testable import ShopTUI

@Suite struct QRCodeTests {
    static let url = "https://pay.example.com/checkout/ord_123?amount=129900"

    /// True when a 7×7 finder pattern starts at (r, c): dark ring, light ring, dark 3×3 centre.
    func isFinder(_ m: [[Bool]], _ r: Int, _ c: Int) -> Bool {
        for y in 0..<7 {
            for x in 0..<7 {
                let ring = max(abs(y - 3), abs(x - 3))
                let dark = ring != 2
                if m[r + y][c + x] != dark { return false }
            }
        }
        return true
    }

    @Test func moduleMatrixHasFinderPatterns() throws {
        let m = try #require(QRCode.modules(for: Self.url, quietZone: 2))
        let n = m.count - 4
        #expect((n - 17) % 4 == 0, "QR sizes are 21, 25, 29, …")
        #expect(isFinder(m, 2, 2))
        #expect(isFinder(m, 2, 2 + n - 7))
        #expect(isFinder(m, 2 + n - 7, 2))
        #expect(!isFinder(m, 2 + n - 7, 2 + n - 7))
        // Quiet zone is light.
        #expect(m[0].allSatisfy { !$0 } && m[1].allSatisfy { !$0 })
    }

    @Test func halfBlockLinesRoundTrip() throws {
        let m = try #require(QRCode.modules(for: Self.url))
        let lines = try #require(QRCode.lines(for: Self.url, ascii: false))
        #expect(lines.count == (m.count + 1) / 2)
        for (i, line) in lines.enumerated() {
            #expect(DisplayWidth.of(line) == m.count)
            for (x, ch) in line.enumerated() {
                let topLight = ch == "█" || ch == "▀"
                let bottomLight = ch == "█" || ch == "▄"
                #expect(topLight == !m[2 * i][x])
                if 2 * i + 1 < m.count { #expect(bottomLight == !m[2 * i + 1][x]) }
            }
        }
    }

    @Test func asciiLinesUseTwoColumnsPerModule() throws {
        let m = try #require(QRCode.modules(for: "hello"))
        let lines = try #require(QRCode.lines(for: "hello", ascii: true))
        #expect(lines.count == m.count)
        #expect(lines.allSatisfy { $0.count == 2 * m.count && $0.allSatisfy { $0 == "#" || $0 == " " } })
        // The first row is all quiet zone (light = "##").
        #expect(lines[0] == String(repeating: "##", count: m.count))
    }

    @Test func emptyTextHasNoCode() {
        #expect(QRCode.lines(for: "", ascii: false) == nil)
    }
}

@Suite struct QRViewTests {
    @Test func drawsWhenItFits() throws {
        let url = "https://pay.example/o/42"
        let size = try #require(QRView.size(for: url, theme: .default))
        var b = CellBuffer(width: size.width + 4, height: size.height + 2)
        let rect = try #require(QRView.draw(url, into: &b, row: 1, col: 2, theme: .default))
        #expect(rect == Rect(row: 1, col: 2, width: size.width, height: size.height))
        let lines = try #require(QRCode.lines(for: url, ascii: false))
        #expect(b.rowText(1).dropFirst(2).prefix(size.width) == Substring(lines[0]))
        #expect(b[1, 2].style == Style(fg: .white, bg: .black))
    }

    @Test func refusesWhenTooSmall() {
        var b = CellBuffer(width: 10, height: 5)
        #expect(QRView.draw("https://pay.example/o/42", into: &b, row: 0, col: 0, theme: .default) == nil)
        #expect(b == CellBuffer(width: 10, height: 5))
    }
}
