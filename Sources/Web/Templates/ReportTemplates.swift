// The reports: the index and one report with its filters, table, charts and definitions.

extension Templates {
    static let reports = #"""
    {{<layout}}{{$body}}
    <h1>{{t.reports.title}}</h1>
    <ul class="hits">{{#reports}}<li><a href="{{href}}"><strong>{{title}}</strong></a> <span class="muted">{{about}}</span></li>{{/reports}}</ul>
    {{/body}}{{/layout}}
    """#

    static let report = #"""
    {{<layout}}{{$body}}
    <p><a href="/reports">{{t.reports.title}}</a></p>
    <h1>{{title}}</h1>
    <p class="muted">{{about}}</p>
    <form method="get" action="/reports/{{name}}" class="filter report-filter">
      <div class="inline">
        <label for="report-from">{{t.report.from}}</label><input id="report-from" name="from" type="date" value="{{from}}">
        <label for="report-to">{{t.report.to}}</label><input id="report-to" name="to" type="date" value="{{to}}">
      </div>
      <label for="report-where">{{t.report.firms}}</label>
      <textarea id="report-where" name="where" rows="2" spellcheck="false">{{where}}</textarea>
      <label for="report-segment">{{t.report.segment}}</label>
      <select id="report-segment" name="segment"><option value="">{{t.firms.noView}}</option>{{#segments}}<option value="{{name}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/segments}}</select>
      {{#isReferents}}<label for="report-kind">{{t.report.kind}}</label>
      <select id="report-kind" name="kind">{{#kinds}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/kinds}}</select>{{/isReferents}}
      {{#isConversion}}<label for="report-by">{{t.report.by}}</label>
      <select id="report-by" name="by">{{#attributes}}<option value="{{name}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/attributes}}</select>
      <label for="report-bands">{{t.report.bands}}</label><input id="report-bands" name="bands" value="{{bands}}" placeholder="0,10,50,250">{{/isConversion}}
      {{#isSources}}<label for="report-attribute">{{t.report.source}}</label>
      <select id="report-attribute" name="attribute">{{#sourceAttributes}}<option value="{{name}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/sourceAttributes}}</select>{{/isSources}}
      {{#isConversion}}<label for="report-role">{{t.report.role}}</label>
      <select id="report-role" name="role">{{#roles}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/roles}}</select>{{/isConversion}}
      <button type="submit" class="primary">{{t.report.show}}</button>
    </form>
    {{#error}}<pre class="alert" role="alert">{{error}}</pre>{{/error}}
    {{#hasTable}}
    <p class="summary">{{scope}} · <a href="{{csvHref}}">{{t.report.csv}}</a> · <a href="{{htmlHref}}">{{t.report.print}}</a></p>
    <div class="scroll"><table class="list report">
      <caption>{{heading}}</caption>
      <thead><tr>{{#columns}}<th scope="col">{{title}}</th>{{/columns}}</tr></thead>
      <tbody>{{#rows}}<tr{{#isTotal}} class="total"{{/isTotal}}>{{#cells}}{{#header}}<th scope="row">{{text}}</th>{{/header}}{{^header}}<td{{#number}} class="n"{{/number}}>{{text}}</td>{{/header}}{{/cells}}</tr>{{/rows}}</tbody>
    </table></div>
    <div class="charts">{{{chartsHTML}}}</div>
    {{#definitions.0}}<h2>{{t.report.definitions}}</h2>{{/definitions.0}}
    <ul class="definitions">{{#definitions}}<li>{{.}}</li>{{/definitions}}</ul>
    {{/hasTable}}
    {{/body}}{{/layout}}
    """#

    static let print = #"""
    {{<layout}}{{$body}}
    <p><a href="/firms">{{t.nav.firms}}</a></p>
    <h1>{{t.print.title}}</h1>
    <form method="post" action="/print/letters.pdf" class="record">
      <h2>{{t.print.letters}}</h2>
      <input type="hidden" name="_csrf" value="{{csrf}}">
      <label for="letters-template">{{t.mail.template}}</label>
      <select id="letters-template" name="template">{{#templates}}<option value="{{name}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/templates}}</select>
      <label for="letters-where">{{t.report.firms}}</label>
      <textarea id="letters-where" name="where" rows="2" spellcheck="false">{{where}}</textarea>
      <label for="letters-segment">{{t.report.segment}}</label>
      <select id="letters-segment" name="segment"><option value="">{{t.firms.noView}}</option>{{#segments}}<option value="{{name}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/segments}}</select>
      <label for="letters-referent">{{t.campaign.referent}}</label>
      <select id="letters-referent" name="referent">{{#referents}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}} ({{code}})</option>{{/referents}}</select>
      <label class="check"><input type="checkbox" name="log" value="1" checked> {{t.print.log}}</label>
      <label class="check"><input type="checkbox" name="groupByFirm" value="1"> {{t.print.groupByFirm}}</label>
      <button type="submit" class="primary">{{t.print.lettersButton}}</button>
    </form>
    <form method="get" action="/print/labels.pdf" class="record">
      <h2>{{t.print.labels}}</h2>
      <label for="labels-where">{{t.report.firms}}</label>
      <textarea id="labels-where" name="where" rows="2" spellcheck="false">{{where}}</textarea>
      <label for="labels-segment">{{t.report.segment}}</label>
      <select id="labels-segment" name="segment"><option value="">{{t.firms.noView}}</option>{{#segments}}<option value="{{name}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/segments}}</select>
      <label for="labels-sheet">{{t.print.sheet}}</label>
      <select id="labels-sheet" name="sheet">{{#sheets}}<option value="{{name}}"{{#selected}} selected{{/selected}}>{{name}} · {{description}}</option>{{/sheets}}</select>
      <label for="labels-skip">{{t.print.skip}}</label>
      <input id="labels-skip" name="skip" type="number" min="0" value="{{skip}}">
      <button type="submit" class="primary">{{t.print.labelsButton}}</button>
    </form>
    <form method="get" action="/print/envelopes.pdf" class="record">
      <h2>{{t.print.envelopes}}</h2>
      <label for="envelopes-where">{{t.report.firms}}</label>
      <textarea id="envelopes-where" name="where" rows="2" spellcheck="false">{{where}}</textarea>
      <label for="envelopes-segment">{{t.report.segment}}</label>
      <select id="envelopes-segment" name="segment"><option value="">{{t.firms.noView}}</option>{{#segments}}<option value="{{name}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/segments}}</select>
      <label for="envelopes-format">{{t.print.format}}</label>
      <select id="envelopes-format" name="format">{{#formats}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/formats}}</select>
      <button type="submit" class="primary">{{t.print.envelopesButton}}</button>
    </form>
    {{/body}}{{/layout}}
    """#

    static let history = #"""
    {{<layout}}{{$body}}
    <p><a href="{{href}}">{{subject}}</a></p>
    <h1>{{t.history.title}}: {{subject}}</h1>
    <form method="get" action="{{action}}" class="inline">
      <label for="history-from">{{t.report.from}}</label><input id="history-from" name="from" type="date" value="{{from}}">
      <label for="history-to">{{t.report.to}}</label><input id="history-to" name="to" type="date" value="{{to}}">
      <button type="submit">{{t.report.show}}</button>
    </form>
    {{#error}}<pre class="alert" role="alert">{{error}}</pre>{{/error}}
    {{^error}}
    <p class="summary">{{period}} · {{count}} · <a href="{{printHref}}">{{t.report.print}}</a></p>
    {{#hasLanes}}
    <h2>{{t.history.lanes}}</h2>
    <table class="list"><thead><tr><th scope="col">{{t.campaign.referent}}</th><th scope="col">{{t.history.first}}</th><th scope="col">{{t.history.contacts}}</th><th scope="col">{{t.history.deals}}</th></tr></thead>
    <tbody>{{#lanes}}<tr><td>{{referent}}</td><td>{{first}}</td><td>{{contacts}}</td><td>{{deals}}</td></tr>{{/lanes}}</tbody></table>
    {{/hasLanes}}
    <h2>{{t.history.contacts}}</h2>
    <div class="scroll"><table class="list" id="history">
      <thead><tr><th scope="col">{{t.history.date}}</th><th scope="col">{{t.history.kind}}</th><th scope="col">{{t.campaign.state}}</th><th scope="col">{{t.campaign.referent}}</th><th scope="col">{{t.campaign.person}}</th><th scope="col">{{t.history.result}}</th><th scope="col">{{t.history.text}}</th><th scope="col">{{t.history.next}}</th></tr></thead>
      <tbody>{{#rows}}<tr><td>{{date}}</td><td>{{kind}}</td><td>{{state}}</td><td>{{referent}}</td><td>{{person}}</td><td>{{result}}</td><td>{{text}}</td><td>{{next}}</td></tr>{{/rows}}</tbody>
    </table></div>
    {{/error}}
    {{/body}}{{/layout}}
    """#
}
