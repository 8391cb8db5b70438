import Testing

@testable import ShopTUI

/// Every wide cell is followed by its continuation, and no continuation stands alone.
func isConsistent(_ b: CellBuffer) -> Bool {
    for r in 0..<b.height {
        var c = 0
        while c < b.width {
            let cell = b[r, c]
            if cell.isContinuation { return false }
            if cell.width == 2 {
                if c + 1 >= b.width || !b[r, c + 1].isContinuation { return false }
                c += 2
            } else {
                c += 1
            }
        }
        if DisplayWidth.of(b.rowText(r)) != b.width { return false }
    }
    return true
}

@MainActor
@Suite struct RobustnessTests {
    @Test func anySizeRendersAConsistentGrid() {
        for width in [0, 1, 2, 5, 20, 39, 40, 41, 79, 80, 120, 200] {
            for height in [0, 1, 3, 11, 12, 24, 50] {
                for theme in [Theme.default, .plainASCII] {
                    let p = DemoProgram()
                    _ = p.handle(.char("?"))
                    let frame = TerminalRunner.composeFrame(program: p, width: width, height: height, theme: theme)
                    #expect(frame.tooSmall == (SizeClass.of(width: width, height: height) == .tooSmall))
                    #expect(isConsistent(frame.buffer), "\(width)x\(height)")
                }
            }
        }
    }

    @Test func mixedScriptsKeepTheGrid() {
        let samples = ["₹1,299 中文 👨‍👩‍👧 नमस्ते e\u{301} 🇮🇳 ❤️ 한국어", "\u{301}abc", "tab\there", "😀😀😀😀😀"]
        for s in samples {
            for width in 1...30 {
                for col in -3...width {
                    var b = CellBuffer(width: width, height: 1)
                    b.write("中文中文中文中文中文中文中文中文", row: 0, col: 0)
                    let used = b.write(s, row: 0, col: col, maxWidth: width)
                    #expect(used >= 0 && used <= width)
                    #expect(isConsistent(b), "\(s) at \(col) in \(width)")
                }
            }
        }
    }
}
