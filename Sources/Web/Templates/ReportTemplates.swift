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
}
