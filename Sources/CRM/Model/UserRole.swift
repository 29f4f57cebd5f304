// What a workspace user may do: `sales` works its own contacts and tasks, `admin` everything.

public enum UserRole: String, Sendable, CaseIterable, Codable {
    case admin
    case sales
}
