// Attribute definitions and code-list values can be changed and retired as an office's
// vocabulary changes, and the records, the merge and the report summaries stay right.

import Foundation
import Testing

@Suite struct DefinitionEditTests {
    @Test func labelsOutcomesAndRetiredValuesKeepRecordsAndReportsRight() throws {
        let s = try Session()
        try s.ok("init")
        try s.ok("referent", "add", "novak", "--name", "Jan Novák")
        try s.ok("codelist", "add", "territory", "--label", "Oblast")
        try s.ok("codelist", "value", "add", "territory", "morava", "--label", "Morava")
        try s.ok("codelist", "value", "add", "territory", "cechy", "--label", "Čechy")
        try s.ok("attr", "define", "territory", "--on", "firm", "--type", "text", "--label", "Region")
        try s.ok("firm", "add", "Alfa s.r.o.", "--role", "prospect", "--set", "territory=morava")
        try s.ok("firm", "add", "Beta a.s.", "--role", "prospect", "--set", "territory=slezsko")

        // A code list is bound only when every stored value is one of its codes.
        let refused = try s.run("attr", "edit", "territory", "--on", "firm", "--codelist", "territory")
        #expect(refused.status == 1 && refused.stderr.contains("firm 2 has territory \"slezsko\""), "\(refused.stderr)")
        try s.ok("firm", "edit", "2", "--set", "territory=cechy")
        try s.ok("attr", "edit", "territory", "--on", "firm", "--codelist", "territory", "--label", "Oblast")
        #expect(try s.ok("firm", "show", "1").contains("Oblast     Morava"))

        // A new label shows everywhere at once; the code stays.
        try s.ok("codelist", "value", "edit", "territory", "morava", "--label", "Morava a Slezsko")
        #expect(try s.ok("firm", "show", "1").contains("Morava a Slezsko"))

        // A retired value stays on the records but cannot be given again.
        try s.ok("codelist", "value", "retire", "territory", "cechy")
        #expect(try s.ok("firm", "show", "2").contains("Čechy"))
        let retired = try s.run("firm", "add", "Gama s.r.o.", "--set", "territory=cechy")
        #expect(retired.status == 1 && retired.stderr.contains("retired"), "\(retired.stderr)")
        try s.ok("codelist", "value", "retire", "territory", "cechy", "--undo")
        try s.ok("firm", "add", "Gama s.r.o.", "--set", "territory=cechy")

        // An outcome class changed: the reports follow at once, with nothing rebuilt.
        try s.ok("contact", "add", "--firm", "1", "--kind", "meeting", "--referent", "novak", "--text", "Nabídka", "--result", "offer", "--date", "2026-11-02")
        let before = try s.ok("report", "referents", "--format", "csv")
        #expect(before.contains("novak,Jan Novák,1,0,1,0,0,0,"), "\(before)")
        try s.ok("codelist", "value", "edit", "result", "offer", "--outcome", "success")
        let after = try s.ok("report", "referents", "--format", "csv")
        #expect(after.contains("novak,Jan Novák,1,1,0,0,0,1,"), "\(after)")
        try s.ok("codelist", "value", "edit", "result", "offer", "--outcome", "open")
        #expect(try s.ok("report", "referents", "--format", "csv") == before)

        // Freed from its list, the attribute takes any text again.
        try s.ok("attr", "edit", "territory", "--on", "firm", "--no-codelist")
        try s.ok("firm", "edit", "2", "--set", "territory=Slezsko")
    }
}
