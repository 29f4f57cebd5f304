// Who may do what: the one table every use case asks.

import CRM
import Testing
@testable import Workspace

@Suite struct PolicyTests {
    let sales = Principal.user(SignedInUser(id: 2, login: "jan", role: .sales, referent: "jn"))
    let admin = Principal.user(SignedInUser(id: 1, login: "boss", role: .admin, referent: "mk"))

    @Test func salesLogsAndEditsOnlyAsItself() {
        #expect(Policy.allows(.logContact(referent: "jn"), sales))
        #expect(!Policy.allows(.logContact(referent: "mk"), sales))
        #expect(Policy.allows(.editContact(referent: "jn", becoming: "jn"), sales))
        #expect(!Policy.allows(.editContact(referent: "mk", becoming: "mk"), sales))
        // Handing one's own contact to someone else would be editing theirs.
        #expect(!Policy.allows(.editContact(referent: "jn", becoming: "mk"), sales))
        #expect(Policy.allows(.editFirm, sales))
        #expect(Policy.allows(.editPerson, sales))
    }

    @Test func removingAndAdministeringNeedAnAdmin() {
        for action in [Action.removeContact, .removeFirm, .removePerson, .administer, .importRecords, .manageSegments] {
            #expect(!Policy.allows(action, sales))
            #expect(Policy.allows(action, admin))
            #expect(Policy.allows(action, .localOperator))
        }
        #expect(throws: WorkspaceError.forbidden("only an administrator manages users, referents, code lists, attributes and settings")) {
            try Policy.check(.administer, sales)
        }
    }

    @Test func aSalesUserRunsOnlyTheirOwnReferentsCampaigns() {
        #expect(Policy.allows(.runCampaign(referent: "jn"), sales))
        #expect(!Policy.allows(.runCampaign(referent: "mk"), sales))
        #expect(Policy.allows(.runCampaign(referent: "mk"), admin))
        #expect(throws: WorkspaceError.forbidden("a sales user runs only the campaigns it signs as its own referent")) {
            try Policy.check(.runCampaign(referent: "mk"), sales)
        }
    }

    @Test func adminMayEditAnyonesContact() {
        #expect(Policy.allows(.logContact(referent: "jn"), admin))
        #expect(Policy.allows(.editContact(referent: "jn", becoming: "xy"), admin))
        #expect(Principal.localOperator.auditName == "cli")
        #expect(admin.auditName == "web:boss")
    }
}
