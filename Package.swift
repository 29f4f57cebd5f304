// swift-tools-version:6.1
// Kontakt: a CRM core with a correspondence engine. See ARCHITECTURE in README.md for the rooms.
import PackageDescription

let package = Package(
    name: "Kontakt",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kontakt", targets: ["kontakt"]),
        .executable(name: "kontakt-sample", targets: ["kontakt-sample"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/JohnSundell/Ink", exact: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.0.0"),
        .package(url: "https://github.com/vapor/multipart-kit", exact: "4.7.1"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
    ],
    targets: [
        // Domain values and rules: no I/O, no SQLite.
        .target(name: "CRM"),
        // SQLite schema, migrations, transactions, queries.
        .target(name: "Store", dependencies: [
            "CRM",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // CSV (encodings, delimiters) import and export.
        .target(name: "Interchange", dependencies: [
            "CRM", "Store",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // The filter language: parser, type checker against the attribute definitions, SQL compiler.
        .target(name: "Segmentation", dependencies: [
            "CRM", "Store",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Templates, merge fields, Czech salutations and formatting.
        .target(name: "Merge", dependencies: [
            "CRM",
            .product(name: "Yams", package: "Yams"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "Ink", package: "Ink"),
        ]),
        // Pango and cairo (Debian libpango1.0-dev, libcairo2-dev; fonts-dejavu-core).
        .systemLibrary(name: "CPangoCairo", pkgConfig: "pangocairo", providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),
        // Page layout and PDF: letters, envelopes, label sheets, cards; knows nothing of firms.
        .target(name: "Print", dependencies: ["CPangoCairo", .product(name: "Yams", package: "Yams")]),
        // libcurl (Debian libcurl4-openssl-dev), with typed wrappers for its variadic setters.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // MIME composition (RFC 5322, 2045–2049, 2047, 2231, 8058), DKIM signing (RFC 6376,
        // 8463: swift-crypto, whose _CryptoExtras has RSA with PKCS#1 v1.5 padding), SMTP delivery
        // and IMAP reading through libcurl, bounce parsing (RFC 3464, 3463, 5965, 3834); knows
        // nothing of firms.
        .target(name: "Mail", dependencies: [
            "CCurl",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
        ]),
        // OpenSSL's libcrypto (Debian libssl-dev), for SHA-256 only.
        .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // Where the parts meet: segment → merge → message → Outbox (→ delivery).
        .target(name: "Campaigns", dependencies: [
            "CRM", "Store", "Segmentation", "Merge", "Mail", "Interchange", "Print", "COpenSSL",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Statistics over the contact log and attributes, and their renderers.
        .target(name: "Reports", dependencies: ["CRM", "Store", .product(name: "GRDB", package: "GRDB.swift")]),
        // The use cases both front ends call: who may do what, one transaction each, the audit.
        .target(name: "Workspace", dependencies: [
            "CRM", "Store", "Segmentation", "Reports", "Interchange", "Print", "Merge", "Mail", "Campaigns", "COpenSSL",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
        ]),
        // The web workspace (`kontakt serve`): pages, the JSON API, sessions; no SQL.
        .target(name: "Web", dependencies: [
            "Workspace", "CRM", "Store", "Reports",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "HummingbirdTLS", package: "hummingbird"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
            .product(name: "MultipartKit", package: "multipart-kit"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
        ]),
        // The command-line front end.
        .executableTarget(name: "kontakt", dependencies: [
            "CRM", "Store", "Interchange", "Segmentation", "Merge", "Mail", "Campaigns", "Print", "Reports", "Workspace", "Web",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Deterministic Czech sample data for `make demo` and `make bench`.
        .executableTarget(name: "kontakt-sample", dependencies: [
            "CRM", "Interchange", "Store",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Helpers the test targets share: running Python's parsers as independent peers.
        .target(name: "TestSupport", path: "Tests/TestSupport", exclude: ["smtp_server.py"]),
        .testTarget(name: "CRMTests", dependencies: ["CRM"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "CRM", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "InterchangeTests", dependencies: ["Interchange", "Store", "CRM", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "SegmentationTests", dependencies: ["Segmentation", "Store", "CRM", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "MailTests", dependencies: ["Mail", "TestSupport"]),
        .testTarget(name: "PrintTests", dependencies: ["Print", "TestSupport"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "CRM", "Store", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "MergeTests", dependencies: ["Merge", "CRM"]),
        .testTarget(name: "CampaignsTests", dependencies: ["Campaigns", "Merge", "Mail", "Print", "Store", "CRM", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        // A small office in memory, for the workspace's and the web's tests.
        .target(name: "WorkspaceFixtures", dependencies: ["Workspace", "Store", "CRM", .product(name: "GRDB", package: "GRDB.swift")],
                path: "Tests/WorkspaceFixtures"),
        .testTarget(name: "WorkspaceTests", dependencies: ["Workspace", "WorkspaceFixtures", "Store", "CRM", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "WebTests", dependencies: [
            "Web", "Workspace", "WorkspaceFixtures", "Store", "CRM", "TestSupport",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .testTarget(name: "EndToEndTests", dependencies: ["kontakt", "kontakt-sample", "TestSupport", "CRM"]),
    ]
)
