// Importing a spreadsheet: the upload, the check with its mapping and problems, the outcome.

extension Templates {
    static let importUpload = #"""
    {{<layout}}{{$body}}
    <h1>{{t.import.title}}</h1>
    {{#error}}<p class="alert" role="alert">{{error}}</p>{{/error}}
    <p class="muted">{{t.import.help}} {{t.import.limit}} {{limitMiB}} MiB.</p>
    <form method="post" action="/import" enctype="multipart/form-data" class="record">
      <input type="hidden" name="_csrf" value="{{csrf}}">
      <fieldset><legend>{{t.import.what}}</legend>
        <label><input type="radio" name="target" value="firms" checked> {{t.import.target.firms}}</label>
        <label><input type="radio" name="target" value="persons"> {{t.import.target.persons}}</label>
        <label><input type="radio" name="target" value="contacts"> {{t.import.target.contacts}}</label>
      </fieldset>
      <label for="import-file">{{t.import.file}}</label>
      <input id="import-file" name="file" type="file" accept=".csv,text/csv" required>
      <button type="submit" class="primary">{{t.import.upload}}</button>
    </form>
    {{/body}}{{/layout}}
    """#

    static let importCheck = #"""
    {{<layout}}{{$body}}
    <p><a href="/import">{{t.import.title}}</a></p>
    <h1>{{t.import.title}}: {{fileName}}</h1>
    {{#error}}<pre class="alert" role="alert">{{error}}</pre>{{/error}}
    {{#encoding}}
    <dl class="data">
      <dt>{{t.import.what}}</dt><dd>{{targetLabel}}</dd>
      <dt>{{t.import.encoding}}</dt><dd id="import-encoding">{{encoding}}</dd>
      <dt>{{t.import.delimiter}}</dt><dd id="import-delimiter">{{delimiter}}</dd>
      <dt>{{t.import.rows}}</dt><dd>{{rows}}</dd>
    </dl>
    <form method="get" action="/import/{{id}}" class="record" id="import-mapping">
      <input type="hidden" name="target" value="{{target}}">
      <h2>{{t.import.mapping}}</h2>
      <div class="scroll"><table class="list">
        <thead><tr><th scope="col">{{t.import.column}}</th><th scope="col">{{t.import.readAs}}</th></tr></thead>
        <tbody>{{#columns}}<tr><th scope="row"><label for="col{{index}}">{{column}}</label></th><td>
          <select id="col{{index}}" name="col{{index}}">
            <option value=""{{#isAuto}} selected{{/isAuto}}>{{t.import.auto}} ({{suggested}})</option>
            <option value="-"{{#isIgnored}} selected{{/isIgnored}}>{{t.import.ignore}}</option>
            {{#choices}}<option value="{{name}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/choices}}
          </select></td></tr>{{/columns}}</tbody>
      </table></div>
      <label for="import-duplicates">{{t.import.duplicates}}</label>
      <select id="import-duplicates" name="duplicates">{{#duplicateChoices}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/duplicateChoices}}</select>
      <button type="submit">{{t.import.recheck}}</button>
    </form>
    <h2>{{t.import.sample}}</h2>
    <div class="scroll"><table class="list">
      <thead><tr>{{#sampleHead}}<th scope="col">{{.}}</th>{{/sampleHead}}</tr></thead>
      <tbody>{{#sample}}<tr>{{#cells}}<td>{{.}}</td>{{/cells}}</tr>{{/sample}}</tbody>
    </table></div>
    {{/encoding}}
    {{#checked}}<p class="summary" id="import-summary">{{t.import.valid}}: <strong>{{valid}}</strong> · {{t.import.invalid}}: <strong>{{invalidRows}}</strong> · {{t.import.duplicateCount}}: <strong>{{duplicates}}</strong></p>{{/checked}}
    {{#hasProblems}}
    <h2>{{t.import.problems}}</h2>
    <div class="scroll"><table class="list" id="import-problems">
      <thead><tr><th scope="col">{{t.import.line}}</th><th scope="col">{{t.import.column}}</th><th scope="col">{{t.import.what.wrong}}</th></tr></thead>
      <tbody>{{#problems}}<tr><td>{{line}}</td><td>{{column}}</td><td>{{message}}</td></tr>{{/problems}}</tbody>
    </table></div>
    {{/hasProblems}}
    {{#checked}}
    <div class="actions">
      {{#canImportAll}}<form method="post" action="/import/{{id}}">{{> importHidden}}<input type="hidden" name="mode" value="all"><button type="submit" class="primary">{{t.import.all}}</button></form>{{/canImportAll}}
      {{#canImportValid}}{{#hasProblems}}<form method="post" action="/import/{{id}}">{{> importHidden}}<input type="hidden" name="mode" value="valid"><button type="submit" class="primary">{{t.import.validOnly}}</button></form>{{/hasProblems}}{{/canImportValid}}
    </div>
    {{/checked}}
    {{/body}}{{/layout}}
    """#

    /// The mapping chosen on the page, carried into the import's form.
    static let importHidden = #"""
    <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="target" value="{{target}}">{{#columns}}{{^isAuto}}<input type="hidden" name="col{{index}}" value="{{#isIgnored}}-{{/isIgnored}}{{#choices}}{{#selected}}{{name}}{{/selected}}{{/choices}}">{{/isAuto}}{{/columns}}{{#duplicateChoices}}{{#selected}}<input type="hidden" name="duplicates" value="{{value}}">{{/selected}}{{/duplicateChoices}}
    """#

    static let importDone = #"""
    {{<layout}}{{$body}}
    <h1>{{t.import.title}}: {{fileName}}</h1>
    <p class="notice" role="status" id="import-done">{{t.import.imported}} {{imported}} / {{rows}} ({{target}}).</p>
    <ul>
      <li>{{t.import.invalid}}: {{skippedRows}}</li>
      <li>{{t.import.duplicates.skipped}}: {{duplicatesSkipped}} · {{t.import.duplicates.updated}}: {{duplicatesUpdated}}</li>
      <li>{{t.import.tasks}}: {{tasks}}</li>
    </ul>
    {{#hasProblems}}<table class="list"><thead><tr><th scope="col">{{t.import.line}}</th><th scope="col">{{t.import.column}}</th><th scope="col">{{t.import.what.wrong}}</th></tr></thead>
    <tbody>{{#problems}}<tr><td>{{line}}</td><td>{{column}}</td><td>{{message}}</td></tr>{{/problems}}</tbody></table>{{/hasProblems}}
    <p><a href="/firms">{{t.nav.firms}}</a> · <a href="/import">{{t.import.another}}</a></p>
    {{/body}}{{/layout}}
    """#
}
