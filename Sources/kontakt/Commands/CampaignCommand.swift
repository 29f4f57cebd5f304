// `kontakt campaign …`: a template and a segment become one message per recipient in the Outbox.

import Workspace
import ArgumentParser
import Campaigns
import CRM
import Foundation
import Print
import Segmentation
import Store

extension CampaignChannel: ExpressibleByArgument {}

struct CampaignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaign", abstract: "Mass correspondence: create a campaign, render it to the Outbox, see where it stands.",
        subcommands: [Create.self, Render.self, Send.self, Pause.self, Status.self, List.self, Remove.self, Archive.self])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Create a campaign from a template and a segment; both are checked and kept as snapshots.",
            discussion: "The template's text (and its SHA-256) and the segment's expression are stored, so later edits to the file or the saved segment do not change the campaign.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The campaign's name (letters, digits, _, - and .).") var name: String
        @Option(help: "The template: a file, or the name of a shipped one (newsletter, dopis).") var template: String
        @OptionGroup var templates: TemplateFolderOption
        @OptionGroup var selection: SelectionOptions
        @Option(help: "The referent who sends it.") var referent: String
        @Option(help: "email, letter, or auto: e-mail to those with an address and consent, a letter (and its label) to the rest.")
        var channel: CampaignChannel = .email

        func validate() throws {
            if selection.expression == nil && selection.segment == nil {
                throw ArgumentParser.ValidationError("give the recipients with --segment NAME or --where EXPR")
            }
        }

        func run() throws {
            let workspace = try global.workspace()
            let template = try templates.resolve(self.template, database: workspace.database, absolute: true)
            let segment: SegmentChoice = selection.segment.map { .saved($0) } ?? .expression(selection.expression!)
            let campaign = try workspace.campaigns.create(CampaignDraft(name: name, template: template, segment: segment, referent: referent,
                                                                        channel: channel), by: .localOperator)
            print("Created campaign \(campaign.name) (template \(campaign.templatePath), SHA-256 \(campaign.templateHash.prefix(12))…). Render it with `kontakt campaign render \(campaign.name)`.")
        }
    }

    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "render",
            abstract: "Write one .eml per recipient and a manifest.csv into the Outbox, and record each recipient.",
            discussion: "Recipients without an e-mail address, without consent, lacking a required field, or sharing an address with an earlier recipient are skipped with the reason. Rendering again replaces the earlier rendering until delivery begins.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The campaign's name.") var name: String
        @Option(help: "For letters: the label sheet of their address labels (labels.pdf), a preset's name or a product code.") var sheet = "3x8-70x37"
        @Option(name: .customLong("sheets"), help: ArgumentHelp("A folder of label sheet presets or gLabels templates (repeatable).", valueName: "FOLDER"))
        var sheetsFolders: [String] = []
        @Option(help: "For letters: the sender's header, lines separated by | (default: the setting print.sender).") var sender: String?

        func run() throws {
            let workspace = try global.workspace()
            // Letters always get their labels: a sheet that cannot be found stops the rendering
            // before anything is written, never a labels.pdf silently left out.
            let channel = try workspace.campaigns.campaign(name: name).channel
            let labelSheet = channel == .email ? nil : try ResourceFolders.labelSheet(sheet, given: sheetsFolders, database: workspace.database)
            let summary = try workspace.campaigns.render(name: name, outbox: global.outbox, sender: sender.map { SenderLines.parse($0, stored: nil) },
                                                         labelSheet: labelSheet, by: .localOperator)
            var text = "Rendered \(summary.rendered) message(s), skipped \(summary.skipped) recipient(s): \(summary.folder)/ (manifest.csv lists them all)."
            if summary.letters > 0 {
                text += "\nOf them \(summary.letters) letter(s) in letters.pdf" + (labelSheet.map { ", their labels in labels.pdf (\($0.title), \($0.gridDescription))." } ?? ".")
            }
            print(text)
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "status", abstract: "Count a campaign's recipients by state.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The campaign's name.") var name: String
        @OptionGroup var output: JSONOption

        func run() throws {
            let status = try global.workspace().campaigns.status(name: name)
            let (campaign, counts, failures, nextRetry, running) = (status.campaign, status.counts, status.failures, status.nextRetry, status.running)
            let buffer = OutputBuffer()
            if output.json {
                let json = JSONWriter(output: buffer)
                json.object {
                    json.field("name", campaign.name)
                    json.field("template", campaign.templatePath)
                    json.field("templateHash", campaign.templateHash)
                    json.field("expression", campaign.expression)
                    json.objectField("recipients") { for state in RecipientState.allCases { json.field(state.rawValue, Int64(counts[state] ?? 0)) } }
                    json.field("nextRetry", nextRetry)
                    if let running {
                        json.objectField("lease") {
                            json.field("purpose", running.purpose)
                            json.field("process", Int64(running.process))
                            json.field("host", running.host)
                            json.field("since", running.takenAt)
                        }
                    }
                    json.arrayField("failures") {
                        for failure in failures {
                            json.object {
                                json.field("person", failure.personId)
                                json.field("email", failure.email)
                                json.field("state", failure.state.rawValue)
                                json.field("attempts", Int64(failure.attempts))
                                json.field("reply", failure.reply)
                            }
                        }
                    }
                }
                json.newline()
            } else {
                var table = TextTable("state", "recipients")
                for state in RecipientState.allCases { table.add(state.rawValue, String(counts[state] ?? 0)) }
                buffer.append("\(campaign.name): \(campaign.templatePath), \(campaign.segmentName.map { "segment \($0)" } ?? "where \(campaign.expression)")\n")
                buffer.append(table.render() + "\n")
                if !failures.isEmpty {
                    var replies = TextTable("person", "email", "state", "attempts", "server's reply or reason")
                    for failure in failures {
                        replies.add(String(failure.personId), failure.email ?? "", failure.state.rawValue, String(failure.attempts), failure.reply ?? "")
                    }
                    buffer.append("\n" + replies.render() + "\n")
                }
                if let nextRetry { buffer.append("Deferred recipients retry from \(nextRetry) (UTC).\n") }
                if let running {
                    buffer.append("Being \(running.purpose == "render" ? "rendered" : "sent") now by process \(running.process) on \(running.host) since \(running.takenAt).\n")
                }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the campaigns (the archived ones with --all).")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Archived campaigns too.") var all = false

        func run() throws {
            var table = TextTable("name", "created", "archived")
            for campaign in try global.workspace().campaigns.list(includingArchived: all) { table.add(campaign.name, campaign.createdAt, campaign.archivedAt ?? "") }
            print(table.render())
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove", abstract: "Remove a campaign that has sent nothing, with its journal and its Outbox folder.",
            discussion: "A campaign that sent is part of its recipients' history: `campaign archive` it instead.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The campaign's name.") var name: String

        func run() throws {
            let database = try global.open()
            // No run may hold it: the lease is taken (and refused while a send or rendering runs).
            let lease = try CampaignLease.acquire(campaign: name, purpose: .render, database: database)
            defer { lease.release(database: database) }
            try database.write { db in try CampaignRecords.remove(name: lease.campaignName, db: db) }
            let folder = global.outbox + "/" + lease.campaignName
            let hadFolder = FileManager.default.fileExists(atPath: folder)
            if hadFolder { try FileManager.default.removeItem(atPath: folder) }
            print("Removed campaign \(lease.campaignName)" + (hadFolder ? " and its rendering in \(folder)/." : "."))
        }
    }

    struct Archive: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "archive", abstract: "Archive a campaign: it keeps its journal and contacts, leaves `campaign list`, and sends no more.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The campaign's name.") var name: String

        func run() throws {
            let database = try global.open()
            let lease = try CampaignLease.acquire(campaign: name, purpose: .render, database: database)
            defer { lease.release(database: database) }
            try database.write { db in try CampaignRecords.archive(name: lease.campaignName, db: db) }
            print("Archived campaign \(lease.campaignName); `kontakt campaign status \(lease.campaignName)` still shows it.")
        }
    }
}
