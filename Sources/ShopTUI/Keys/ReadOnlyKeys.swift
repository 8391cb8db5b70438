import ShopCore

extension KeyTable where Intent == ShopIntent {
    /// In read-only mode, the keys that would change something stay bound (pressing one shows "Read-only: …
    /// is disabled") but leave the footer, and the `?` help marks them. Outside read-only mode, the table as
    /// it is. The reducer decides what is a change (``Reducer/mutation(_:in:)``), so keys and refusals agree.
    func readOnly(in state: State) -> KeyTable<ShopIntent> {
        guard state.readOnly != nil else { return self }
        return KeyTable(
            bindings.map { binding in
                guard case .send(let action) = binding.intent, Reducer.mutation(action, in: state) != nil else {
                    return binding
                }
                var marked = binding
                marked.inFooter = false
                marked.help = "(read-only, disabled) " + binding.help
                return marked
            })
    }
}
