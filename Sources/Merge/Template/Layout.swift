// The small, inline-styled HTML page around a template's body: mail clients drop <style>
// elements, so every rule sits on its element.

enum Layout {
    static func html(_ body: String) -> String {
        let styled = body
            .replacingOccurrences(of: "<p>", with: "<p style=\"margin:0 0 1em 0\">")
            .replacingOccurrences(of: "<h1>", with: "<h1 style=\"font-size:22px;margin:0 0 0.8em 0;color:#1f3a5f\">")
            .replacingOccurrences(of: "<h2>", with: "<h2 style=\"font-size:18px;margin:1.2em 0 0.6em 0;color:#1f3a5f\">")
            .replacingOccurrences(of: "<a href=", with: "<a style=\"color:#1f5fa8\" href=")
            .replacingOccurrences(of: "<ul>", with: "<ul style=\"margin:0 0 1em 1.2em;padding:0\">")
        return """
            <!DOCTYPE html>
            <html lang="cs"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>
            <body style="margin:0;padding:0;background:#f4f5f7">
            <div style="max-width:640px;margin:0 auto;padding:24px;background:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#222222">
            \(styled)
            </div>
            </body></html>

            """
    }
}
