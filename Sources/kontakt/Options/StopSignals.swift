// SIGINT, SIGTERM and SIGHUP during a send: the first asks the run to stop gracefully (nothing
// new starts, the messages in flight finish and are recorded); a second stops at once, leaving
// only those in flight to the documented window.

import Campaigns
import Foundation

enum StopSignals {
    /// Routes the three signals to `interruption` for as long as the returned sources live.
    static func install(_ interruption: SendInterruption) -> [DispatchSourceSignal] {
        [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM"), (SIGHUP, "SIGHUP")].map { number, name in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if interruption.reason == nil {
                    interruption.request(name)
                    FileHandle.standardError.write(Data("\n\(name): stopping after the messages in flight are recorded (send it again to stop at once)\n".utf8))
                } else {
                    FileHandle.standardError.write(Data("\n\(name) again: stopped at once; the messages in flight stay `sending` and go out again on the next run\n".utf8))
                    _exit(128 + number)
                }
            }
            source.resume()
            return source
        }
    }
}
