// The firm list: a filter in the segment language (its caret error shown as the CLI shows it),
// saved segments as views, chosen columns, keyset pages, CSV of the view.

extension Templates {
    static let firms = #"""
    {{<layout}}{{$body}}
    <h1>{{t.firms.title}}</h1>
    <p class="record-actions"><a href="/firms/new">{{t.firm.new}}</a></p>
    <form method="get" action="/firms" class="filter">
      <label for="where">{{t.firms.filter}}</label>
      <textarea id="where" name="where" rows="2" spellcheck="false" aria-describedby="where-help{{#filterError}} where-error{{/filterError}}"{{#filterError}} aria-invalid="true"{{/filterError}}>{{whereText}}</textarea>
      <p id="where-help" class="muted">{{t.firms.filterHelp}}</p>
      {{#filterError}}<pre id="where-error" class="alert" role="alert">{{filterError}}</pre>{{/filterError}}
      <label for="view">{{t.firms.view}}</label>
      <select id="view" name="segment"><option value="">{{t.firms.noView}}</option>{{#views}}<option value="{{name}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/views}}</select>
      <fieldset class="columns">
        <legend>{{t.firms.columns}}</legend>
        {{#columnChoices}}<label class="check"><input type="checkbox" name="col" value="{{key}}"{{#checked}} checked{{/checked}}> {{label}}</label>{{/columnChoices}}
      </fieldset>
      <button type="submit" class="primary">{{t.firms.apply}}</button>
    </form>
    <p class="summary">{{t.firms.count}}: <strong>{{countText}}</strong> · <a href="/firms.csv?{{exportQuery}}">{{t.firms.csv}}</a></p>
    <p class="exports"><span class="muted">{{t.export.title}}:</span>
      <a href="/export/firms.csv?{{filterQuery}}">{{t.export.firmsUTF8}}</a> ·
      <a href="/export/firms.csv?encoding=windows-1250&amp;{{filterQuery}}">{{t.export.firms1250}}</a> ·
      <a href="/export/persons.csv?{{filterQuery}}">{{t.export.persons}}</a> ·
      <a href="/export/contacts.csv?{{filterQuery}}">{{t.export.contacts}}</a> ·
      <a href="/export/persons.vcf?{{filterQuery}}">{{t.export.vcard}}</a> ·
      <a href="/export/calendar.ics">{{t.export.calendar}}</a> ·
      <a href="/print?{{filterQuery}}">{{t.print.link}}</a></p>
    {{#hasRows}}
    <div class="scroll"><table class="list">
      <thead><tr><th scope="col">{{t.col.name}}</th>{{#columns}}<th scope="col">{{label}}</th>{{/columns}}</tr></thead>
      <tbody>
      {{#rows}}<tr><td><a href="/firms/{{id}}">{{name}}</a></td>{{#cells}}<td>{{.}}</td>{{/cells}}</tr>{{/rows}}
      </tbody>
    </table></div>
    {{/hasRows}}
    {{^hasRows}}{{^filterError}}<p>{{t.firms.none}}</p>{{/filterError}}{{/hasRows}}
    <nav class="pager" aria-label="{{t.firms.title}}">
      {{#isLaterPage}}<a href="/firms?{{firstQuery}}">{{t.firms.first}}</a>{{/isLaterPage}}
      {{#nextQuery}}<a href="/firms?{{nextQuery}}" rel="next">{{t.firms.next}}</a>{{/nextQuery}}
    </nav>
    {{/body}}{{/layout}}
    """#
}
