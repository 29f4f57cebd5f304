// Running totals over the contact log, kept by triggers in the same transaction as every change
// to a contact, so the sales reports read a few hundred thousand summary rows instead of
// scanning millions of contacts (SQLite grouping 2,000,000 contacts takes 2.5–4.5 s on the bench machine).
//
// `contact_tally`: how many contacts and tasks there are per day, referent, kind, status,
// result ('' for none) and openness (a task not yet done). The referents and loss-reasons
// reports group it; the outcome class of a result is joined at query time, so changing a
// code's class needs no rebuild.
//
// `deal_progress`: per firm and referent, the day of the first contact and of the first contact
// whose result is of the success class (the first deal), how many deals and contacts. Days are
// stored as integer Julian day numbers (`julianDay`), so a report subtracts them without
// reading a date's text. Tasks are plans, not contacts, and do not count. Time to deal,
// conversion and sources read it. An insertion adds to the counts and compares the days; a
// deletion subtracts, and only where it removed the lane's first contact or first deal looks
// for the next one: the firm index lists the firm's contacts in date order, so that is a short
// walk from the start, and removing a firm's 10,000 contacts stays linear. An update is a
// deletion of the old row and an insertion of the new. A change to which result codes are of
// the success class rebuilds the table.

import GRDB

enum ReportSummaries {
    /// A result code of the success class, as an SQL condition on `column`.
    static func isSuccess(_ column: String) -> String {
        "(\(column) IS NOT NULL AND \(column) IN (SELECT code FROM code_value WHERE list = 'result' AND outcome = 'success'))"
    }

    /// The integer Julian day number of a contact's date column or value (`date` is
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`; the time is cut off first).
    static func julianDay(_ date: String) -> String { "CAST(julianday(substr(\(date), 1, 10)) AS INTEGER)" }

    /// Every lane, recomputed from the log.
    static let rebuildLanes = """
        DELETE FROM deal_progress;
        INSERT INTO deal_progress(firm_id, referent, first_contact, first_deal, deals, contacts)
        SELECT firm_id, referent, min(\(julianDay("date"))), min(CASE WHEN \(isSuccess("result")) THEN \(julianDay("date")) END),
               count(CASE WHEN \(isSuccess("result")) THEN 1 END), count(*)
        FROM contact WHERE status = 'contact'
        GROUP BY firm_id, referent;
        """

    /// The tally's key of a contact row (`NEW` or `OLD`), in the table's column order.
    private static func tallyKey(_ row: String) -> String {
        "substr(\(row).date, 1, 10), \(row).referent, \(row).kind, \(row).status, coalesce(\(row).result, ''), \(row).done_at IS NULL"
    }

    private static func tallyMatch(_ row: String) -> String {
        """
        day = substr(\(row).date, 1, 10) AND referent = \(row).referent AND kind = \(row).kind AND status = \(row).status
            AND result = coalesce(\(row).result, '') AND open = (\(row).done_at IS NULL)
        """
    }

    private static func tallyAdd(_ row: String) -> String {
        "INSERT INTO contact_tally VALUES (\(tallyKey(row)), 1) ON CONFLICT DO UPDATE SET n = n + 1;"
    }

    private static func tallyRemove(_ row: String) -> String {
        """
        UPDATE contact_tally SET n = n - 1 WHERE \(tallyMatch(row));
        DELETE FROM contact_tally WHERE \(tallyMatch(row)) AND n = 0;
        """
    }

    /// Counts a contact row (`NEW`) into its lane.
    private static func laneAdd(_ row: String) -> String {
        """
        INSERT INTO deal_progress(firm_id, referent, first_contact, first_deal, deals, contacts)
        SELECT \(row).firm_id, \(row).referent, \(julianDay("\(row).date")),
               CASE WHEN \(isSuccess("\(row).result")) THEN \(julianDay("\(row).date")) END,
               \(isSuccess("\(row).result")), 1
        WHERE \(row).status = 'contact'
        ON CONFLICT DO UPDATE SET
            first_contact = min(first_contact, excluded.first_contact),
            first_deal = min(coalesce(first_deal, excluded.first_deal), coalesce(excluded.first_deal, first_deal)),
            deals = deals + excluded.deals,
            contacts = contacts + 1;
        """
    }

    /// Takes a contact row (`OLD`) out of its lane. The lane's next first contact or deal is
    /// the first match walking the firm's contacts in date order (`+` keeps SQLite on the firm
    /// index, which gives that order, rather than the referent's, which spans every firm).
    private static func laneRemove(_ row: String) -> String {
        let lane = "firm_id = \(row).firm_id AND referent = \(row).referent"
        let walk = "FROM contact WHERE firm_id = \(row).firm_id AND +referent = \(row).referent AND +status = 'contact'"
        return """
        UPDATE deal_progress SET contacts = contacts - 1, deals = deals - \(isSuccess("\(row).result"))
            WHERE \(row).status = 'contact' AND \(lane);
        DELETE FROM deal_progress WHERE \(lane) AND contacts = 0;
        UPDATE deal_progress SET first_contact = (SELECT \(julianDay("date")) \(walk) ORDER BY date LIMIT 1)
            WHERE \(row).status = 'contact' AND \(lane) AND first_contact = \(julianDay("\(row).date"));
        UPDATE deal_progress SET first_deal = (SELECT \(julianDay("date")) \(walk) AND \(isSuccess("+result")) ORDER BY date LIMIT 1)
            WHERE \(row).status = 'contact' AND \(isSuccess("\(row).result")) AND \(lane) AND first_deal = \(julianDay("\(row).date"));
        """
    }

    /// Creates the tables, fills them from the contacts already logged, and installs the triggers.
    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE contact_tally(
                day TEXT NOT NULL,
                referent TEXT NOT NULL,
                kind TEXT NOT NULL,
                status TEXT NOT NULL,
                result TEXT NOT NULL,
                open INTEGER NOT NULL,
                n INTEGER NOT NULL,
                PRIMARY KEY (day, referent, kind, status, result, open)) WITHOUT ROWID;
            INSERT INTO contact_tally SELECT substr(date, 1, 10), referent, kind, status, coalesce(result, ''), done_at IS NULL, count(*)
                FROM contact GROUP BY 1, 2, 3, 4, 5, 6;

            CREATE TABLE deal_progress(
                firm_id INTEGER NOT NULL,
                referent TEXT NOT NULL,
                first_contact INTEGER NOT NULL,
                first_deal INTEGER,
                deals INTEGER NOT NULL,
                contacts INTEGER NOT NULL,
                PRIMARY KEY (firm_id, referent)) WITHOUT ROWID;
            \(rebuildLanes)

            CREATE TRIGGER contact_summaries_insert AFTER INSERT ON contact BEGIN
                \(tallyAdd("NEW"))
                \(laneAdd("NEW"))
            END;

            CREATE TRIGGER contact_summaries_delete AFTER DELETE ON contact BEGIN
                \(tallyRemove("OLD"))
                \(laneRemove("OLD"))
            END;

            CREATE TRIGGER contact_summaries_update AFTER UPDATE OF date, referent, kind, status, result, done_at, firm_id ON contact BEGIN
                \(tallyRemove("OLD"))
                \(tallyAdd("NEW"))
                \(laneRemove("OLD"))
                \(laneAdd("NEW"))
            END;

            CREATE TRIGGER deal_progress_success_insert AFTER INSERT ON code_value
            WHEN NEW.list = 'result' AND NEW.outcome = 'success' BEGIN
                \(rebuildLanes)
            END;
            CREATE TRIGGER deal_progress_success_delete AFTER DELETE ON code_value
            WHEN OLD.list = 'result' AND OLD.outcome = 'success' BEGIN
                \(rebuildLanes)
            END;
            CREATE TRIGGER deal_progress_success_update AFTER UPDATE OF list, code, outcome ON code_value
            WHEN (OLD.list = 'result' AND OLD.outcome = 'success') OR (NEW.list = 'result' AND NEW.outcome = 'success') BEGIN
                \(rebuildLanes)
            END;
            """)
    }
}
