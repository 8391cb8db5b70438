import ShopCore

extension KeyTable where Intent == ShopIntent {
    /// In read-only mode, the keys that would change something stay bound (pressing one shows "Read-only: …
    /// is disabled") but leave the footer, and the `?` help marks them; in a support view so do the keys that
    /// would open the viewer's own screens (wishlist, orders, account, log in). Outside read-only mode, the
    /// table as it is. The reducer decides what is refused (``Reducer/outsideSupportView(_:in:)``,
    /// ``Reducer/mutation(_:in:)``), so keys and refusals agree.
    func readOnly(in state: State) -> KeyTable<ShopIntent> {
        guard state.readOnly != nil else { return self }
        return KeyTable(
            bindings.map { binding in
                guard case .send(let action) = binding.intent else { return binding }
                let mark: String
                if Reducer.outsideSupportView(action, in: state) {
                    mark = "(support view, not available) "
                } else if Reducer.mutation(action, in: state) != nil {
                    mark = "(read-only, disabled) "
                } else {
                    return binding
                }
                var marked = binding
                marked.inFooter = false
                marked.help = mark + binding.help
                return marked
            })
    }
}
