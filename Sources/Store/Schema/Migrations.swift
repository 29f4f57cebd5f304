// The database schema, as named, append-only migrations: a released migration is never edited,
// a change is a new migration at the end, so every older file upgrades in order.

import GRDB

enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-crm-core", migrate: createCore)
        migrator.registerMigration("v2-segments", migrate: createSegments)
        migrator.registerMigration("v3-attribute-columns", migrate: moveAttributesToColumns)
        migrator.registerMigration("v4-campaigns", migrate: createCampaigns)
        migrator.registerMigration("v5-delivery", migrate: createDelivery)
        migrator.registerMigration("v6-campaign-channels", migrate: addChannels)
        migrator.registerMigration("v7-report-summaries", migrate: ReportSummaries.create)
        migrator.registerMigration("v8-delivery-safety", migrate: addDeliverySafety)
        migrator.registerMigration("v9-secrets-labels-referents", migrate: addSecretsLabelsAndReferentActivity)
        migrator.registerMigration("v10-users-audit-search", migrate: WorkspaceTables.create)
        migrator.registerMigration("v11-record-pages-and-search", migrate: indexOpenTasksByRecord)
        migrator.registerMigration("v12-deliverability", migrate: Deliverability.create)
        return migrator
    }

    /// A firm's or person's page lists its open tasks: with only `contact_by_firm`, a firm with
    /// 10,000 contacts read all of them to find its three open tasks (1.5 ms a page). The
    /// partial indexes hold open tasks only, so they stay small. The search index gets longer
    /// prefixes in the same step, and the records a counter of their changes.
    private static func indexOpenTasksByRecord(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX contact_open_tasks_by_firm ON contact(firm_id, date) WHERE status = 'task' AND done_at IS NULL;
            CREATE INDEX contact_open_tasks_by_person ON contact(person_id, date) WHERE status = 'task' AND done_at IS NULL;
            """)
        try WorkspaceTables.reindexSearchPrefixes(db)
        try WorkspaceTables.createDataVersion(db)
    }

    private static func createCore(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE setting(
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL);

            CREATE TABLE code_list(
                name TEXT PRIMARY KEY,
                label TEXT NOT NULL DEFAULT '');

            CREATE TABLE code_value(
                list TEXT NOT NULL REFERENCES code_list(name) ON DELETE CASCADE,
                code TEXT NOT NULL,
                label TEXT NOT NULL,
                outcome TEXT CHECK (outcome IN ('success', 'failure', 'open')),
                position INTEGER NOT NULL,
                PRIMARY KEY (list, code)) WITHOUT ROWID;

            CREATE TABLE referent(
                code TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                email TEXT);

            CREATE TABLE attribute_definition(
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                entity TEXT NOT NULL CHECK (entity IN ('firm', 'person')),
                type TEXT NOT NULL CHECK (type IN ('text', 'number', 'date')),
                code_list TEXT REFERENCES code_list(name),
                label TEXT NOT NULL DEFAULT '',
                UNIQUE (entity, name));

            CREATE TABLE firm(
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                sort_key TEXT NOT NULL,
                ico TEXT UNIQUE,
                dic TEXT,
                is_customer INTEGER NOT NULL DEFAULT 0,
                is_prospect INTEGER NOT NULL DEFAULT 0,
                is_supplier INTEGER NOT NULL DEFAULT 0,
                street TEXT, city TEXT, zip TEXT, country TEXT NOT NULL DEFAULT 'CZ',
                email TEXT, phone TEXT, web TEXT, note TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL);
            CREATE INDEX firm_by_sort_key ON firm(sort_key);
            CREATE INDEX firm_by_name ON firm(name);

            CREATE TABLE person(
                id INTEGER PRIMARY KEY,
                firm_id INTEGER NOT NULL REFERENCES firm(id),
                title_before TEXT,
                first TEXT NOT NULL DEFAULT '',
                last TEXT NOT NULL,
                title_after TEXT,
                sort_key TEXT NOT NULL,
                gender TEXT NOT NULL DEFAULT 'unknown' CHECK (gender IN ('m', 'f', 'unknown')),
                function TEXT,
                email TEXT, phone TEXT, mobile TEXT, note TEXT,
                email_consent INTEGER NOT NULL DEFAULT 1,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL);
            CREATE INDEX person_by_firm ON person(firm_id);
            CREATE INDEX person_by_sort_key ON person(sort_key);
            CREATE INDEX person_by_email ON person(email COLLATE NOCASE);

            CREATE TABLE firm_attribute(
                firm_id INTEGER NOT NULL REFERENCES firm(id) ON DELETE CASCADE,
                attribute_id INTEGER NOT NULL REFERENCES attribute_definition(id) ON DELETE CASCADE,
                value NOT NULL,
                PRIMARY KEY (firm_id, attribute_id)) WITHOUT ROWID;
            CREATE INDEX firm_attribute_by_value ON firm_attribute(attribute_id, value);

            CREATE TABLE person_attribute(
                person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
                attribute_id INTEGER NOT NULL REFERENCES attribute_definition(id) ON DELETE CASCADE,
                value NOT NULL,
                PRIMARY KEY (person_id, attribute_id)) WITHOUT ROWID;
            CREATE INDEX person_attribute_by_value ON person_attribute(attribute_id, value);

            CREATE TABLE contact(
                id INTEGER PRIMARY KEY,
                firm_id INTEGER NOT NULL REFERENCES firm(id),
                person_id INTEGER REFERENCES person(id),
                date TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('contact', 'task')),
                done_at TEXT,
                kind TEXT NOT NULL,
                referent TEXT NOT NULL REFERENCES referent(code),
                result TEXT,
                text TEXT NOT NULL,
                note TEXT,
                next_date TEXT,
                next_task TEXT,
                next_referent TEXT REFERENCES referent(code),
                origin_contact_id INTEGER REFERENCES contact(id) ON DELETE SET NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL);
            CREATE INDEX contact_by_firm ON contact(firm_id, date);
            CREATE INDEX contact_by_person ON contact(person_id, date);
            CREATE INDEX contact_by_referent ON contact(referent, date);
            CREATE INDEX contact_by_kind ON contact(kind, date);
            CREATE INDEX contact_by_date ON contact(date);
            CREATE INDEX contact_by_origin ON contact(origin_contact_id);
            CREATE INDEX contact_open_tasks ON contact(referent, date) WHERE status = 'task' AND done_at IS NULL;

            -- Contacts are permanent history: a forced removal leaves its snapshot here.
            CREATE TABLE contact_removal(
                id INTEGER PRIMARY KEY,
                contact_id INTEGER NOT NULL,
                firm_id INTEGER NOT NULL,
                removed_at TEXT NOT NULL,
                reason TEXT,
                snapshot TEXT NOT NULL);
            """)
    }

    /// Saved segments keep the expression as typed: it is checked again at every use, since
    /// attributes and code lists change after it was saved.
    private static func createSegments(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE segment(
                name TEXT PRIMARY KEY COLLATE NOCASE,
                target TEXT NOT NULL CHECK (target IN ('firm', 'person')),
                expression TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL);
            """)
    }

    /// Attribute values move from one row per (owner, attribute) to one row per owner with a
    /// column per attribute (see `AttributeValues` for why). Every firm and person gets its
    /// row, so a segment can read the values table alone.
    ///
    /// The persons' firm index also carries the sort key: a segment of firms lists its persons
    /// in Czech order from the index alone, without reading each person's row to sort it.
    private static func moveAttributesToColumns(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE firm_values(firm_id INTEGER PRIMARY KEY REFERENCES firm(id) ON DELETE CASCADE);
            CREATE TABLE person_values(person_id INTEGER PRIMARY KEY REFERENCES person(id) ON DELETE CASCADE);
            INSERT INTO firm_values(firm_id) SELECT id FROM firm;
            INSERT INTO person_values(person_id) SELECT id FROM person;
            DROP INDEX person_by_firm;
            CREATE INDEX person_by_firm ON person(firm_id, sort_key);
            """)
        let definitions = try Row.fetchAll(db, sql: "SELECT id, entity FROM attribute_definition ORDER BY id")
        for definition in definitions {
            let id: Int64 = definition[0]
            let (values, owner, old) = (definition[1] as String) == "firm"
                ? ("firm_values", "firm_id", "firm_attribute") : ("person_values", "person_id", "person_attribute")
            try db.execute(sql: "ALTER TABLE \(values) ADD COLUMN a\(id)")
            try db.execute(sql: """
                UPDATE \(values) SET a\(id) = (SELECT value FROM \(old) o WHERE o.\(owner) = \(values).\(owner) AND o.attribute_id = ?)
                """, arguments: [id])
        }
        try db.execute(sql: "DROP TABLE firm_attribute; DROP TABLE person_attribute")
    }

    /// A campaign keeps a snapshot of its template (text and SHA-256) and of its segment
    /// expression, so what it renders does not change when the files or segments do. Each
    /// recipient has one row in the journal, moved from state to state.
    private static func createCampaigns(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE campaign(
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                template_path TEXT NOT NULL,
                template_source TEXT NOT NULL,
                template_hash TEXT NOT NULL,
                expression TEXT NOT NULL,
                target TEXT NOT NULL DEFAULT 'person' CHECK (target IN ('firm', 'person')),
                segment_name TEXT,
                referent TEXT NOT NULL REFERENCES referent(code),
                created_at TEXT NOT NULL);

            CREATE TABLE campaign_recipient(
                campaign_id INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
                person_id INTEGER NOT NULL,
                firm_id INTEGER NOT NULL,
                email TEXT,
                state TEXT NOT NULL CHECK (state IN ('rendered', 'skipped', 'sending', 'sent', 'deferred', 'failed')),
                reason TEXT,
                message_id TEXT,
                file TEXT,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (campaign_id, person_id)) WITHOUT ROWID;
            CREATE INDEX campaign_recipient_by_state ON campaign_recipient(campaign_id, state);
            """)
    }

    /// Delivery: each recipient's envelope and subject (written when rendered), attempts, the next retry, the
    /// server's reply and the contact logged; the exact bytes of every message sent, beside its
    /// contact; the messages sent per SMTP account and day (for the daily cap); a campaign's
    /// pause flag, set from another terminal.
    private static func createDelivery(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE campaign_recipient ADD COLUMN envelope_from TEXT;
            ALTER TABLE campaign_recipient ADD COLUMN envelope_to TEXT;
            ALTER TABLE campaign_recipient ADD COLUMN subject TEXT;
            ALTER TABLE campaign_recipient ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE campaign_recipient ADD COLUMN retry_at TEXT;
            ALTER TABLE campaign_recipient ADD COLUMN reply TEXT;
            ALTER TABLE campaign_recipient ADD COLUMN contact_id INTEGER;
            ALTER TABLE campaign ADD COLUMN paused INTEGER NOT NULL DEFAULT 0;
            -- Every transition moved a row within this index, a page or two more in each of
            -- delivery's many small commits; the counts scan the campaign's rows by key instead.
            DROP INDEX campaign_recipient_by_state;

            CREATE TABLE sent_message(
                contact_id INTEGER PRIMARY KEY REFERENCES contact(id) ON DELETE CASCADE,
                message_id TEXT NOT NULL,
                campaign_id INTEGER REFERENCES campaign(id) ON DELETE SET NULL,
                bytes BLOB NOT NULL);

            CREATE TABLE smtp_daily_count(
                account TEXT NOT NULL,
                day TEXT NOT NULL,
                sent INTEGER NOT NULL,
                PRIMARY KEY (account, day)) WITHOUT ROWID;
            """)
    }

    /// A campaign goes by e-mail, by letter, or by e-mail where it can and by letter elsewhere;
    /// each recipient's channel is recorded when rendered.
    private static func addChannels(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE campaign ADD COLUMN channel TEXT NOT NULL DEFAULT 'email' CHECK (channel IN ('email', 'letter', 'auto'));
            ALTER TABLE campaign_recipient ADD COLUMN channel TEXT NOT NULL DEFAULT 'email' CHECK (channel IN ('email', 'letter'));
            """)
    }

    /// What keeps the exactly-once promise when more than one process works on a campaign: the
    /// SHA-256 of every rendered file (a sender refuses a file that changed), the rendering whose
    /// files the journal names (a rendering killed after its commit is completed, one killed
    /// before it is discarded), the daily-cap slot a message in flight holds, and the lease one
    /// process holds on a campaign while it renders or sends it.
    private static func addDeliverySafety(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE campaign_recipient ADD COLUMN file_hash TEXT;
            ALTER TABLE campaign_recipient ADD COLUMN cap_slot TEXT;
            ALTER TABLE campaign ADD COLUMN render_id TEXT;

            CREATE TABLE campaign_lease(
                campaign_id INTEGER PRIMARY KEY REFERENCES campaign(id) ON DELETE CASCADE,
                owner TEXT NOT NULL,
                purpose TEXT NOT NULL,
                process INTEGER NOT NULL,
                host TEXT NOT NULL,
                taken_at TEXT NOT NULL,
                expires REAL NOT NULL);
            """)
    }

    /// Keys Kontakt signs with (the unsubscribe links' HMAC key), kept apart from the settings
    /// so that `config list` never shows them; and the code list of the firm roles' labels, so
    /// that an older file shows "Zákazník", not "customer", as a new one does.
    /// Referents who left are deactivated, never removed; so are campaigns that sent (archived).
    private static func addSecretsLabelsAndReferentActivity(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE referent ADD COLUMN active INTEGER NOT NULL DEFAULT 1")
        // A campaign that has sent is archived, never removed: its contacts are history.
        try db.execute(sql: "ALTER TABLE campaign ADD COLUMN archived_at TEXT")
        // A code-list value that is no longer offered stays for the records that have it.
        try db.execute(sql: "ALTER TABLE code_value ADD COLUMN retired INTEGER NOT NULL DEFAULT 0")
        // Each firm's roles over time, from now on: what `report conversion --role` reads as
        // "the role at the first contact". Existing firms are seeded with their roles as the
        // first thing known (since ''); triggers record every later change.
        try db.execute(sql: """
            CREATE TABLE firm_role_history(
                firm_id INTEGER NOT NULL REFERENCES firm(id) ON DELETE CASCADE,
                role TEXT NOT NULL CHECK (role IN ('customer', 'prospect', 'supplier')),
                held INTEGER NOT NULL,
                since TEXT NOT NULL);
            CREATE INDEX firm_role_history_by_firm ON firm_role_history(firm_id, role, since);
            INSERT INTO firm_role_history(firm_id, role, held, since)
                SELECT id, 'customer', is_customer, '' FROM firm
                UNION ALL SELECT id, 'prospect', is_prospect, '' FROM firm
                UNION ALL SELECT id, 'supplier', is_supplier, '' FROM firm;
            CREATE TRIGGER firm_roles_insert AFTER INSERT ON firm BEGIN
                INSERT INTO firm_role_history(firm_id, role, held, since) VALUES
                    (NEW.id, 'customer', NEW.is_customer, strftime('%Y-%m-%dT%H:%M', 'now', 'localtime')),
                    (NEW.id, 'prospect', NEW.is_prospect, strftime('%Y-%m-%dT%H:%M', 'now', 'localtime')),
                    (NEW.id, 'supplier', NEW.is_supplier, strftime('%Y-%m-%dT%H:%M', 'now', 'localtime'));
            END;
            CREATE TRIGGER firm_roles_customer AFTER UPDATE OF is_customer ON firm WHEN NEW.is_customer IS NOT OLD.is_customer BEGIN
                INSERT INTO firm_role_history(firm_id, role, held, since) VALUES (NEW.id, 'customer', NEW.is_customer, strftime('%Y-%m-%dT%H:%M', 'now', 'localtime'));
            END;
            CREATE TRIGGER firm_roles_prospect AFTER UPDATE OF is_prospect ON firm WHEN NEW.is_prospect IS NOT OLD.is_prospect BEGIN
                INSERT INTO firm_role_history(firm_id, role, held, since) VALUES (NEW.id, 'prospect', NEW.is_prospect, strftime('%Y-%m-%dT%H:%M', 'now', 'localtime'));
            END;
            CREATE TRIGGER firm_roles_supplier AFTER UPDATE OF is_supplier ON firm WHEN NEW.is_supplier IS NOT OLD.is_supplier BEGIN
                INSERT INTO firm_role_history(firm_id, role, held, since) VALUES (NEW.id, 'supplier', NEW.is_supplier, strftime('%Y-%m-%dT%H:%M', 'now', 'localtime'));
            END;
            """)
        // A person's own postal address (home, a branch, abroad); NULL uses the firm's.
        try db.execute(sql: """
            ALTER TABLE person ADD COLUMN street TEXT;
            ALTER TABLE person ADD COLUMN city TEXT;
            ALTER TABLE person ADD COLUMN zip TEXT;
            ALTER TABLE person ADD COLUMN country TEXT;
            """)
        try db.execute(sql: "INSERT OR IGNORE INTO code_list(name, label) VALUES ('role', 'Role firmy')")
        try db.execute(sql: """
            INSERT INTO code_value(list, code, label, position)
            SELECT 'role', code, label, position FROM (SELECT 'customer' AS code, 'Zákazník' AS label, 1 AS position
                UNION ALL SELECT 'prospect', 'Potenciální zákazník', 2 UNION ALL SELECT 'supplier', 'Dodavatel', 3)
            WHERE NOT EXISTS (SELECT 1 FROM code_value WHERE list = 'role')
            """)
        try db.execute(sql: """
            CREATE TABLE secret(
                name TEXT PRIMARY KEY,
                value BLOB NOT NULL,
                created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))
            """)
    }
}
