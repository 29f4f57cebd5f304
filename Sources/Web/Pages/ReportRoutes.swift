// The manager's reports in the browser: visit success per referent, time from first contact to
// a deal, loss reasons, conversion by a firm attribute and by information source — the same
// `workspace.report` as `kontakt report`, over a period and a firm filter (an expression or a
// saved segment), as a table with its charts, and as CSV or the printable page to download.

import CRM
import Foundation
import Hummingbird
import NIOCore
import Reports
import Workspace

extension Site {
    static let reportNames = ["referents", "time-to-deal", "loss-reasons", "conversion", "sources"]

    func addReports(to pages: RouterGroup<WebContext>) {
        pages.get("reports") { _, context -> Response in
            let rows = Self.reportNames.map { ["href": "/reports/\($0)", "title": renderer.text["report.\($0)"], "about": renderer.text["report.\($0).about"]] }
            return try await page("reports", title: renderer.text["reports.title"], values: ["reports": rows], context: context, nav: "Reports")
        }
        for name in Self.reportNames {
            pages.get("reports/\(name)") { request, context -> Response in
                try await reportPage(name, query: FormFields(query: request), context: context)
            }
            pages.get("reports/\(name).csv") { request, _ -> Response in
                let (table, _, _) = try await counted(name, query: FormFields(query: request))
                // With a byte-order mark, so that Excel opens the UTF-8 as UTF-8.
                return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name).csv\""],
                                body: .init(byteBuffer: ByteBuffer(bytes: [0xEF, 0xBB, 0xBF] + Array(table.csv.utf8))))
            }
            pages.get("reports/\(name).html") { request, _ -> Response in
                let (table, scope, choice) = try await counted(name, query: FormFields(query: request))
                let today = workspace.clock().date
                let html = HTMLReport.render(table, scope: scope.described(firms: choice), generated: CzechFormat.date(today))
                // A page for the disk and the printer (its own styles): downloaded, never shown under this site's policy.
                return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name).html\""],
                                body: .init(byteBuffer: ByteBuffer(string: html)))
            }
        }
    }

    /// The report a query asks for, counted.
    private func counted(_ name: String, query: FormFields) async throws -> (ReportTable, ReportScope, SegmentChoice?) {
        func date(_ field: String) throws -> CivilDate? { try query.text(field).map { try CivilDate(parsing: $0, field: field) } }
        let choice = Self.choice(query)
        let request = ReportRequest(from: try date("from"), to: try date("to"), firms: choice)
        let role = try query.text("role").map { try Role(parsing: $0) }
        let report: SalesReport
        switch name {
        case "referents": report = .referents(visitKind: query.text("kind") ?? "meeting")
        case "time-to-deal": report = .timeToDeal
        case "loss-reasons": report = .lossReasons
        case "conversion":
            let bands = try query.text("bands").map(Self.bands)
            report = .conversion(ConversionOptions(attribute: query.text("by") ?? "industry", bands: bands, role: role), sources: false)
        default: report = .conversion(ConversionOptions(attribute: query.text("attribute") ?? "source", role: role), sources: true)
        }
        let (table, scope) = try await run { try $0.report(report, request) }
        return (table, scope, choice)
    }

    static func bands(_ text: String) throws -> [Double] {
        let bounds = try text.split(separator: ",").map { part -> Double in
            guard let value = Double(part.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")) else {
                throw WorkspaceError.invalid(field: "bands", "\"\(part)\" is not a number; expected lower bounds such as 0,10,50,250")
            }
            return value
        }
        guard bounds == bounds.sorted(), Set(bounds).count == bounds.count else {
            throw WorkspaceError.invalid(field: "bands", "expected ascending lower bounds such as 0,10,50,250")
        }
        return bounds
    }

    private func reportPage(_ name: String, query: FormFields, context: WebContext) async throws -> Response {
        let (segments, attributes, kinds) = try await run { workspace in
            (try workspace.segments.saved().map(\.name), try workspace.catalog.attributes().filter { $0.entity == .firm }.map { ($0.name, $0.label) },
             try workspace.catalog.codeLists().first { $0.name == CodeListName.kind }?.values.filter { !$0.retired }.map { ($0.code, $0.label) } ?? [])
        }
        var values: [String: Any] = [
            "name": name, "title": renderer.text["report.\(name)"], "about": renderer.text["report.\(name).about"],
            "from": query["from"] ?? "", "to": query["to"] ?? "", "where": query["where"] ?? "", "bands": query["bands"] ?? "",
            "segments": segments.map { ["name": $0, "selected": $0 == query["segment"]] as [String: Any] },
            "isReferents": name == "referents", "isConversion": name == "conversion", "isSources": name == "sources",
            "kinds": kinds.map { ["code": $0.0, "label": $0.1, "selected": $0.0 == (query["kind"] ?? "meeting")] as [String: Any] },
            "attributes": attributes.map { ["name": $0.0, "label": $0.1, "selected": $0.0 == (query["by"] ?? "industry")] as [String: Any] },
            "sourceAttributes": attributes.map { ["name": $0.0, "label": $0.1, "selected": $0.0 == (query["attribute"] ?? "source")] as [String: Any] },
            "roles": ["", "customer", "prospect", "supplier"].map { ["value": $0, "label": $0.isEmpty ? renderer.text["report.anyRole"] : renderer.text["field.\($0)"],
                                                                    "selected": $0 == (query["role"] ?? "")] as [String: Any] },
        ]
        let download = Query.string(["from", "to", "where", "segment", "kind", "by", "bands", "role", "attribute"].compactMap { key in query.text(key).map { (key, $0) } })
        values["csvHref"] = "/reports/\(name).csv" + (download.isEmpty ? "" : "?" + download)
        values["htmlHref"] = "/reports/\(name).html" + (download.isEmpty ? "" : "?" + download)
        var status: HTTPResponse.Status = .ok
        do {
            let (table, scope, choice) = try await counted(name, query: query)
            values["scope"] = scope.described(firms: choice).joined(separator: " · ")
            values["heading"] = table.title
            values["columns"] = table.columns.map { ["title": $0.title] }
            values["rows"] = table.rows.map { row -> [String: Any] in
                ["isTotal": row.first == .total, "cells": row.map { value -> [String: Any] in
                    switch value {
                    case .text(let text): return ["text": text]
                    case .total: return ["text": renderer.text["report.total"], "header": true]
                    case .count(let count): return ["text": CzechFormat.count(count), "number": true]
                    case .rate(let rate): return ["text": CzechFormat.percent(rate), "number": true]
                    case .days(let days): return ["text": CzechFormat.decimal(days), "number": true]
                    }
                }]
            }
            values["chartsHTML"] = RenderedHTML(html: table.charts.map { "<figure>" + SVGChart.render($0) + "</figure>" }.joined(separator: "\n"))
            values["definitions"] = table.definitions
            values["hasTable"] = true
        } catch {
            let failure = Failure(error)
            guard failure.kind == .invalid || failure.kind == .notFound else { throw error }
            values["error"] = failure.message
            status = .unprocessableContent
        }
        return try await page("report", title: renderer.text["report.\(name)"], values: values, context: context, nav: "Reports", status: status)
    }
}
