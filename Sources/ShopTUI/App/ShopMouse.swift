import ShopCore

/// A left click the shop remembers: where, and whether it opened what it hit.
struct MouseClick: Equatable {
    var row: Int
    var col: Int
    var opened: Bool
}

/// The mouse (`--mouse`): the wheel moves the selection; a left click on a list row selects it, and a click on
/// the selected row (or a double click) opens it as Enter does; a click on a footer hint does what the hint
/// says. What was hit comes from the last frame (``ShopApp/listRegion``, the footer's hints), so the screens'
/// layout is not repeated here.
extension ShopApp {
    func handleMouse(_ event: MouseEvent) -> ProgramCommand {
        switch event.kind {
        case .wheelUp:
            store.send(.moveSelection(by: -1))
        case .wheelDown:
            store.send(.moveSelection(by: 1))
        case .press:
            pressed = event
            return .continue
        case .release:
            // ncurses reports a click as its release alone, or as a press then a release (a slow click); a
            // release away from its press is a drag, not a click.
            defer { pressed = nil }
            if let press = pressed, press.row != event.row || press.col != event.col { return .continue }
            return click(event, double: false)
        case .click:
            return click(event, double: false)
        case .doubleClick:
            // The first click of the pair may have opened the row already (it was selected): not twice.
            if let first = lastClick, first.row == event.row, first.col == event.col, first.opened {
                lastClick = nil
                return .continue
            }
            return click(event, double: true)
        case .rightClick, .other:
            break
        }
        return .continue
    }

    private func click(_ event: MouseEvent, double: Bool) -> ProgramCommand {
        lastClick = MouseClick(row: event.row, col: event.col, opened: false)
        if let footer = footerTargets, footer.row == event.row {
            guard let hint = footer.hints.first(where: { $0.cols.contains(event.col) }) else { return .continue }
            return perform(hint.intent)
        }
        guard let region = listRegion, let index = region.index(row: event.row, col: event.col) else {
            return .continue
        }
        // A click on the list leaves the search (or code) field being typed into; the text stays.
        if state.focus != nil, state.formFields.isEmpty { perform(.stopTyping) }
        if index != region.selection {
            store.send(.moveSelection(by: index - region.selection))
            // Until the next frame (a double click can come in the same read), the list shows `index` selected.
            listRegion?.selection = index
            if !double { return .continue }
        }
        lastClick?.opened = true
        guard let open = keyTable.intent(for: .enter) else { return .continue }
        return perform(open)
    }
}
