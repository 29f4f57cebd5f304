// An independent DKIM verifier for the tests: dkimpy (PyPI), run as its own process, with the
// DNS answered from a fixture instead of the network (nothing leaves the machine).

import Foundation

public enum DKIMVerifier {
    public struct Verdict: Decodable, Sendable {
        public let ok: Bool
        /// dkimpy's complaint when it failed.
        public let error: String?
        /// The `a=` and `d=` of the first signature, as dkimpy read them.
        public let algorithm: String?
        public let domain: String?
    }

    static let script = #"""
import base64, json, logging, sys, io
import dkim
request = json.load(sys.stdin)
records = {name.encode(): text.encode() for name, text in request["records"].items()}
def dns(name, timeout=5):
    return records.get(name if isinstance(name, bytes) else name.encode())
verdicts = []
for encoded in request["messages"]:
    message = base64.b64decode(encoded)
    log = io.StringIO()
    logger = logging.getLogger("dkim-check")
    logger.handlers = [logging.StreamHandler(log)]
    logger.setLevel(logging.DEBUG)
    verifier = dkim.DKIM(message, logger=logger)
    try:
        ok = verifier.verify(dnsfunc=dns)
        error = None if ok else log.getvalue().strip().splitlines()[-1:] or ["verify returned False"]
        error = None if ok else " ".join(error)
    except Exception as exception:
        ok, error = False, type(exception).__name__ + ": " + str(exception)
    tags = verifier.signature_fields or {}
    verdicts.append({"ok": bool(ok), "error": error,
                     "algorithm": tags.get(b"a", b"").decode() or None, "domain": tags.get(b"d", b"").decode() or None})
json.dump(verdicts, sys.stdout)
"""#

    /// dkimpy's verdict on each message, with `records` (`sel._domainkey.example.cz.` → the TXT
    /// text) as the only DNS.
    public static func verify(_ messages: [[UInt8]], records: [String: String]) throws -> [Verdict] {
        let request: [String: Any] = ["records": records, "messages": messages.map { Data($0).base64EncodedString() }]
        let output = try Python.run(script, input: try JSONSerialization.data(withJSONObject: request))
        return try JSONDecoder().decode([Verdict].self, from: output)
    }
}
