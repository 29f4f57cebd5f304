// Remembered settings (`kontakt config set`): connection details and defaults, never a secret.

import GRDB

public enum Settings {
    /// The keys `config set` accepts, with what each holds.
    public static let known: [String: String] = [
        "smtp.url": "the SMTP server, smtp://[user@]host[:port] or smtps://…",
        "smtp.starttls": "required, opportunistic or off",
        "smtp.rate": "messages per second, minute or hour across all connections (e.g. 10/s, 600/min)",
        "smtp.daily-cap": "the most messages the SMTP account sends per day",
        "smtp.concurrency": "SMTP connections at once",
        "smtp.cacert": "a PEM file of certificate authorities to trust",
        "mail.from": "the sender when a template names none (Name <address>)",
        "mail.bounce-address": "the envelope sender campaign messages carry, as bounces+TOKEN@…: local@domain, local or @domain (default bounces at From's domain)",
        "dkim.domain": "the domain messages are signed for (d=), usually From's",
        "dkim.selector": "the DKIM selector (s=): the key's DNS record is SELECTOR._domainkey.DOMAIN",
        "dkim.key-file": "the PEM private key file (mode 0600) that kontakt dkim keygen wrote; never stored in the database",
        "mail.unsubscribe-url": "where kontakt serve answers one-click unsubscribes (https://HOST/unsubscribe); every campaign e-mail links to it",
        "print.sender": "the sender's block on envelopes and letters, lines separated by |",
        "print.sheets": "folders of label sheet presets or gLabels templates, separated by :",
        "templates.folder": "the folder a template named without a path is looked up in",
    ]

    public static func get(_ key: String, db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key])
    }

    public static func set(_ key: String, _ value: String?, db: Database) throws {
        if let value {
            try db.execute(sql: "INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [key, value])
        } else {
            try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [key])
        }
    }

    /// The settings `config` manages (other keys of the table belong to the store itself).
    public static func all(db: Database) throws -> [(key: String, value: String)] {
        try Row.fetchAll(db, sql: "SELECT key, value FROM setting ORDER BY key").compactMap { row in
            let key: String = row["key"]
            return known[key] == nil ? nil : (key, row["value"])
        }
    }
}
