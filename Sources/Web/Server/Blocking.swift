// Every use case is synchronous (SQLite, bcrypt): they run on NIO's thread pool, never on an
// event loop or the cooperative pool, so a slow query holds up no other request.

import NIOPosix

func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await NIOThreadPool.singleton.runIfActive(body)
}
