// The one-off e-mail page: the template picker, the preview, the send button.

extension Templates {
    static let mail = #"""
    {{<layout}}{{$body}}
    <h1>{{t.mail.title}}: <a href="/persons/{{personId}}">{{personName}}</a></h1>
    {{#error}}<p class="alert" role="alert">{{error}}</p>{{/error}}
    {{^hasTemplates}}<p>{{t.mail.noTemplates}}</p>{{/hasTemplates}}
    {{#hasTemplates}}
    <form method="get" action="/persons/{{personId}}/mail" class="inline">
      <label for="mail-template">{{t.mail.template}}</label>
      <select id="mail-template" name="template">{{#templates}}<option value="{{name}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/templates}}</select>
      <button type="submit">{{t.mail.preview}}</button>
    </form>
    {{/hasTemplates}}
    {{#preview}}
    <section class="preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">{{t.mail.preview}}</h2>
      <dl class="data"><dt>{{t.mail.from}}</dt><dd>{{from}}</dd><dt>{{t.mail.to}}</dt><dd>{{to}}</dd><dt>{{t.mail.subject}}</dt><dd>{{subject}}</dd></dl>
      <pre class="message">{{text}}</pre>
      <form method="post" action="/persons/{{personId}}/mail">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <input type="hidden" name="template" value="{{template}}">
        <button type="submit" class="primary">{{t.mail.send}}</button>
      </form>
    </section>
    {{/preview}}
    {{/body}}{{/layout}}
    """#
}
