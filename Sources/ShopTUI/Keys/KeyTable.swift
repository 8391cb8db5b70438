/// The one table of key bindings of a screen: it maps keys to intents, and it is also what the footer
/// and the `?` help show, so a hint can never promise a key that does nothing.
public struct KeyTable<Intent: Sendable>: Sendable {
    public var bindings: [KeyBinding<Intent>]

    public init(_ bindings: [KeyBinding<Intent>]) {
        self.bindings = bindings
    }

    /// Several tables as one (a screen's keys, then the global ones). The first binding of a key wins.
    public init(_ tables: [KeyTable<Intent>]) {
        self.bindings = tables.flatMap(\.bindings)
    }

    /// The same bindings with their intents mapped (a screen's intents lifted into the app's).
    public func map<Other: Sendable>(_ transform: (Intent) -> Other) -> KeyTable<Other> {
        KeyTable<Other>(
            bindings.map {
                KeyBinding(
                    keys: $0.keys, label: $0.label, help: $0.help, inFooter: $0.inFooter, priority: $0.priority,
                    intent: transform($0.intent))
            })
    }

    /// Space between two footer hints.
    public static var hintSeparator: String { "  " }

    /// The intent bound to `key` (the first binding that lists it).
    public func intent(for key: Key) -> Intent? {
        bindings.first { $0.keys.contains(key) }?.intent
    }

    /// The binding that lists `key`.
    public func binding(for key: Key) -> KeyBinding<Intent>? {
        bindings.first { $0.keys.contains(key) }
    }

    /// Keys listed by more than one binding (a table mistake; tests assert there are none).
    public var conflictingKeys: [Key] {
        var seen: Set<Key> = []
        var dup: [Key] = []
        for b in bindings {
            for k in b.keys {
                if seen.contains(k), !dup.contains(k) { dup.append(k) }
                seen.insert(k)
            }
        }
        return dup
    }

    /// The footer hints that fit in `width` columns (hints joined by `hintSeparator`), in table order.
    /// When they do not all fit, the lowest-priority hints are dropped first.
    public func footerHints(width: Int, ascii: Bool = false) -> [FooterHint] {
        footerBindings(width: width, ascii: ascii).map(\.hint)
    }

    /// The footer hints that fit in `width` columns, each with the binding it stands for (what a click on the
    /// hint does).
    public func footerBindings(width: Int, ascii: Bool = false) -> [(hint: FooterHint, binding: KeyBinding<Intent>)] {
        var entries: [(index: Int, priority: Int, hint: FooterHint)] = []
        for (i, b) in bindings.enumerated() where b.inFooter {
            entries.append(
                (i, b.priority ?? (bindings.count - i), FooterHint(key: b.keyName(ascii: ascii), label: b.label)))
        }
        let sep = DisplayWidth.of(Self.hintSeparator)
        func total(_ list: [(index: Int, priority: Int, hint: FooterHint)]) -> Int {
            list.reduce(0) { $0 + $1.hint.width } + max(0, list.count - 1) * sep
        }
        while !entries.isEmpty, total(entries) > width {
            // Drop the lowest priority; among equals, the one furthest down the table.
            var drop = 0
            for (j, e) in entries.enumerated() {
                let d = entries[drop]
                if e.priority < d.priority || (e.priority == d.priority && e.index > d.index) { drop = j }
            }
            entries.remove(at: drop)
        }
        return entries.map { ($0.hint, bindings[$0.index]) }
    }

    /// The lines of the help overlay: every binding, keys then help text.
    /// One line per thing a key does: bindings that do the same thing (the same help) share a line, their keys
    /// joined as a binding's own are ("+/=", "q/ctrl-c"), where the first of them stands.
    public func helpLines(ascii: Bool = false) -> [HelpLine] {
        var lines: [HelpLine] = []
        var lineOfHelp: [String: Int] = [:]
        for binding in bindings {
            let keys = binding.keyName(ascii: ascii)
            if let index = lineOfHelp[binding.help] {
                lines[index].keys += "/" + keys
            } else {
                lineOfHelp[binding.help] = lines.count
                lines.append(HelpLine(keys: keys, help: binding.help))
            }
        }
        return lines
    }
}
