// The version `kontakt --version` prints; raised with each release of the command-line contract.

enum KontaktVersion {
    static let string = "0.14.0"
}
