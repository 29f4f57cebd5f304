// The delivery state machine, without sockets: every transition and every refused one.

import Store
import Testing
@testable import Campaigns

@Suite struct RecipientDeliveryTests {
    @Test func aRecipientIsSentOnce() throws {
        var journey = RecipientDelivery(state: .rendered)
        try journey.dispatch()
        #expect(journey.state == .sending && journey.attempts == 1)
        try journey.accept(reply: "250 Ok")
        #expect(journey.state == .sent && journey.reply == "250 Ok")
        #expect(throws: DeliveryError.invalidTransition(from: .sent, event: "be sent")) { try journey.dispatch() }
        #expect(throws: DeliveryError.invalidTransition(from: .sent, event: "be accepted")) { try journey.accept(reply: "250 again") }
    }

    @Test func deferralsWaitTwiceAsLongEachTimeThenFail() throws {
        let policy = RetryPolicy(firstDelay: 60, maxAttempts: 3)
        var journey = RecipientDelivery(state: .rendered)
        try journey.dispatch()
        try journey.postpone(reply: "451 later", now: 1000, policy: policy)
        #expect(journey.state == .deferred && journey.retryAt == 1060)
        try journey.dispatch()
        try journey.postpone(reply: "451 later", now: 2000, policy: policy)
        #expect(journey.state == .deferred && journey.retryAt == 2120)
        try journey.dispatch()
        try journey.postpone(reply: "451 still later", now: 3000, policy: policy)
        #expect(journey.state == .failed && journey.reply == "gave up after 3 attempts: 451 still later" && journey.attempts == 3)
    }

    @Test func aRejectionFailsAndAnAbandonedAttemptDoesNotCount() throws {
        var rejected = RecipientDelivery(state: .rendered)
        try rejected.dispatch()
        try rejected.reject(reply: "550 no such user")
        #expect(rejected.state == .failed)
        #expect(throws: DeliveryError.self) { try rejected.abandon() }

        var first = RecipientDelivery(state: .rendered)
        try first.dispatch()
        try first.abandon()
        #expect(first == RecipientDelivery(state: .rendered))

        var retried = RecipientDelivery(state: .deferred, attempts: 2)
        try retried.dispatch()
        try retried.abandon()
        #expect(retried.state == .deferred && retried.attempts == 2)
    }

    @Test func aRunThatStoppedLeavesSendingWhichIsSentAgain() throws {
        var resumed = RecipientDelivery(state: .sending, attempts: 1)
        try resumed.dispatch()
        #expect(resumed.state == .sending && resumed.attempts == 2)
        for state in [RecipientState.skipped, .failed, .sent] {
            var journey = RecipientDelivery(state: state)
            #expect(throws: DeliveryError.self) { try journey.dispatch() }
        }
        var rendered = RecipientDelivery(state: .rendered)
        #expect(throws: DeliveryError.self) { try rendered.postpone(reply: "451", now: 0, policy: RetryPolicy()) }
        #expect(throws: DeliveryError.self) { try rendered.reject(reply: "550") }
    }

    @Test func aChangedFileFailsWithoutCountingAnAttemptAndTheCRMCanWithholdBeforeDispatch() throws {
        var refused = RecipientDelivery(state: .deferred, attempts: 2)
        try refused.dispatch()
        try refused.refuse()
        #expect(refused.state == .failed && refused.attempts == 2)
        var notInFlight = RecipientDelivery(state: .rendered)
        #expect(throws: DeliveryError.self) { try notInFlight.refuse() }

        for state in [RecipientState.rendered, .deferred, .sending] {
            var journey = RecipientDelivery(state: state, attempts: 1, retryAt: 99)
            try journey.withhold()
            #expect(journey.state == .skipped && journey.retryAt == nil && journey.attempts == 1)
        }
        for state in [RecipientState.sent, .failed, .skipped] {
            var journey = RecipientDelivery(state: state)
            #expect(throws: DeliveryError.self) { try journey.withhold() }
        }
    }

    @Test func contactTextIsTheSubjectCutOnAWord() {
        #expect(ContactLog.text(subject: "Novinky – listopad") == "Novinky – listopad")
        let long = String(repeating: "slovo ", count: 60)
        let cut = ContactLog.text(subject: long)
        #expect(cut.count <= 250 && cut.hasSuffix("slovo…"))
        #expect(ContactLog.text(subject: "řádek\njedna") == "řádek jedna")
    }
}
