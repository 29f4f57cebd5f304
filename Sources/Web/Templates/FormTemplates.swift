// The edit form of a firm or a person: every field with its label and its own error, attributes
// with typed editors (number, date, a code list's values), and for admins the removal form.

extension Templates {
    static let recordForm = #"""
    {{<layout}}{{$body}}
    <h1>{{heading}}</h1>
    {{#has_formErrors}}<div class="alert" role="alert" id="form-errors"><p>{{t.error.invalid}}</p><ul>{{#formErrors}}<li>{{.}}</li>{{/formErrors}}</ul></div>{{/has_formErrors}}
    <form method="post" action="{{action}}" class="stack record-form">
      <input type="hidden" name="_csrf" value="{{csrf}}">
      {{#fields}}
      <div class="field">
        {{#isCheckbox}}<label class="check"><input type="checkbox" id="f-{{name}}" name="{{name}}" value="yes"{{#checked}} checked{{/checked}}> {{label}}</label>{{/isCheckbox}}
        {{^isCheckbox}}<label for="f-{{name}}">{{label}}</label>
        {{#isSelect}}<select id="f-{{name}}" name="{{name}}"{{#error}} aria-invalid="true" aria-describedby="e-{{name}}"{{/error}}>{{#options}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/options}}</select>{{/isSelect}}
        {{#isTextarea}}<textarea id="f-{{name}}" name="{{name}}" rows="3"{{#error}} aria-invalid="true" aria-describedby="e-{{name}}"{{/error}}>{{value}}</textarea>{{/isTextarea}}
        {{#isInput}}<input id="f-{{name}}" name="{{name}}" type="{{type}}" value="{{value}}"{{#required}} required{{/required}}{{#step}} step="{{step}}"{{/step}}{{#error}} aria-invalid="true" aria-describedby="e-{{name}}"{{/error}}>{{/isInput}}
        {{/isCheckbox}}
        {{#error}}<p class="field-error" id="e-{{name}}">{{error}}</p>{{/error}}
      </div>
      {{/fields}}
      <button type="submit" class="primary">{{t.form.save}}</button>
      <a href="{{cancel}}">{{t.form.cancel}}</a>
    </form>
    {{#removeAction}}
    <section class="danger" aria-labelledby="remove-heading">
      <h2 id="remove-heading">{{t.form.remove}}</h2>
      <form method="post" action="{{removeAction}}" class="stack">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label for="remove-reason">{{t.form.reason}}</label>
        <input id="remove-reason" name="reason">
        <label class="check"><input type="checkbox" name="force" value="yes"> {{t.form.force}}</label>
        <button type="submit">{{t.form.removeButton}}</button>
      </form>
    </section>
    {{/removeAction}}
    {{/body}}{{/layout}}
    """#
}
