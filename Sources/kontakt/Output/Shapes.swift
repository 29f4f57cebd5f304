// The JSON shapes of firms, persons and contacts: the contract the acceptance tests read.

import CRM
import Store

extension JSONWriter {
    func firm(_ firm: Firm, extra: () throws -> Void = {}) rethrows {
        try object {
            field("id", firm.id)
            field("name", firm.name)
            field("ico", firm.ico?.digits)
            field("dic", firm.dic?.value)
            field("roles", strings: firm.roles.map(\.rawValue))
            objectField("address") {
                field("street", firm.address.street)
                field("city", firm.address.city)
                field("zip", firm.address.zip)
                field("country", firm.address.country.code)
            }
            field("email", firm.email?.value)
            field("phone", firm.phone)
            field("web", firm.web)
            field("note", firm.note)
            attributes(firm.attributes)
            try extra()
        }
    }

    func person(_ listing: PersonListing, extra: () throws -> Void = {}) rethrows {
        let person = listing.person
        try object {
            field("id", person.id)
            field("firmId", person.firmId)
            field("firm", listing.firmName)
            field("titleBefore", person.name.titleBefore)
            field("first", person.name.first)
            field("last", person.name.last)
            field("titleAfter", person.name.titleAfter)
            field("gender", person.gender.rawValue)
            field("function", person.function)
            field("email", person.email?.value)
            field("phone", person.phone)
            field("mobile", person.mobile)
            field("note", person.note)
            field("emailConsent", person.emailConsent)
            if let address = person.address {
                objectField("address") {
                    field("street", address.street)
                    field("city", address.city)
                    field("zip", address.zip)
                    field("country", address.country.code)
                }
            }
            attributes(person.attributes)
            try extra()
        }
    }

    func contact(_ listing: ContactListing) {
        let contact = listing.contact
        object {
            field("id", contact.id)
            field("firmId", contact.firmId)
            field("firm", listing.firmName)
            field("personId", contact.personId)
            field("person", listing.personName?.withTitles)
            field("date", contact.date.iso)
            field("status", contact.status.rawValue)
            if contact.status == .task { field("done", contact.doneAt != nil) }
            field("doneAt", contact.doneAt?.iso)
            field("kind", contact.kind)
            field("referent", contact.referent)
            field("result", contact.result)
            field("text", contact.text)
            field("note", contact.note)
            key("next")
            if let next = contact.next {
                object {
                    field("date", next.date.iso)
                    field("task", next.task)
                    field("referent", next.referent)
                }
            } else {
                null()
            }
            field("originContactId", contact.originContactId)
        }
    }

    func attributes(_ values: [String: AttributeValue]) {
        objectField("attributes") {
            for name in values.keys.sorted() {
                switch values[name]! {
                case .text(let text): field(name, text)
                case .number(let number): field(name, number: number)
                case .date(let date): field(name, date.iso)
                }
            }
        }
    }

    func savedSegment(_ segment: SavedSegment) {
        object { savedSegmentFields(segment) }
    }

    func savedSegmentFields(_ segment: SavedSegment) {
        field("name", segment.name)
        field("target", segment.target.rawValue)
        field("expression", segment.expression)
        field("createdAt", segment.createdAt)
        field("updatedAt", segment.updatedAt)
    }
}
