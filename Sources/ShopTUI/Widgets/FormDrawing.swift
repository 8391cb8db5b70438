import ShopCore
import StorefrontAPI

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
