// Migration v12: what comes back from a campaign. The suppression list; every bounce, complaint
// and auto-reply read back (by address, for the soft-bounce window; by campaign, for the rates);
// each mailbox message processed, keyed as the IMAP server names it, so that a fetch killed at
// any point neither loses nor counts one twice; and the Message-ID of every message sent, for
// bounces that lost their VERP address.

import GRDB

enum Deliverability {
    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE suppression(
                address TEXT PRIMARY KEY,
                reason TEXT NOT NULL CHECK (reason IN ('hard-bounce', 'soft-bounces', 'complaint', 'rejected', 'manual')),
                detail TEXT,
                person_id INTEGER,
                campaign_id INTEGER,
                source TEXT NOT NULL,
                since TEXT NOT NULL) WITHOUT ROWID;

            CREATE TABLE bounce_event(
                id INTEGER PRIMARY KEY,
                address TEXT NOT NULL,
                person_id INTEGER,
                campaign_id INTEGER,
                kind TEXT NOT NULL CHECK (kind IN ('hard', 'soft', 'delayed', 'policy', 'complaint', 'auto-reply')),
                status TEXT,
                diagnostic TEXT,
                at TEXT NOT NULL,
                source TEXT NOT NULL,
                contact_id INTEGER);
            CREATE INDEX bounce_event_by_address ON bounce_event(address, at);
            CREATE INDEX bounce_event_by_campaign ON bounce_event(campaign_id, kind);

            CREATE TABLE mailbox_message(
                account TEXT NOT NULL,
                mailbox TEXT NOT NULL,
                uid_validity INTEGER NOT NULL,
                uid INTEGER NOT NULL,
                outcome TEXT NOT NULL,
                processed_at TEXT NOT NULL,
                PRIMARY KEY (account, mailbox, uid_validity, uid)) WITHOUT ROWID;

            CREATE INDEX sent_message_by_message_id ON sent_message(message_id);
            """)
    }
}
