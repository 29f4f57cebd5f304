// The admin pages: users, referents, code lists, attributes and settings, each a table with the
// forms that change it. Every form carries the CSRF token; the server checks the role again.

extension Templates {
    static let adminNav = #"""
    <nav class="subnav" aria-label="{{t.admin.title}}"><ul>
      <li><a href="/admin/users"{{#tabUsers}} aria-current="page"{{/tabUsers}}>{{t.admin.users}}</a></li>
      <li><a href="/admin/referents"{{#tabReferents}} aria-current="page"{{/tabReferents}}>{{t.admin.referents}}</a></li>
      <li><a href="/admin/codelists"{{#tabCodelists}} aria-current="page"{{/tabCodelists}}>{{t.admin.codelists}}</a></li>
      <li><a href="/admin/attributes"{{#tabAttributes}} aria-current="page"{{/tabAttributes}}>{{t.admin.attributes}}</a></li>
      <li><a href="/admin/settings"{{#tabSettings}} aria-current="page"{{/tabSettings}}>{{t.admin.settings}}</a></li>
    </ul></nav>
    {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
    {{#error}}<p class="alert" role="alert">{{error}}</p>{{/error}}
    """#

    static let admin = #"""
    {{<layout}}{{$body}}
    <h1>{{t.admin.title}}: {{t.admin.users}}</h1>
    {{> adminNav}}
    {{#newToken}}<div class="notice" role="status"><p>{{t.admin.tokenOnce}}</p><pre class="token">{{newToken}}</pre></div>{{/newToken}}
    <div class="scroll"><table>
      <thead><tr><th scope="col">{{t.admin.login}}</th><th scope="col">{{t.admin.referent}}</th><th scope="col">{{t.admin.role}}</th><th scope="col">{{t.admin.state}}</th><th scope="col">{{t.admin.actions}}</th></tr></thead>
      <tbody>
      {{#users}}<tr><td>{{login}}</td><td>{{referent}}</td><td>{{role}}</td><td>{{#disabled}}{{t.admin.disabled}}{{/disabled}}{{^disabled}}{{t.admin.active}}{{/disabled}}</td>
        <td class="actions">
          <form method="post" action="/admin/users/{{login}}/{{#disabled}}enable{{/disabled}}{{^disabled}}disable{{/disabled}}"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit">{{#disabled}}{{t.admin.enable}}{{/disabled}}{{^disabled}}{{t.admin.disable}}{{/disabled}}</button></form>
          <form method="post" action="/admin/users/{{login}}/role"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="role" value="{{otherRole}}"><button type="submit">{{t.admin.makeRole}} {{otherRole}}</button></form>
          <form method="post" action="/admin/users/{{login}}/token"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit">{{t.admin.token}}</button></form>
        </td></tr>{{/users}}
      </tbody>
    </table></div>
    <h2 id="add-user">{{t.admin.addUser}}</h2>
    <form method="post" action="/admin/users" class="stack narrow-form" aria-labelledby="add-user">
      <input type="hidden" name="_csrf" value="{{csrf}}">
      <label for="u-login">{{t.admin.login}}</label><input id="u-login" name="login" required autocomplete="off">
      <label for="u-referent">{{t.admin.referent}}</label>
      <select id="u-referent" name="referent">{{#referents}}<option value="{{code}}">{{name}} ({{code}})</option>{{/referents}}</select>
      <label for="u-role">{{t.admin.role}}</label>
      <select id="u-role" name="role"><option value="sales">sales</option><option value="admin">admin</option></select>
      <label for="u-password">{{t.admin.password}}</label><input id="u-password" name="password" type="password" required minlength="10" autocomplete="new-password">
      <button type="submit" class="primary">{{t.admin.addUser}}</button>
    </form>
    {{/body}}{{/layout}}
    """#

    static let adminReferents = #"""
    {{<layout}}{{$body}}
    <h1>{{t.admin.title}}: {{t.admin.referents}}</h1>
    {{> adminNav}}
    <div class="scroll"><table>
      <thead><tr><th scope="col">{{t.admin.code}}</th><th scope="col">{{t.admin.name}}</th><th scope="col">{{t.field.email}}</th><th scope="col">{{t.admin.state}}</th><th scope="col">{{t.admin.actions}}</th></tr></thead>
      <tbody>
      {{#referents}}<tr><td>{{code}}</td><td>{{name}}</td><td>{{email}}</td><td>{{#active}}{{t.admin.active}}{{/active}}{{^active}}{{t.admin.inactive}}{{/active}}</td>
        <td><form method="post" action="/admin/referents/{{code}}/{{#active}}deactivate{{/active}}{{^active}}activate{{/active}}"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit">{{#active}}{{t.admin.deactivate}}{{/active}}{{^active}}{{t.admin.activate}}{{/active}}</button></form></td></tr>{{/referents}}
      </tbody>
    </table></div>
    <h2 id="add-referent">{{t.admin.addReferent}}</h2>
    <form method="post" action="/admin/referents" class="stack narrow-form" aria-labelledby="add-referent">
      <input type="hidden" name="_csrf" value="{{csrf}}">
      <label for="r-code">{{t.admin.code}}</label><input id="r-code" name="code" required>
      <label for="r-name">{{t.admin.name}}</label><input id="r-name" name="name" required>
      <label for="r-email">{{t.field.email}}</label><input id="r-email" name="email" type="email">
      <button type="submit" class="primary">{{t.admin.addReferent}}</button>
    </form>
    {{/body}}{{/layout}}
    """#

    static let adminCodeLists = #"""
    {{<layout}}{{$body}}
    <h1>{{t.admin.title}}: {{t.admin.codelists}}</h1>
    {{> adminNav}}
    {{#lists}}
    <section aria-labelledby="list-{{name}}">
      <h2 id="list-{{name}}">{{title}} <span class="muted">({{name}})</span></h2>
      <div class="scroll"><table>
        <thead><tr><th scope="col">{{t.admin.code}}</th><th scope="col">{{t.admin.label}}</th><th scope="col">{{t.admin.outcome}}</th><th scope="col">{{t.admin.actions}}</th></tr></thead>
        <tbody>
        {{#values}}<tr><td>{{code}}</td>
          <td><form method="post" action="/admin/codelists/{{list}}/{{code}}" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}">
            <label class="visually-hidden" for="v-{{list}}-{{code}}">{{t.admin.label}} {{code}}</label><input id="v-{{list}}-{{code}}" name="label" value="{{label}}"><button type="submit">{{t.form.save}}</button></form></td>
          <td>{{outcome}}</td>
          <td><form method="post" action="/admin/codelists/{{list}}/{{code}}/{{#retired}}unretire{{/retired}}{{^retired}}retire{{/retired}}"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit">{{#retired}}{{t.admin.unretire}}{{/retired}}{{^retired}}{{t.admin.retire}}{{/retired}}</button></form></td></tr>{{/values}}
        </tbody>
      </table></div>
      <form method="post" action="/admin/codelists/{{name}}" class="inline">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label for="nc-{{name}}">{{t.admin.code}}</label><input id="nc-{{name}}" name="code" required>
        <label for="nl-{{name}}">{{t.admin.label}}</label><input id="nl-{{name}}" name="label" required>
        <button type="submit">{{t.admin.addValue}}</button>
      </form>
    </section>
    {{/lists}}
    <h2 id="add-list">{{t.admin.addList}}</h2>
    <form method="post" action="/admin/codelists" class="stack narrow-form" aria-labelledby="add-list">
      <input type="hidden" name="_csrf" value="{{csrf}}">
      <label for="l-name">{{t.admin.code}}</label><input id="l-name" name="name" required>
      <label for="l-label">{{t.admin.label}}</label><input id="l-label" name="label">
      <button type="submit" class="primary">{{t.admin.addList}}</button>
    </form>
    {{/body}}{{/layout}}
    """#

    static let adminAttributes = #"""
    {{<layout}}{{$body}}
    <h1>{{t.admin.title}}: {{t.admin.attributes}}</h1>
    {{> adminNav}}
    <div class="scroll"><table>
      <thead><tr><th scope="col">{{t.admin.code}}</th><th scope="col">{{t.admin.entity}}</th><th scope="col">{{t.admin.type}}</th><th scope="col">{{t.admin.codelist}}</th><th scope="col">{{t.admin.label}}</th></tr></thead>
      <tbody>
      {{#attributes}}<tr><td>{{name}}</td><td>{{entity}}</td><td>{{type}}</td><td>{{codeList}}</td>
        <td><form method="post" action="/admin/attributes/{{entity}}/{{name}}" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}">
          <label class="visually-hidden" for="a-{{entity}}-{{name}}">{{t.admin.label}} {{name}}</label><input id="a-{{entity}}-{{name}}" name="label" value="{{label}}"><button type="submit">{{t.form.save}}</button></form></td></tr>{{/attributes}}
      </tbody>
    </table></div>
    <h2 id="add-attribute">{{t.admin.addAttribute}}</h2>
    <form method="post" action="/admin/attributes" class="stack narrow-form" aria-labelledby="add-attribute">
      <input type="hidden" name="_csrf" value="{{csrf}}">
      <label for="at-name">{{t.admin.code}}</label><input id="at-name" name="name" required>
      <label for="at-entity">{{t.admin.entity}}</label><select id="at-entity" name="entity"><option value="firm">firm</option><option value="person">person</option></select>
      <label for="at-type">{{t.admin.type}}</label><select id="at-type" name="type"><option value="text">text</option><option value="number">number</option><option value="date">date</option></select>
      <label for="at-list">{{t.admin.codelist}}</label><select id="at-list" name="codeList"><option value="">{{t.form.none}}</option>{{#lists}}<option value="{{name}}">{{title}}</option>{{/lists}}</select>
      <label for="at-label">{{t.admin.label}}</label><input id="at-label" name="label">
      <button type="submit" class="primary">{{t.admin.addAttribute}}</button>
    </form>
    {{/body}}{{/layout}}
    """#

    static let adminSettings = #"""
    {{<layout}}{{$body}}
    <h1>{{t.admin.title}}: {{t.admin.settings}}</h1>
    {{> adminNav}}
    <p class="muted">{{t.admin.settingsHelp}}</p>
    <div class="scroll"><table>
      <thead><tr><th scope="col">{{t.admin.setting}}</th><th scope="col">{{t.admin.value}}</th><th scope="col">{{t.admin.meaning}}</th></tr></thead>
      <tbody>
      {{#settings}}<tr><td>{{key}}</td>
        <td><form method="post" action="/admin/settings" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="key" value="{{key}}">
          <label class="visually-hidden" for="s-{{key}}">{{key}}</label><input id="s-{{key}}" name="value" value="{{value}}"><button type="submit">{{t.form.save}}</button></form></td>
        <td>{{meaning}}</td></tr>{{/settings}}
      </tbody>
    </table></div>
    {{/body}}{{/layout}}
    """#
}
