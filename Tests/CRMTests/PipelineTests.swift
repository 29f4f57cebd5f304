// The pipeline: prepared values arrive in order, chunk after chunk.

import Testing
import CRM

@Suite struct PipelineTests {
    @Test(arguments: [0, 1, 7, 2_048, 2_049, 10_000])
    func everyElementArrivesOnceInOrderWithItsPreparedValue(count: Int) {
        var seen: [Int] = []
        Pipeline.run(Array(0..<count), chunkSize: 2_048, prepare: { $0 * 3 }) { element, prepared in
            #expect(prepared == element * 3)
            seen.append(element)
        }
        #expect(seen == Array(0..<count))
    }

    @Test func anErrorInConsumeStopsTheRun() {
        struct Stop: Error {}
        var consumed = 0
        #expect(throws: Stop.self) {
            try Pipeline.run(Array(0..<5_000), chunkSize: 100, prepare: { $0 }) { element, _ in
                if element == 250 { throw Stop() }
                consumed += 1
            }
        }
        #expect(consumed == 250)
    }
}
