// Search results and the exact e-mail a contact logs; the other page families join here.

import Hummingbird
import NIOCore
import Store
import Workspace

extension Site {
    func addPages(to pages: RouterGroup<WebContext>) {
        addDay(to: pages)
        addFirms(to: pages)
        addPersons(to: pages)
        addRecordForms(to: pages)
        addDocuments(to: pages)
        addLive(to: pages)
        pages.get("search") { request, context -> Response in
            let query = FormFields(query: request).text("q") ?? ""
            let hits = query.isEmpty ? [] : try await run { try $0.search.find(query, limit: 50) }
            let values: [String: Any] = ["query": query, "hasQuery": !query.isEmpty, "hits": hits.map(hitValues)]
            return try await page("search", title: renderer.text["search.title"], values: values, context: context)
        }
        pages.get("contacts/:id/message") { _, context -> Response in
            let id = try Site.id(context)
            guard let bytes = try await run({ try $0.contacts.message(contactId: id) }) else { throw HTTPError(.notFound) }
            // As text: the exact bytes, never interpreted as HTML by the browser (nosniff).
            return Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
        pages.get("contacts/:id/message.eml") { _, context -> Response in
            let id = try Site.id(context)
            guard let bytes = try await run({ try $0.contacts.message(contactId: id) }) else { throw HTTPError(.notFound) }
            return Response(status: .ok, headers: [.contentType: "message/rfc822", .contentDisposition: "attachment; filename=\"contact-\(id).eml\""],
                            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
        addAdmin(to: pages)
        addMail(to: pages)
        addCampaigns(to: pages)
        addSegments(to: pages)
        addReports(to: pages)
        addExports(to: pages)
        addImports(to: pages)
        addTemplates(to: pages)
        addPrinting(to: pages)
        addHistory(to: pages)
    }

    func hitValues(_ hit: SearchHit) -> [String: Any] {
        Presentation.compact([
            "href": hit.kind == .firm ? "/firms/\(hit.id)" : "/persons/\(hit.id)", "title": hit.title, "detail": hit.detail,
            "kindLabel": renderer.text[hit.kind == .firm ? "search.firm" : "search.person"], "email": hit.email, "phone": hit.phone,
        ])
    }
}
