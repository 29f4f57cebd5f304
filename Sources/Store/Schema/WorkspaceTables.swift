// Migration v10: the people who log in, their sessions and API tokens, the audit log of edits,
// and the search index over firms and persons that the workspace's one search box reads.

import GRDB

enum WorkspaceTables {
    static func create(_ db: Database) throws {
        // Passwords are bcrypt hashes; session cookies and API tokens are stored as SHA-256
        // hashes only, so the file never holds anything that logs in.
        try db.execute(sql: """
            CREATE TABLE app_user(
                id INTEGER PRIMARY KEY,
                login TEXT NOT NULL UNIQUE COLLATE NOCASE,
                referent TEXT NOT NULL REFERENCES referent(code),
                role TEXT NOT NULL CHECK (role IN ('admin', 'sales')),
                password_hash TEXT NOT NULL,
                disabled_at TEXT,
                created_at TEXT NOT NULL,
                password_changed_at TEXT NOT NULL);

            CREATE TABLE web_session(
                token_hash BLOB PRIMARY KEY,
                user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
                -- Seconds since 1970: expiry is arithmetic on them.
                created_at REAL NOT NULL,
                last_seen_at REAL NOT NULL) WITHOUT ROWID;
            CREATE INDEX web_session_by_user ON web_session(user_id);

            CREATE TABLE api_token(
                token_hash BLOB PRIMARY KEY,
                user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
                created_at TEXT NOT NULL,
                last_used_at TEXT) WITHOUT ROWID;
            CREATE INDEX api_token_by_user ON api_token(user_id);

            -- Append-only: who changed which field of which record, from what to what.
            CREATE TABLE audit_entry(
                id INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                entity TEXT NOT NULL,
                entity_id INTEGER,
                field TEXT,
                old_value TEXT,
                new_value TEXT);
            CREATE INDEX audit_entry_by_entity ON audit_entry(entity, entity_id, id);
            """)
        try createSearchIndex(db)
        try createPhoneIndex(db)
        try createCatalogVersion(db)
    }

    /// A counter that every change of the attribute definitions, code lists and referents
    /// raises (triggers, so other processes' changes count too): the server keeps the schema it
    /// checks and shows with in memory and reloads it only when the counter moved.
    private static func createCatalogVersion(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE catalog_version(id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
            INSERT INTO catalog_version(id, version) VALUES (1, 0);
            """)
        for table in ["attribute_definition", "code_list", "code_value", "referent"] {
            for event in ["INSERT", "UPDATE", "DELETE"] {
                try db.execute(sql: """
                    CREATE TRIGGER catalog_\(table)_\(event.lowercased()) AFTER \(event) ON \(table) BEGIN
                        UPDATE catalog_version SET version = version + 1 WHERE id = 1;
                    END
                    """)
            }
        }
    }

    /// Migration v11: a counter of changes to the records a page shows (firms, persons, their
    /// attribute values, contacts, the e-mails kept with them, the audit log), raised by
    /// triggers so a change by any process counts: the server keeps what it read for a page
    /// and reads again only when the counter moved. One single-row UPDATE per changed row.
    static func createDataVersion(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE data_version(id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
            INSERT INTO data_version(id, version) VALUES (1, 0);
            """)
        for table in DataVersion.tables {
            for event in ["INSERT", "UPDATE", "DELETE"] {
                try db.execute(sql: """
                    CREATE TRIGGER data_\(table)_\(event.lowercased()) AFTER \(event) ON \(table) BEGIN
                        UPDATE data_version SET version = version + 1 WHERE id = 1;
                    END
                    """)
            }
        }
    }

    /// Phone numbers have their own B-tree table, not FTS terms: every number is a term of its
    /// own, and an FTS prefix query such as "4206" merges the doclists of tens of thousands of
    /// terms (half a second over a million persons), where an index range takes a millisecond.
    private static func createPhoneIndex(_ db: Database) throws {
        /// `SELECT digits AS d, entry AS e` for both forms of `column`'s number; `source` adds a
        /// FROM clause (existing rows), a trigger reads NEW.
        func rows(_ column: String, entry: String, from source: String = "") -> String {
            let forms = SearchTerms.phoneForms(column)
            return "SELECT \(forms.international) AS d, \(entry) AS e\(source) UNION SELECT \(forms.national), \(entry)\(source)"
        }
        let firmRows = rows("NEW.phone", entry: "NEW.id * 2")
        let personRows = rows("NEW.phone", entry: "NEW.id * 2 + 1") + " UNION " + rows("NEW.mobile", entry: "NEW.id * 2 + 1")
        try db.execute(sql: """
            CREATE TABLE search_phone(digits TEXT NOT NULL, entry INTEGER NOT NULL);
            CREATE INDEX search_phone_by_digits ON search_phone(digits, entry);
            CREATE INDEX search_phone_by_entry ON search_phone(entry);
            CREATE TRIGGER search_phone_firm_insert AFTER INSERT ON firm BEGIN
                INSERT INTO search_phone(digits, entry) SELECT d, e FROM (\(firmRows)) WHERE d != '';
            END;
            CREATE TRIGGER search_phone_firm_update AFTER UPDATE OF phone ON firm BEGIN
                DELETE FROM search_phone WHERE entry = OLD.id * 2;
                INSERT INTO search_phone(digits, entry) SELECT d, e FROM (\(firmRows)) WHERE d != '';
            END;
            CREATE TRIGGER search_phone_firm_delete AFTER DELETE ON firm BEGIN
                DELETE FROM search_phone WHERE entry = OLD.id * 2;
            END;
            CREATE TRIGGER search_phone_person_insert AFTER INSERT ON person BEGIN
                INSERT INTO search_phone(digits, entry) SELECT d, e FROM (\(personRows)) WHERE d != '';
            END;
            CREATE TRIGGER search_phone_person_update AFTER UPDATE OF phone, mobile ON person BEGIN
                DELETE FROM search_phone WHERE entry = OLD.id * 2 + 1;
                INSERT INTO search_phone(digits, entry) SELECT d, e FROM (\(personRows)) WHERE d != '';
            END;
            CREATE TRIGGER search_phone_person_delete AFTER DELETE ON person BEGIN
                DELETE FROM search_phone WHERE entry = OLD.id * 2 + 1;
            END;
            """)
        let existingFirms = rows("phone", entry: "id * 2", from: " FROM firm")
        let existingPersons = rows("phone", entry: "id * 2 + 1", from: " FROM person") + " UNION " + rows("mobile", entry: "id * 2 + 1", from: " FROM person")
        try db.execute(sql: """
            INSERT INTO search_phone(digits, entry) SELECT d, e FROM (\(existingFirms)) WHERE d != '';
            INSERT INTO search_phone(digits, entry) SELECT d, e FROM (\(existingPersons)) WHERE d != '';
            """)
    }

    /// One FTS5 row per firm (rowid = 2 × id) and per person (2 × id + 1). unicode61 with
    /// remove_diacritics 2 folds case and diacritics ("skoda" finds "Škoda"); phone numbers are
    /// in `search_phone` (above), with and without the country code, so "602111222" finds
    /// "+420 602 111 222". Triggers keep it current for every process, the sqlite3 shell
    /// included, so the terms are plain SQL rather than a registered function.
    // Two columns: the name, which ranks first, and the rest (IČO, e-mail).
    private static let firmTerms = "NEW.name, coalesce(NEW.ico, '') || ' ' || coalesce(NEW.email, '')"
    private static let personTerms = "coalesce(NEW.title_before, '') || ' ' || coalesce(NEW.first, '') || ' ' || coalesce(NEW.last, ''), coalesce(NEW.email, '')"

    private static func createSearchIndex(_ db: Database) throws {
        try db.execute(sql: """
            CREATE VIRTUAL TABLE search_entry USING fts5(name, detail, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
            CREATE TRIGGER search_firm_insert AFTER INSERT ON firm BEGIN
                INSERT INTO search_entry(rowid, name, detail) VALUES (NEW.id * 2, \(firmTerms));
            END;
            CREATE TRIGGER search_firm_update AFTER UPDATE OF name, ico, email ON firm BEGIN
                DELETE FROM search_entry WHERE rowid = OLD.id * 2;
                INSERT INTO search_entry(rowid, name, detail) VALUES (NEW.id * 2, \(firmTerms));
            END;
            CREATE TRIGGER search_firm_delete AFTER DELETE ON firm BEGIN
                DELETE FROM search_entry WHERE rowid = OLD.id * 2;
            END;
            CREATE TRIGGER search_person_insert AFTER INSERT ON person BEGIN
                INSERT INTO search_entry(rowid, name, detail) VALUES (NEW.id * 2 + 1, \(personTerms));
            END;
            CREATE TRIGGER search_person_update AFTER UPDATE OF title_before, first, last, email ON person BEGIN
                DELETE FROM search_entry WHERE rowid = OLD.id * 2 + 1;
                INSERT INTO search_entry(rowid, name, detail) VALUES (NEW.id * 2 + 1, \(personTerms));
            END;
            CREATE TRIGGER search_person_delete AFTER DELETE ON person BEGIN
                DELETE FROM search_entry WHERE rowid = OLD.id * 2 + 1;
            END;
            """)
        try fillSearchIndex(db)
    }

    private static func fillSearchIndex(_ db: Database) throws {
        let existingFirms = firmTerms.replacingOccurrences(of: "NEW.", with: "")
        let existingPersons = personTerms.replacingOccurrences(of: "NEW.", with: "")
        try db.execute(sql: """
            INSERT INTO search_entry(rowid, name, detail) SELECT id * 2, \(existingFirms) FROM firm;
            INSERT INTO search_entry(rowid, name, detail) SELECT id * 2 + 1, \(existingPersons) FROM person;
            """)
    }

    /// Migration v11's half of the search: a prefix longer than the index's prefix lengths makes
    /// FTS5 merge the postings of every word it starts ("svobod": all 30,000 Svoboda and
    /// Svobodová, 29 ms on the benchmark); prefixes indexed up to 8 characters are read lazily
    /// and stop at the first 100 (0.5 ms), for about 45 % more index. The triggers name the
    /// table, so they keep working on the new one.
    static func reindexSearchPrefixes(_ db: Database) throws {
        try db.execute(sql: """
            DROP TABLE search_entry;
            CREATE VIRTUAL TABLE search_entry USING fts5(name, detail, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4 5 6 7 8');
            """)
        try fillSearchIndex(db)
    }
}
