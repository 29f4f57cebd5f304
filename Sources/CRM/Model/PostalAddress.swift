// A postal address as stored on a firm.

public struct PostalAddress: Hashable, Sendable {
    public var street: String?
    public var city: String?
    /// Normalised: `NNN NN` for Czech and Slovak codes.
    public var zip: String?
    public var country: Country

    public init(street: String? = nil, city: String? = nil, zip: String? = nil, country: Country = .czechia) {
        self.street = street; self.city = city; self.zip = zip; self.country = country
    }

    public var isEmpty: Bool { street == nil && city == nil && zip == nil }
}
