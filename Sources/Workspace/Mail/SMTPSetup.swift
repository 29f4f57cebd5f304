// The SMTP server as the settings name it (smtp.url, smtp.starttls, smtp.cacert), with the
// password or token a front end was given: one-off e-mails and campaigns from the web.

import Mail
import Store

extension Workspace {
    func smtpSettings(secret: SMTPSecret?) throws -> SMTPSettings {
        try database.read { db in
            guard let url = try Settings.get("smtp.url", db: db) else {
                throw WorkspaceError.conflict("no SMTP server is set; an admin sets smtp.url in the settings (kontakt config set smtp.url smtp://host:port)")
            }
            let startTLS = try Settings.get("smtp.starttls", db: db).flatMap(StartTLS.init(rawValue:))
            return try SMTPSettings(url: url, startTLS: startTLS, secret: secret, caFile: try Settings.get("smtp.cacert", db: db))
        }
    }
}
