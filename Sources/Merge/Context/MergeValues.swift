// Merge values that render the Czech way and take transforms: numbers, money, dates.

import CRM
import Mustache

/// A number: `{{employees}}` → `1 234,5`; `{{money(turnover)}}` → `1 234,50 Kč`;
/// `{{number(x)}}` the same as the plain field.
struct MergeNumber: MustacheCustomRenderable, MustacheTransformable, MustacheParent {
    let value: Double
    /// A number has no fields; saying so spares the renderer a reflection of the value.
    func child(named: String) -> Any? { nil }
    var renderText: String { CzechFormat.number(value) }
    var isNull: Bool { false }

    func transform(_ name: String) -> Any? {
        switch name {
        case "money": return CzechFormat.money(value)
        case "number": return CzechFormat.number(value)
        default: return nil
        }
    }
}

/// A day: `{{today}}` → `29. listopadu 2026`; `{{short(today)}}` → `29. 11. 2026`;
/// `{{iso(today)}}` → `2026-11-29`.
struct MergeDate: MustacheCustomRenderable, MustacheTransformable, MustacheParent {
    let date: CivilDate
    /// A date has no fields; saying so spares the renderer a reflection of the value.
    func child(named: String) -> Any? { nil }
    var renderText: String { CzechFormat.longDate(date) }
    var isNull: Bool { false }

    func transform(_ name: String) -> Any? {
        switch name {
        case "long": return CzechFormat.longDate(date)
        case "short": return CzechFormat.shortDate(date)
        case "iso": return date.iso
        default: return nil
        }
    }
}

/// A group of fields (`person`, `firm` …, and the whole context). A concrete type rather than
/// a `[String: Any]`: the renderer asks every value it meets whether it is a parent, and a
/// plain type answers that faster than a dictionary's conditional conformance.
struct MergeFields: MustacheParent {
    let fields: [String: Any]

    init(_ fields: [String: Any]) { self.fields = fields }

    func child(named name: String) -> Any? { fields[name] }
}
