// The correspondence desk's campaigns: create one from a template and a segment, look at any
// recipient's message as it will go, render, test-send, send with the progress pushed to the
// page, pause and resume — the same use cases, journal and exactly-once promise as
// `kontakt campaign`. A send runs on the server's own thread (CampaignJobs), so closing the tab
// loses nothing; a separate `kontakt campaign send` of the same campaign is refused by its lease,
// and its progress shows here just the same (the page reads the journal, not the sender).

import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ServiceLifecycle
import Store
import Workspace

extension Site {
    func addCampaigns(to pages: RouterGroup<WebContext>) {
        pages.get("campaigns") { request, context -> Response in
            let archived = FormFields(query: request)["archived"] == "1"
            let listed = try await run { workspace in
                try workspace.campaigns.list(includingArchived: archived).map { ($0, try workspace.campaigns.status(name: $0.name)) }
            }
            let rows = listed.map { summary, status in
                Presentation.compact(["name": summary.name, "href": "/campaigns/" + Query.escape(summary.name),
                                      "created": summary.createdAt, "archived": summary.archivedAt,
                                      "sent": String(status.count(.sent)), "total": String(Self.total(status)),
                                      "channel": renderer.text["campaign.channel." + status.campaign.channel.rawValue]])
            }
            return try await page("campaigns", title: renderer.text["campaigns.title"], values: ["campaigns": rows, "archived": archived],
                                  context: context, nav: "Campaigns")
        }
        pages.get("campaigns/new") { request, context -> Response in
            try await newCampaignPage(draft: FormFields(query: request), context: context)
        }
        pages.post("campaigns") { request, context -> Response in
            let form = try await forms.checkedForm(request, context: context)
            let principal = try context.principal
            do {
                guard let template = mailTemplates.first(where: { $0.name == form["template"] }) else {
                    throw WorkspaceError.invalid(field: "template", renderer.text["campaign.pickTemplate"])
                }
                let segment: SegmentChoice
                if let saved = form.text("segment") { segment = .saved(saved) } else if let expression = form.text("expression") {
                    segment = .expression(expression)
                } else {
                    throw WorkspaceError.invalid(field: "segment", renderer.text["campaign.pickSegment"])
                }
                let channel = CampaignChannel(rawValue: form["channel"] ?? "email") ?? .email
                let draft = CampaignDraft(name: form.text("name") ?? "", template: template.path, segment: segment,
                                          referent: form.text("referent") ?? principal.referent ?? "", channel: channel)
                let created = try await run { try $0.campaigns.create(draft, by: principal) }
                return .redirect(to: "/campaigns/" + Query.escape(created.name), type: .normal)
            } catch {
                let failure = Failure(error)
                guard failure.kind != .forbidden, failure.kind != .failed else { throw error }
                return try await newCampaignPage(draft: form, context: context, error: failure.message)
            }
        }
        pages.get("campaigns/:name") { request, context -> Response in
            let name = try Site.parameter(context, "name")
            let after = FormFields(query: request)["after"].flatMap { Int64($0) } ?? 0
            return try await campaignPage(name: name, after: after, context: context, message: FormFields(query: request)["done"].map { renderer.text["campaign.done." + $0] })
        }
        pages.post("campaigns/:name/render") { request, context -> Response in
            let name = try Site.parameter(context, "name")
            _ = try await forms.checkedForm(request, context: context)
            let principal = try context.principal
            let (outbox, folders) = (configuration.outbox, configuration.labelSheetFolders)
            return try await acting(name, context: context) {
                _ = try await run { try $0.campaigns.render(name: name, outbox: outbox, labelSheetNamed: "3x8-70x37", sheetFolders: folders, by: principal) }
                return "rendered"
            }
        }
        pages.post("campaigns/:name/test") { request, context -> Response in
            let name = try Site.parameter(context, "name")
            let form = try await forms.checkedForm(request, context: context)
            let principal = try context.principal
            let (outbox, credential) = (configuration.outbox, configuration.smtpCredential)
            return try await acting(name, context: context) {
                let to = form.text("to") ?? ""
                _ = try await run { try $0.campaigns.sendTest(name: name, to: to, outbox: outbox, credential: credential, by: principal) }
                return "tested"
            }
        }
        pages.post("campaigns/:name/send") { request, context -> Response in
            let name = try Site.parameter(context, "name")
            _ = try await forms.checkedForm(request, context: context)
            let principal = try context.principal
            return try await acting(name, context: context) {
                try await startSend(name, by: principal)
                return "started"
            }
        }
        pages.post("campaigns/:name/pause") { request, context -> Response in
            let name = try Site.parameter(context, "name")
            _ = try await forms.checkedForm(request, context: context)
            let principal = try context.principal
            return try await acting(name, context: context) {
                try await run { try $0.campaigns.pause(name: name, by: principal) }
                return "paused"
            }
        }
        pages.get("campaigns/:name/progress") { _, context -> Response in
            let name = try Site.parameter(context, "name")
            return try await progressStream(name)
        }
        pages.get("campaigns/:name/recipients/:id") { _, context -> Response in
            let name = try Site.parameter(context, "name")
            let id = try Site.id(context)
            return try await recipientPage(name: name, personId: id, context: context)
        }
        pages.get("campaigns/:name/recipients/:id/message.eml") { _, context -> Response in
            let (name, id) = (try Site.parameter(context, "name"), try Site.id(context))
            let outbox = configuration.outbox
            guard let bytes = try await run({ try $0.campaigns.recipient(name: name, personId: id, outbox: outbox).bytes }) else { throw HTTPError(.notFound) }
            return Response(status: .ok, headers: [.contentType: "message/rfc822", .contentDisposition: "attachment; filename=\"\(id).eml\""],
                            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
        pages.get("campaigns/:name/recipients/:id/part.html") { _, context -> Response in
            let (name, id) = (try Site.parameter(context, "name"), try Site.id(context))
            let outbox = configuration.outbox
            guard let html = try await run({ try $0.campaigns.recipient(name: name, personId: id, outbox: outbox).parts?.html }) else {
                throw HTTPError(.notFound)
            }
            // The message's own HTML, as a mail client shows it: in a sandbox (no script, no
            // same-origin rights, no forms), its inline styles allowed, nothing fetched.
            return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", SecurityHeaders<WebContext>.sandboxMarker: "1"],
                            body: .init(byteBuffer: ByteBuffer(string: html)))
        }
        for file in ["letters.pdf", "labels.pdf"] {
            pages.get("campaigns/:name/\(file)") { _, context -> Response in
                let name = try Site.parameter(context, "name")
                let outbox = configuration.outbox
                // The journal names the folder; the file name is one of these two, never a request's.
                guard let data = try await run({ workspace -> Data? in
                    let campaign = try workspace.campaigns.campaign(name: name)
                    return FileManager.default.contents(atPath: outbox + "/" + campaign.name + "/" + file)
                }) else { throw HTTPError(.notFound) }
                return Response(status: .ok, headers: [.contentType: "application/pdf", .contentDisposition: "attachment; filename=\"\(file)\""],
                                body: .init(byteBuffer: ByteBuffer(bytes: data)))
            }
        }
    }

    /// Every recipient the journal holds.
    static func total(_ status: CampaignStatus) -> Int { status.counts.values.reduce(0, +) }

    /// Runs a campaign action and goes back to its page, with the outcome's sentence or the error.
    private func acting(_ name: String, context: WebContext, _ action: () async throws -> String) async throws -> Response {
        do {
            let done = try await action()
            return .redirect(to: "/campaigns/\(Query.escape(name))?done=\(done)", type: .normal)
        } catch {
            let failure = Failure(error)
            guard failure.kind != .forbidden, failure.kind != .notFound else { throw error }
            return try await campaignPage(name: name, after: 0, context: context, error: failure.message, status: Site.status(of: failure.kind))
        }
    }

    /// Starts sending on the server's own thread, unless a sender (here or in another process) has it.
    private func startSend(_ name: String, by principal: Principal) async throws {
        let status = try await run { try $0.campaigns.status(name: name) }
        if let holder = status.running, !jobs.isRunning(name) {
            throw WorkspaceError.conflict(String(format: renderer.text["campaign.heldBy"], String(holder.process), holder.host))
        }
        guard Self.total(status) > 0 else { throw WorkspaceError.conflict(renderer.text["campaign.notRendered"]) }
        var request = CampaignSendRequest(campaign: name, outbox: configuration.outbox)
        request.credential = configuration.smtpCredential
        let workspace = self.workspace, text = renderer.text
        let prepared = request
        let started = jobs.start(name) { interruption in
            var request = prepared
            request.interruption = interruption
            do {
                let summary = try workspace.campaigns.send(request, by: principal)
                let p = summary.progress
                var sentence = String(format: text["campaign.ended"], p.sent, p.deferred, p.failed)
                if let stop = summary.stop { sentence += " " + text["campaign.stopped"] + " \(stop)." }
                return sentence
            } catch {
                return Failure(error).message
            }
        }
        if !started { throw WorkspaceError.conflict(renderer.text["campaign.alreadySending"]) }
    }

    private func newCampaignPage(draft: FormFields, context: WebContext, error: String? = nil) async throws -> Response {
        let principal = try context.principal
        let (segments, referents) = try await run { (try $0.segments.saved(), try $0.catalog.referents()) }
        let own = principal.referent
        let isAdmin = principal.isAdmin
        let chosenReferent = draft["referent"] ?? own ?? ""
        let channel = draft["channel"] ?? "email"
        let values: [String: Any] = [
            "templates": mailTemplates.map { ["name": $0.name, "selected": $0.name == draft["template"]] as [String: Any] },
            "hasTemplates": !mailTemplates.isEmpty,
            "segments": segments.map { ["name": $0.name, "selected": $0.name == draft["segment"]] as [String: Any] },
            "referents": referents.filter { $0.active && (isAdmin || $0.code == own) }
                .map { ["code": $0.code, "name": $0.name, "selected": $0.code == chosenReferent] as [String: Any] },
            "channels": ["email", "letter", "auto"].map { ["value": $0, "label": renderer.text["campaign.channel." + $0], "selected": $0 == channel] as [String: Any] },
            "name": draft["name"] ?? "", "expression": draft["expression"] ?? "", "error": error ?? Blank(),
        ]
        return try await page("campaignNew", title: renderer.text["campaign.new"], values: values, context: context, nav: "Campaigns",
                              status: error == nil ? .ok : .unprocessableContent)
    }

    private func campaignPage(name: String, after: Int64, context: WebContext, message: String? = nil, error: String? = nil,
                              status httpStatus: HTTPResponse.Status = .ok) async throws -> Response {
        let (status, recipients) = try await run { workspace in
            (try workspace.campaigns.status(name: name), try workspace.campaigns.recipients(name: name, afterPerson: after, limit: 50))
        }
        let campaign = status.campaign
        let escaped = Query.escape(campaign.name)
        let total = Self.total(status)
        let rows: [[String: Any]] = recipients.map { entry in
            Presentation.compact(["href": "/campaigns/\(escaped)/recipients/\(entry.personId)", "person": String(entry.personId),
                                  "email": entry.email, "state": renderer.text["campaign.state." + entry.state.rawValue],
                                  "reason": entry.reason ?? entry.reply, "subject": entry.subject])
        }
        var values: [String: Any] = Presentation.compact([
            "name": campaign.name, "escaped": escaped, "template": campaign.templatePath.split(separator: "/").last.map(String.init),
            "segment": campaign.segmentName, "expression": campaign.expression, "referent": campaign.referent,
            "channel": renderer.text["campaign.channel." + campaign.channel.rawValue], "created": campaign.createdAt,
            "message": message, "error": error, "ending": jobs.ending(campaign.name), "nextRetry": status.nextRetry,
        ])
        values["progress"] = progressValues(status, rate: nil)
        values["recipients"] = rows
        values["failures"] = status.failures.map { failure in
            Presentation.compact(["person": String(failure.personId), "email": failure.email, "state": renderer.text["campaign.state." + failure.state.rawValue],
                                  "attempts": String(failure.attempts), "reply": failure.reply])
        }
        values["hasFailures"] = !status.failures.isEmpty
        values["nextPage"] = recipients.count == 50 ? "/campaigns/\(escaped)?after=\(recipients.last!.personId)" : Blank()
        values["hasLetters"] = campaign.channel != .email && total > 0
        values["canRender"] = status.count(.sent) + status.count(.sending) + status.count(.deferred) + status.count(.failed) == 0 && status.archivedAt == nil
        values["canSend"] = status.count(.rendered) + status.count(.deferred) + status.count(.sending) > 0 && status.archivedAt == nil
        values["canPause"] = status.running != nil && !status.paused
        return try await page("campaign", title: renderer.text["campaign.title"] + " " + campaign.name, values: values, context: context,
                              nav: "Campaigns", status: httpStatus)
    }

    /// The figures the page shows and the stream sends: counts, the bar, the rate and ETA.
    func progressValues(_ status: CampaignStatus, rate: Double?) -> [String: Any] {
        let total = Self.total(status)
        let done = status.count(.sent) + status.count(.failed) + status.count(.skipped)
        let left = status.count(.rendered) + status.count(.sending) + status.count(.deferred)
        let state: String
        if status.running != nil { state = status.paused ? "pausing" : "sending" } else if status.paused { state = "paused" }
        else if total == 0 { state = "new" } else if left == 0 { state = "finished" } else if status.count(.rendered) == total - status.count(.skipped) { state = "rendered" }
        else { state = "stopped" }
        var values: [String: Any] = [
            "total": String(total), "done": String(done), "sent": String(status.count(.sent)), "deferred": String(status.count(.deferred)),
            "failed": String(status.count(.failed)), "skipped": String(status.count(.skipped)), "left": String(left),
            "inFlight": String(status.count(.sending)), "state": state, "stateText": renderer.text["campaign.progress." + state],
            "rate": rate.map { String(format: "%.1f", $0) } ?? "–",
            "eta": rate.flatMap { $0 > 0 && left > 0 ? Self.duration(Double(left) / $0) : nil } ?? "–",
        ]
        values["running"] = status.running != nil
        return values
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        return whole >= 3600 ? String(format: "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60) : String(format: "%d:%02d", whole / 60, whole % 60)
    }

    /// `event: progress` once a second while anything moves (and at once), as JSON the page's
    /// script writes into its figures with textContent; the rate is over the last ten seconds.
    private func progressStream(_ name: String) async throws -> Response {
        let first = try await run { try $0.campaigns.status(name: name) }
        let workspace = self.workspace
        let lifetime = configuration.live.lifetime
        let body = ResponseBody { writer in
            var samples: [(at: ContinuousClock.Instant, sent: Int)] = [(ContinuousClock.now, first.count(.sent))]
            var last = ""
            let start = ContinuousClock.now
            var sinceWrite = ContinuousClock.now
            do {
                try await writer.write(ByteBuffer(string: "retry: 5000\n\n"))
                var status = first
                while ContinuousClock.now - start < .seconds(lifetime), !Task.isShuttingDownGracefully {
                    let now = ContinuousClock.now
                    samples.append((now, status.count(.sent)))
                    while samples.count > 2, now - samples[0].at > .seconds(10) { samples.removeFirst() }
                    let span = samples.last!.at - samples.first!.at
                    let seconds = Double(span.components.seconds) + Double(span.components.attoseconds) / 1e18
                    let rate = seconds > 0.5 ? Double(samples.last!.sent - samples.first!.sent) / seconds : nil
                    let json = Self.progressJSON(progressValues(status, rate: status.running == nil ? nil : rate))
                    if json != last {
                        try await writer.write(ByteBuffer(string: "event: progress\ndata: \(json)\n\n"))
                        last = json
                        sinceWrite = now
                    } else if now - sinceWrite > .seconds(25) {
                        try await writer.write(ByteBuffer(string: ": \n\n"))
                        sinceWrite = now
                    }
                    for _ in 0 ..< 4 where !Task.isShuttingDownGracefully { try await Task.sleep(for: .milliseconds(250)) }
                    status = try await blocking { try workspace.campaigns.status(name: name) }
                }
            } catch {
                // Cancelled (shutdown, the tab closed) or the database went away: the stream ends.
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"], body: body)
    }

    static func progressJSON(_ values: [String: Any]) -> String {
        let keys = ["total", "done", "sent", "deferred", "failed", "skipped", "left", "inFlight", "state", "stateText", "rate", "eta"]
        return "{" + keys.map { key in "\"\(key)\":" + JSONValue.string(values[key] as? String ?? "").text }.joined(separator: ",")
            + ",\"running\":" + ((values["running"] as? Bool) == true ? "true" : "false") + "}"
    }

    private func recipientPage(name: String, personId: Int64, context: WebContext) async throws -> Response {
        let outbox = configuration.outbox
        let recipient = try await run { try $0.campaigns.recipient(name: name, personId: personId, outbox: outbox) }
        let (entry, message, parts) = (recipient.entry, recipient.bytes, recipient.parts)
        let escaped = Query.escape(name)
        var values: [String: Any] = Presentation.compact([
            "name": name, "escaped": escaped, "person": String(personId), "email": entry.email,
            "state": renderer.text["campaign.state." + entry.state.rawValue], "reason": entry.reason, "reply": entry.reply,
            "subject": entry.subject, "text": parts?.text,
            "salutation": parts?.text.flatMap { $0.split(separator: "\n").first.map(String.init) },
            "from": parts?.header("From"), "to": parts?.header("To"), "listUnsubscribe": parts?.header("List-Unsubscribe"),
        ])
        values["hasMessage"] = message != nil
        values["hasHTML"] = parts?.html != nil
        values["isLetter"] = entry.letter
        values["contactHref"] = entry.contactId.map { "/contacts/\($0)/message" } ?? Blank()
        let neighbours = try await run { workspace -> (Int64?, Int64?) in
            let next = try workspace.campaigns.recipients(name: name, afterPerson: personId, limit: 1).first?.personId
            let previous = try workspace.campaigns.recipientBefore(name: name, personId: personId)
            return (previous, next)
        }
        values["previous"] = neighbours.0.map { "/campaigns/\(escaped)/recipients/\($0)" } ?? Blank()
        values["next"] = neighbours.1.map { "/campaigns/\(escaped)/recipients/\($0)" } ?? Blank()
        return try await page("campaignRecipient", title: renderer.text["campaign.recipient"], values: values, context: context, nav: "Campaigns")
    }
}
