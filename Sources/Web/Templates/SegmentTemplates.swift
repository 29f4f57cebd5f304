// The saved segments and the segment editor.

extension Templates {
    static let segments = #"""
    {{<layout}}{{$body}}
    <h1>{{t.segments.title}}</h1>
    <p><a class="button primary" href="/segments/edit">{{t.segment.new}}</a></p>
    <table class="list">
      <caption class="visually-hidden">{{t.segments.title}}</caption>
      <thead><tr><th scope="col">{{t.campaign.name}}</th><th scope="col">{{t.segment.target}}</th><th scope="col">{{t.segment.expression}}</th></tr></thead>
      <tbody>{{#segments}}<tr><td><a href="{{href}}">{{name}}</a></td><td>{{target}}</td><td><code>{{expression}}</code></td></tr>{{/segments}}</tbody>
    </table>
    {{^segments}}<p>{{t.segments.none}}</p>{{/segments}}
    {{/body}}{{/layout}}
    """#

    static let segmentEditor = #"""
    {{<layout}}{{$body}}
    <p><a href="/segments">{{t.segments.title}}</a></p>
    <h1>{{t.segment.editor}}{{#original}}: {{original}}{{/original}}</h1>
    {{#saved}}<p class="notice" role="status">{{t.segment.savedNotice}}</p>{{/saved}}
    {{#error}}<p class="alert" role="alert">{{error}}</p>{{/error}}
    <form method="get" action="/segments/edit" class="segment-editor" id="segment-form">
      {{#original}}<input type="hidden" name="original" value="{{original}}">{{/original}}
      <input type="hidden" name="name" value="{{name}}">
      <fieldset class="inline"><legend>{{t.segment.target}}</legend>
        <label><input type="radio" name="target" value="person"{{#isPerson}} checked{{/isPerson}}> {{t.segment.target.person}}</label>
        <label><input type="radio" name="target" value="firm"{{#isFirm}} checked{{/isFirm}}> {{t.segment.target.firm}}</label>
      </fieldset>
      <label for="segment-expression">{{t.segment.expression}}</label>
      <div class="code-editor">
        <pre id="segment-highlight" class="highlight" aria-hidden="true">{{{highlightHTML}}} </pre>
        <textarea id="segment-expression" name="expression" rows="4" spellcheck="false" autocomplete="off" autocapitalize="off"
          aria-describedby="segment-help segment-error" aria-autocomplete="list" aria-controls="segment-completion" data-segment-editor
          {{#checkError}} aria-invalid="true"{{/checkError}}>{{expression}}</textarea>
      </div>
      <ul id="segment-completion" class="palette completion" role="listbox" aria-label="{{t.segment.completion}}" hidden></ul>
      <p id="segment-help" class="muted">{{t.segment.help}}</p>
      <pre id="segment-error" class="alert" role="alert"{{^checkError}} hidden{{/checkError}}>{{checkError}}</pre>
      <button type="submit">{{t.segment.check}}</button>
    </form>
    <p class="summary">{{t.firms.count}}: <strong id="segment-count" aria-live="polite">{{countText}}{{^countText}}—{{/countText}}</strong></p>
    <ul id="segment-matches" class="hits" aria-label="{{t.segment.matches}}">{{#matches}}<li><a href="{{href}}">{{title}}</a> <span class="muted">{{detail}}</span></li>{{/matches}}</ul>
    {{#canSave}}
    <details class="sql"{{#sql}} open{{/sql}}><summary>{{t.segment.sql}}</summary><pre id="segment-sql">{{sql}}</pre></details>
    <form method="post" action="/segments" class="inline" id="segment-save">
      <input type="hidden" name="_csrf" value="{{csrf}}">
      {{#original}}<input type="hidden" name="original" value="{{original}}">{{/original}}
      <input type="hidden" name="expression" value="{{expression}}" data-mirror="segment-expression">
      <input type="hidden" name="target" value="{{#isFirm}}firm{{/isFirm}}{{#isPerson}}person{{/isPerson}}" data-mirror-target>
      <label for="segment-name">{{t.segment.name}}</label>
      <input id="segment-name" name="name" required value="{{name}}">
      <button type="submit" class="primary">{{#original}}{{t.segment.saveChanges}}{{/original}}{{^original}}{{t.segment.save}}{{/original}}</button>
    </form>
    {{#original}}<form method="post" action="/segments/{{originalPath}}/remove"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit">{{t.segment.remove}}</button></form>{{/original}}
    {{/canSave}}
    {{/body}}{{/layout}}
    """#
}
