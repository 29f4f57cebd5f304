// Who may do what, in one table: every use case asks here before it changes anything.

import CRM

public enum Action: Sendable, Equatable {
    /// Log a contact (or a task) with this referent.
    case logContact(referent: String)
    /// Change or complete a contact or task now belonging to `referent`; `becoming` is the
    /// referent it would belong to after the change.
    case editContact(referent: String, becoming: String)
    case removeContact
    case editFirm, removeFirm
    case editPerson, removePerson
    /// Save, replace or remove a saved segment: the office's campaigns and views select with them.
    case manageSegments
    /// Add a template (`owner` nil) or replace or remove one saved by `owner` (an audit name).
    case editTemplate(owner: String?)
    /// Import firms, persons or contacts from a file: many records at once, for admins.
    case importRecords
    /// Create, render, send or pause a campaign signed by `referent`.
    case runCampaign(referent: String)
    /// Users, referents, code lists, attributes, settings.
    case administer
}

public enum Policy {
    /// `sales` reads everything, logs contacts as its own referent, edits its own contacts and
    /// tasks (a task is the assignee's), and edits firm and person data (every change audited);
    /// removing records and administering are for `admin` and the command line.
    public static func allows(_ action: Action, _ principal: Principal) -> Bool {
        guard case .user(let user) = principal, user.role == .sales else { return true }
        switch action {
        case .logContact(let referent): return referent == user.referent
        case .editContact(let referent, let becoming): return referent == user.referent && becoming == user.referent
        case .editFirm, .editPerson: return true
        case .runCampaign(let referent): return referent == user.referent
        case .editTemplate(let owner): return owner == nil || owner == principal.auditName
        case .removeContact, .removeFirm, .removePerson, .manageSegments, .administer, .importRecords: return false
        }
    }

    public static func check(_ action: Action, _ principal: Principal) throws {
        guard allows(action, principal) else { throw WorkspaceError.forbidden(reason(action)) }
    }

    static func reason(_ action: Action) -> String {
        switch action {
        case .logContact: return "a sales user logs contacts as its own referent only"
        case .editContact: return "a sales user changes only its own contacts and the tasks assigned to it"
        case .removeContact, .removeFirm, .removePerson: return "only an administrator removes records"
        case .manageSegments: return "only an administrator saves and removes segments (the office's campaigns and views use them)"
        case .importRecords: return "only an administrator imports records from a file"
        case .editTemplate: return "only the template's owner or an administrator replaces or removes it"
        case .runCampaign: return "a sales user runs only the campaigns it signs as its own referent"
        case .administer: return "only an administrator manages users, referents, code lists, attributes and settings"
        case .editFirm, .editPerson: return "this change is not allowed"
        }
    }
}
