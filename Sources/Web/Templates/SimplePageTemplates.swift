// Login, errors, search results and the public unsubscribe page.

extension Templates {
    static let login = #"""
    {{<layout}}{{$body}}
    <section class="login">
      <h1>{{t.login.title}}</h1>
      {{#message}}<p class="alert" role="alert">{{message}}</p>{{/message}}
      <form method="post" action="/login">
        <input type="hidden" name="_csrf" value="{{loginCSRF}}">
        <input type="hidden" name="next" value="{{next}}">
        <label for="login">{{t.login.login}}</label>
        <input id="login" name="login" autocomplete="username" required autofocus value="{{loginName}}">
        <label for="password">{{t.login.password}}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required>
        <button type="submit" class="primary">{{t.login.submit}}</button>
      </form>
    </section>
    {{/body}}{{/layout}}
    """#

    static let error = #"""
    {{<layout}}{{$body}}
    <h1>{{t.error.title}} {{status}}</h1>
    <p class="alert" role="alert">{{message}}</p>
    <p><a href="/day">{{t.error.back}}</a></p>
    {{/body}}{{/layout}}
    """#

    static let search = #"""
    {{<layout}}{{$body}}
    <h1>{{t.search.title}}</h1>
    {{#hasQuery}}
    <ul class="hits">
    {{#hits}}
      <li><a href="{{href}}"><span class="tag">{{kindLabel}}</span> <strong>{{title}}</strong></a> <span class="muted">{{detail}}</span>
        {{#email}}<span class="muted">{{email}}</span>{{/email}} {{#phone}}<span class="muted">{{phone}}</span>{{/phone}}</li>
    {{/hits}}
    </ul>
    {{^hits}}<p>{{t.search.none}}</p>{{/hits}}
    {{/hasQuery}}
    {{/body}}{{/layout}}
    """#

    static let unsubscribe = #"""
    {{<layout}}{{$body}}
    <section class="login">
      <h1>{{t.unsubscribe.title}}</h1>
      {{#ask}}
      <p>{{t.unsubscribe.question}}</p>
      <form method="post" action="/unsubscribe/{{token}}">
        <input type="hidden" name="List-Unsubscribe" value="One-Click">
        <input type="hidden" name="confirmed" value="page">
        <button type="submit" class="primary">{{t.unsubscribe.button}}</button>
      </form>
      {{/ask}}
      {{#done}}<p role="status">{{t.unsubscribe.done}}</p>{{/done}}
      {{#preview}}<p role="status">{{t.unsubscribe.preview}}</p>{{/preview}}
      {{#invalid}}<p class="alert" role="alert">{{t.unsubscribe.invalid}}</p>{{/invalid}}
    </section>
    {{/body}}{{/layout}}
    """#
}
