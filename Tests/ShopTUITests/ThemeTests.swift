import Testing

@testable import ShopTUI

@Suite struct ThemeTests {
    @Test func noColorEnvironmentWins() {
        #expect(ColorMode.decide(environment: ["NO_COLOR": "1"], noColorFlag: false, terminalHasColors: true) == .none)
        #expect(ColorMode.decide(environment: ["NO_COLOR": ""], noColorFlag: false, terminalHasColors: true) == .color)
        #expect(ColorMode.decide(environment: [:], noColorFlag: true, terminalHasColors: true) == .none)
        #expect(ColorMode.decide(environment: [:], noColorFlag: false, terminalHasColors: false) == .monochrome)
    }

    @Test func selectionStaysVisibleWithoutColour() {
        for mode in [ColorMode.none, .monochrome] {
            let t = Theme(colorMode: mode, glyphs: .ascii)
            let r = t.resolve(.role(.selected))
            #expect(r.attributes.contains(.reverse))
            #expect(r.fg == .default && r.bg == .default)
            #expect(t.resolve(Style(role: .price, fg: .red)).fg == .default)
        }
    }

    @Test func explicitColoursOverrideTheRoleInColour() {
        let t = Theme(colorMode: .color)
        let r = t.resolve(Style(role: .price, fg: .red).underline)
        #expect(r.fg == .red)
        #expect(r.attributes.contains(.bold) && r.attributes.contains(.underline))
    }

    @Test func everyRoleIsDistinctFromNormalInColour() {
        let t = Theme(colorMode: .color)
        for role in Role.allCases where role != .normal {
            #expect(t.resolve(.role(role)) != t.resolve(.role(.normal)), "\(role)")
        }
    }

    @Test func glyphSetsHaveSingleColumnLineArt() {
        for g in [GlyphSet.unicode, .ascii] {
            for s in [g.horizontal, g.vertical, g.topLeft, g.topRight, g.bottomLeft, g.bottomRight] {
                #expect(DisplayWidth.of(s) == 1, "\(s)")
            }
            #expect(!g.spinnerFrames.isEmpty)
        }
        #expect(GlyphSet.ascii.horizontal.allSatisfy { $0.isASCII })
        // A cut text ends in "…", or in ASCII "..." (a lone "~" read as part of the word).
        #expect(GlyphSet.unicode.ellipsis == "…")
        #expect(GlyphSet.ascii.ellipsis == "...")
    }
}
