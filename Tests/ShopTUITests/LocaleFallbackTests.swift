import CNCurses
import Testing

@Suite struct LocaleFallbackTests {
    /// With no usable locale in the environment, the shim falls back to C.UTF-8 so `₹` draws as one cell.
    @Test func fallsBackToUTF8() {
        #expect(sf_setup_locale() == 1)
    }
}
