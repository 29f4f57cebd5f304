// Whose address blocks a print run set smaller or cut, as the command line names them.

enum PrintOwners {
    /// Up to twenty of them ("person 12, firm 3"), and how many more.
    static func named(_ owners: [String]) -> String {
        let named = owners.prefix(20).joined(separator: ", ")
        return owners.count > 20 ? named + " and \(owners.count - 20) more" : named
    }
}
