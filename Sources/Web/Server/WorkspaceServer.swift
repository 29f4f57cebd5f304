// `kontakt serve`: the web workspace over one Workspace. Builds the router (pages, the JSON
// API, assets, health and metrics) and runs it until SIGINT or SIGTERM.

import Dispatch
import Hummingbird
import HummingbirdCore
import NIOCore
#if canImport(Glibc)
import Glibc
#endif
import HummingbirdTLS
import Logging
import NIOSSL
import Workspace

public enum WorkspaceServer {
    /// The router, for `run` and for in-process tests.
    public static func router(workspace: Workspace, configuration: ServerConfiguration) throws -> Router<WebContext> {
        try router(workspace: workspace, configuration: configuration, jobs: CampaignJobs())
    }

    static func router(workspace: Workspace, configuration: ServerConfiguration, jobs: CampaignJobs) throws -> Router<WebContext> {
        let renderer = try PageRenderer()
        let metrics = Metrics()
        let site = Site(workspace: workspace, configuration: configuration, renderer: renderer,
                        throttle: LoginThrottle(limit: configuration.loginThrottle.limit, window: configuration.loginThrottle.window), jobs: jobs)
        let router = Router(context: WebContext.self)
        router.add(middleware: RequestMetrics(metrics: metrics))
        router.add(middleware: SecurityHeaders(tls: configuration.usesTLS))
        router.add(middleware: OriginCheck(allowedOrigins: configuration.allowedOrigins, tls: configuration.usesTLS))
        router.add(middleware: SessionAuthenticator(workspace: workspace, cookieName: Site.sessionCookie))

        router.get("healthz") { _, _ -> Response in
            let healthy = (try? await blocking { try workspace.database.appliedMigrations().isEmpty == false }) ?? false
            return Response(status: healthy ? .ok : .serviceUnavailable, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: .init(byteBuffer: .init(string: healthy ? "ok\n" : "database unavailable\n")))
        }
        router.get("metrics") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"], body: .init(byteBuffer: .init(string: metrics.exposition())))
        }
        router.get("api/openapi.json") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: .init(string: OpenAPIDocument.json)))
        }
        AssetRoutes.add(to: router)
        site.addLogin(to: router)
        site.addUnsubscribe(to: router)
        let pages = router.group().add(middleware: PageGuard(site: site))
        site.addPages(to: pages)
        let api = router.group("api/v1").add(middleware: APIGuard(site: site))
        APIRoutes(site: site).add(to: api)
        return router
    }

    /// Serves until SIGINT or SIGTERM; `onRunning` gets the URL once it listens.
    public static func run(workspace: Workspace, configuration: ServerConfiguration, logger: Logger,
                           onRunning: @escaping @Sendable (String) -> Void) async throws {
        let jobs = CampaignJobs()
        // The sends this server started stop after their messages in flight, recorded, before it
        // exits: asked the moment SIGTERM or SIGINT arrives, waited for before returning.
        let signals = [SIGTERM, SIGINT].map { number -> DispatchSourceSignal in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { jobs.requestStop() }
            source.resume()
            return source
        }
        defer {
            signals.forEach { $0.cancel() }
            jobs.stopAll(timeout: 60)
        }
        let router = try router(workspace: workspace, configuration: configuration, jobs: jobs)
        let address = BindAddress.hostname(configuration.host, port: configuration.port)
        let onServerRunning: @Sendable (any Channel) async -> Void = { channel in
            let port = channel.localAddress?.port ?? configuration.port
            var shown = configuration
            shown.port = port
            onRunning(shown.url)
        }
        let server: HTTPServerBuilder
        if let certificate = configuration.tlsCertificate, let key = configuration.tlsKey {
            let chain = try NIOSSLCertificate.fromPEMFile(certificate).map { NIOSSLCertificateSource.certificate($0) }
            let tls = TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(try NIOSSLPrivateKey(file: key, format: .pem)))
            server = try .tls(.http1(), tlsConfiguration: tls)
        } else {
            server = .http1()
        }
        let app = Application(router: router, server: server, configuration: .init(address: address, serverName: "Kontakt"),
                              onServerRunning: onServerRunning, logger: logger)
        do {
            try await app.runService()
        } catch let error as IOError {
            throw ServeError.cannotListen(address: configuration.url, reason: error.errnoCode == EADDRINUSE
                ? "the address is in use (another kontakt serve?); choose another --port" : "\(error)")
        }
    }
}

/// Why `kontakt serve` could not serve, in a sentence.
public enum ServeError: Error, CustomStringConvertible {
    case cannotListen(address: String, reason: String)

    public var description: String {
        switch self {
        case .cannotListen(let address, let reason): return "cannot listen on \(address): \(reason)"
        }
    }
}
