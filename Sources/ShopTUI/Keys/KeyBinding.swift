/// One row of a key table: the keys, the short footer label, the help sentence, and what it does.
public struct KeyBinding<Intent: Sendable>: Sendable {
    public var keys: [Key]
    public var label: String
    public var help: String
    public var inFooter: Bool
    /// Higher stays longer in a narrow footer. Defaults to the table order (first = highest).
    public var priority: Int?
    public var intent: Intent

    public init(
        keys: [Key], label: String, help: String, inFooter: Bool = true, priority: Int? = nil, intent: Intent
    ) {
        self.keys = keys
        self.label = label
        self.help = help
        self.inFooter = inFooter
        self.priority = priority
        self.intent = intent
    }

    /// "↑/k", "enter", "q".
    public func keyName(ascii: Bool = false) -> String {
        Key.displayName(of: keys, ascii: ascii)
    }
}

/// One hint of the footer: "enter add".
public struct FooterHint: Sendable, Hashable {
    public var key: String
    public var label: String
    public init(key: String, label: String) {
        self.key = key
        self.label = label
    }
    public var width: Int { DisplayWidth.of(key) + 1 + DisplayWidth.of(label) }
}

/// One line of the `?` help: keys and what they do.
public struct HelpLine: Sendable, Hashable {
    public var keys: String
    public var help: String
    public init(keys: String, help: String) {
        self.keys = keys
        self.help = help
    }
}
