/// How much colour the app may use.
public enum ColorMode: String, Sendable, Hashable {
    /// Colours (the terminal has them and the user did not opt out).
    case color
    /// The terminal has no colours: attributes only (bold, reverse, underline, dim).
    case monochrome
    /// The user asked for no colour (`NO_COLOR` or `--no-color`): attributes only.
    case none

    /// Decides from the environment, the command line and what the terminal can do.
    /// `NO_COLOR` counts when it is set to a non-empty value (https://no-color.org).
    public static func decide(
        environment: [String: String], noColorFlag: Bool, terminalHasColors: Bool
    ) -> ColorMode {
        if noColorFlag { return .none }
        if let v = environment["NO_COLOR"], !v.isEmpty { return .none }
        return terminalHasColors ? .color : .monochrome
    }
}
