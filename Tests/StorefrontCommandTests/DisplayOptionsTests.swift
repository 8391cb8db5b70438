import ArgumentParser
import Testing

@testable import storefront

/// `--hyperlinks` / `--no-hyperlinks` reach the terminal's options; without them the terminal is guessed.
@Suite struct DisplayOptionsTests {
    @Test func theHyperlinkFlagsOverrideTheGuess() throws {
        #expect(try DisplayOptions.parse(["--hyperlinks"]).terminalOptions.hyperlinks == true)
        #expect(try DisplayOptions.parse(["--no-hyperlinks"]).terminalOptions.hyperlinks == false)
        #expect(try DisplayOptions.parse([]).terminalOptions.hyperlinks == nil)
        #expect(try ShopCommand.parse(["--no-hyperlinks", "--ascii"]).display.terminalOptions.hyperlinks == false)
    }
}
