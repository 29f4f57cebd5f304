// The public end of a campaign message's unsubscribe link, no login: GET shows a page with one
// button (mail scanners open links, so looking changes nothing); POST with
// `List-Unsubscribe=One-Click` unsubscribes — a mail provider's one-click request straight from
// the message (RFC 8058) or that button. Every answer is the same for every person: a forged
// token gets "not valid", a genuine one "done", whether or not anything was left to change.

import Hummingbird
import Workspace

extension Site {
    func addUnsubscribe(to router: Router<WebContext>) {
        router.get("unsubscribe/:token") { _, context -> Response in
            let token = try Site.parameter(context, "token")
            let state = try await run { try $0.unsubscribe.check(token: token) }
            guard state == .valid else { return unsubscribePage(.invalid, context: context) }
            return renderer.page("unsubscribe", title: renderer.text["unsubscribe.title"], values: ["ask": true, "token": token],
                                 context: context, csrf: "")
        }
        router.post("unsubscribe/:token") { request, context -> Response in
            let token = try Site.parameter(context, "token")
            let form = try await FormFields.body(of: request, limit: 4 * 1024)
            guard form["List-Unsubscribe"] == "One-Click" else {
                throw HTTPError(.badRequest, message: "an unsubscribe request carries List-Unsubscribe=One-Click (RFC 8058)")
            }
            // The confirmation page's button says so; a mail provider's POST does not.
            let oneClick = form["confirmed"] != "page"
            let outcome = try await run { try $0.unsubscribe.confirm(token: token, oneClick: oneClick) }
            return unsubscribePage(outcome, context: context)
        }
    }

    private func unsubscribePage(_ outcome: UnsubscribeOutcome, context: WebContext) -> Response {
        let (key, status): (String, HTTPResponse.Status)
        switch outcome {
        case .unsubscribed, .alreadyUnsubscribed: (key, status) = ("done", .ok)
        case .preview: (key, status) = ("preview", .ok)
        case .invalid: (key, status) = ("invalid", .notFound)
        }
        return renderer.page("unsubscribe", title: renderer.text["unsubscribe.title"], values: [key: true], context: context, csrf: "",
                             status: status)
    }
}
