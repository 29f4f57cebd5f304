// The frame of every page: landmarks, the navigation, the search box, the logout form. Pages
// fill the `body` block. No inline script or style anywhere: the CSP forbids both.

extension Templates {
    static let layout = #"""
    <!doctype html>
    <html lang="{{lang}}">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}} · {{t.app.name}}</title>
    <link rel="icon" href="data:,">
    <link rel="stylesheet" href="/assets/app.css?v={{assetVersion}}">
    <script src="/assets/app.js?v={{assetVersion}}" defer></script>
    </head>
    <body>
    <a class="skip" href="#main">{{t.app.skip}}</a>
    {{#user}}
    <header class="top">
      <a class="brand" href="/day">{{t.app.name}}</a>
      <nav aria-label="{{t.nav.label}}">
        <ul>
          <li><a href="/day"{{#navDay}} aria-current="page"{{/navDay}}>{{t.nav.day}}</a></li>
          <li><a href="/firms"{{#navFirms}} aria-current="page"{{/navFirms}}>{{t.nav.firms}}</a></li>
          <li><a href="/segments"{{#navSegments}} aria-current="page"{{/navSegments}}>{{t.nav.segments}}</a></li>
          <li><a href="/campaigns"{{#navCampaigns}} aria-current="page"{{/navCampaigns}}>{{t.nav.campaigns}}</a></li>
          <li><a href="/reports"{{#navReports}} aria-current="page"{{/navReports}}>{{t.nav.reports}}</a></li>
          {{#isAdmin}}<li><a href="/import"{{#navImport}} aria-current="page"{{/navImport}}>{{t.nav.import}}</a></li>{{/isAdmin}}
          {{#isAdmin}}<li><a href="/admin"{{#navAdmin}} aria-current="page"{{/navAdmin}}>{{t.nav.admin}}</a></li>{{/isAdmin}}
        </ul>
      </nav>
      <form class="search" role="search" action="/search" method="get">
        <label for="search-box" class="visually-hidden">{{t.search.label}}</label>
        <input id="search-box" name="q" type="search" placeholder="{{t.search.placeholder}}" autocomplete="off" value="{{query}}" data-palette>
        <button type="submit">{{t.search.button}}</button>
        <ul id="palette" class="palette" role="listbox" aria-label="{{t.search.title}}" hidden></ul>
      </form>
      <form class="logout" method="post" action="/logout">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <span class="who">{{t.nav.signedInAs}}: {{login}}</span>
        <button type="submit">{{t.nav.logout}}</button>
      </form>
    </header>
    {{/user}}
    <main id="main" tabindex="-1">
    {{$body}}{{/body}}
    </main>
    </body>
    </html>
    """#
}
