import ShopCore
import StorefrontAPI

/// Create an account (after the store answered that the number or address is new).
enum RegisterScreen {
    static let fields: [(Field, String)] = [
        (.registerFirstName, "First name"), (.registerLastName, "Last name"), (.registerEmail, "Email"),
        (.registerPhone, "Phone"),
    ]

    static func keys(_ ctx: ScreenContext) -> [KeyBinding<ShopIntent>] {
        [.key([.enter], "create account", "Create the account and send an OTP", priority: 50, .send(.select))]
    }

    static func draw(_ ctx: ScreenContext, into buffer: inout CellBuffer, rect: Rect) -> ScreenOutput {
        let width = min(rect.width, 60)
        let box = Rect(
            row: rect.row, col: rect.col + max(0, (rect.width - width) / 2), width: width, height: rect.height)
        Draw.title(into: &buffer, "Create your account", row: box.row, rect: box, theme: ctx.theme)
        let out = FormDrawing.draw(
            fields, ctx: ctx, into: &buffer,
            rect: Rect(row: box.row + 2, col: box.col, width: box.width, height: box.height - 2))
        return out
    }
}

/// Draws a column of labelled fields, scrolled so that the focused one shows.
enum FormDrawing {
    static func draw(
        _ fields: [(Field, String)], ctx: ScreenContext, into buffer: inout CellBuffer, rect: Rect, labelWidth: Int = 14
    ) -> ScreenOutput {
        guard rect.height > 0 else { return ScreenOutput() }
        let focusIndex = fields.firstIndex { $0.0 == ctx.focus } ?? 0
        let view = ListView(count: fields.count, selection: focusIndex, visibleRows: rect.height)
        var out = ScreenOutput()
        for (i, index) in view.visibleRange.enumerated() {
            let (field, label) = fields[index]
            if let caret = Draw.field(
                into: &buffer, row: rect.row + i, rect: rect, label: label, field: field, ctx: ctx,
                labelWidth: labelWidth)
            {
                out.cursor = caret
            }
        }
        return out
    }
}
