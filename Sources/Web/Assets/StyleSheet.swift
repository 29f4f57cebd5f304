// The workspace's one stylesheet, served from the binary. Mobile first: one column at 360 px
// (nothing wider than the screen, tap targets of at least 44 px), two columns from 900 px.
// Colours keep a contrast of at least 4.5:1 against their background.

import Reports

enum StyleSheet {
    static let css = own + "\n" + HTMLReport.chartStyles + "\n"

    private static let own = #"""
    :root { --ink: #1a1a1a; --muted: #595959; --line: #c8c8c8; --paper: #ffffff; --tint: #f3f5f7; --accent: #0b5cad; --accent-ink: #ffffff;
            --alert: #a3161a; --ok: #1d6b2f; font-family: "DejaVu Sans", system-ui, sans-serif; font-size: 16px; line-height: 1.45; color: var(--ink); background: var(--paper); }
    *, *::before, *::after { box-sizing: border-box; }
    body { margin: 0; overflow-wrap: anywhere; }
    a { color: var(--accent); }
    a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible { outline: 3px solid #f0a800; outline-offset: 2px; }
    .skip { position: absolute; left: -999px; top: 0; background: var(--paper); padding: .75rem; z-index: 10; }
    .skip:focus { left: .5rem; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    header.top { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; padding: .5rem .75rem; background: var(--tint); border-bottom: 1px solid var(--line); }
    header.top .brand { font-weight: bold; text-decoration: none; color: var(--ink); min-height: 44px; display: inline-flex; align-items: center; }
    header.top nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem; }
    header.top nav a { display: inline-flex; align-items: center; min-height: 44px; padding: 0 .75rem; text-decoration: none; border-radius: 4px; }
    header.top nav a[aria-current="page"] { background: var(--accent); color: var(--accent-ink); }
    form.search { position: relative; display: flex; gap: .25rem; flex: 1 1 16rem; min-width: 0; }
    form.search input { flex: 1; min-width: 0; }
    form.logout { display: flex; gap: .5rem; align-items: center; }
    form.logout .who { color: var(--muted); font-size: .875rem; }
    main { padding: .75rem; max-width: 80rem; margin: 0 auto; }
    main:focus { outline: none; }
    h1 { font-size: 1.5rem; margin: .5rem 0 1rem; }
    h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
    h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
    .muted { color: var(--muted); }
    input, select, textarea, button { font: inherit; min-height: 44px; border: 1px solid #767676; border-radius: 4px; padding: .5rem; background: var(--paper); color: var(--ink); max-width: 100%; }
    textarea { width: 100%; }
    button, summary { cursor: pointer; }
    button { background: var(--tint); padding: .5rem .9rem; }
    button.primary { background: var(--accent); color: var(--accent-ink); border-color: var(--accent); }
    label { display: block; font-weight: 600; margin-top: .5rem; }
    label.check { display: inline-flex; align-items: center; gap: .35rem; font-weight: normal; min-height: 44px; margin-right: .75rem; }
    label.check input { min-height: 0; width: 1.25rem; height: 1.25rem; }
    fieldset { border: 1px solid var(--line); border-radius: 4px; margin: .75rem 0; }
    form.stack > button { margin-top: .75rem; }
    form.inline { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; }
    .row { display: flex; flex-wrap: wrap; gap: .5rem 1rem; }
    .row > div { flex: 1 1 12rem; min-width: 0; }
    .row select, .row input { width: 100%; }
    .grow { flex: 3 1 16rem; }
    .alert { color: var(--alert); border-left: 4px solid var(--alert); padding: .5rem .75rem; background: #fdf1f1; white-space: pre-wrap; }
    .live-offer { display: block; margin: .5rem 0; }
    .live-status:empty { display: none; }
    .notice { color: var(--ok); border-left: 4px solid var(--ok); padding: .5rem .75rem; background: #eef7f0; }
    pre { font-family: "DejaVu Sans Mono", monospace; overflow-x: auto; }
    pre.address { background: var(--tint); padding: .75rem; border-radius: 4px; white-space: pre-wrap; font-family: inherit; }
    .scroll { overflow-x: auto; max-width: 100%; }
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: left; padding: .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
    table.list td:first-child a { display: inline-block; min-height: 44px; padding: .6rem 0; }
    .pager { display: flex; gap: 1rem; margin: 1rem 0; }
    .pager a { display: inline-flex; align-items: center; min-height: 44px; }
    ul.cards { list-style: none; padding: 0; display: grid; gap: .75rem; }
    .card { border: 1px solid var(--line); border-radius: 6px; padding: .75rem; }
    .card p { margin: .25rem 0; }
    .card .actions { display: flex; flex-wrap: wrap; gap: .5rem; align-items: start; margin-top: .5rem; }
    .card details { flex: 1 1 100%; }
    summary { min-height: 44px; display: flex; align-items: center; color: var(--accent); }
    .when { color: var(--muted); font-size: .9rem; }
    .tag { display: inline-block; padding: 0 .4rem; border-radius: 3px; background: var(--tint); border: 1px solid var(--line); font-size: .875rem; color: var(--ink); }
    .count { font-weight: normal; color: var(--muted); }
    ol.entries, ul.entries { list-style: none; padding: 0; }
    .entry { border-left: 3px solid var(--line); padding: .25rem .75rem; margin: .75rem 0; }
    .entry.email { border-left-color: var(--accent); }
    .entry p { margin: .2rem 0; }
    .entry .result { font-weight: 600; }
    .entry .note { color: var(--muted); white-space: pre-wrap; }
    ul.persons { padding-left: 1.1rem; }
    ul.persons li { margin: .5rem 0; }
    ul.persons a, dd a { display: inline-block; min-height: 44px; padding-top: .6rem; }
    dl.data { display: grid; grid-template-columns: minmax(6rem, max-content) 1fr; gap: .25rem .75rem; }
    dl.data dt { font-weight: 600; }
    dl.data dd { margin: 0; }
    .code-editor { position: relative; }
    .code-editor pre.highlight, .code-editor textarea { font: 1rem/1.5 ui-monospace, "DejaVu Sans Mono", monospace; padding: .5rem; margin: 0;
      white-space: pre-wrap; overflow-wrap: anywhere; box-sizing: border-box; width: 100%; border: 1px solid var(--line); border-radius: 6px; }
    .code-editor pre.highlight { display: none; position: absolute; inset: 0; overflow: hidden; pointer-events: none; border-color: transparent; background: var(--paper); }
    .code-editor.enhanced pre.highlight { display: block; }
    .code-editor.enhanced textarea { position: relative; background: transparent; color: transparent; caret-color: var(--ink); }
    .syn-keyword { color: #0b4f8a; font-weight: 600; }
    .syn-field { color: #1d5e3a; }
    .syn-value, .syn-text { color: #7a3e00; }
    .syn-number, .syn-date { color: #6a1b9a; }
    .syn-symbol { color: #444; }
    .syn-error, .syn-bad { color: #a50e0e; text-decoration: underline wavy #a50e0e; }
    ul.completion { position: static; max-height: 14rem; overflow-y: auto; }
    details.sql pre { white-space: pre-wrap; overflow-wrap: anywhere; }
    table.report td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    table.report tr.total th, table.report tr.total td { border-top: 2px solid var(--ink); font-weight: 600; }
    .charts figure { margin: 1.2rem 0; }
    svg.chart { width: 100%; max-width: 720px; height: auto; }
    div.actions { display: flex; flex-wrap: wrap; gap: .75rem; align-items: end; margin: 1rem 0; }
    section.progress progress { width: 100%; height: 1.25rem; }
    dl.counts { display: grid; grid-template-columns: repeat(auto-fill, minmax(8rem, 1fr)); gap: .25rem .75rem; }
    dl.counts dt { font-size: .85rem; color: var(--muted); }
    dl.counts dd { margin: 0 0 .5rem; font-size: 1.4rem; font-variant-numeric: tabular-nums; }
    a.button { display: inline-block; padding: .45rem .9rem; border-radius: 6px; background: var(--accent); color: var(--accent-ink); text-decoration: none; }
    .record-actions { display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
    .record-actions a { display: inline-flex; align-items: center; min-height: 44px; }
    .field-error { color: var(--alert); margin: .25rem 0 0; }
    .record-form .field { margin-bottom: .25rem; }
    .record-form input, .record-form select { width: 100%; }
    .record-form label.check input { width: 1.25rem; }
    section.danger { margin-top: 2rem; border-top: 2px solid var(--alert); }
    nav.subnav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem; }
    nav.subnav a { display: inline-flex; align-items: center; min-height: 44px; padding: 0 .75rem; border-radius: 4px; }
    nav.subnav a[aria-current="page"] { background: var(--accent); color: var(--accent-ink); }
    .narrow-form { max-width: 28rem; }
    .narrow-form input, .narrow-form select { width: 100%; }
    td.actions form { display: inline-block; margin: 0 .25rem .25rem 0; }
    td button { white-space: nowrap; min-width: 44px; }
    pre.token, pre.message { white-space: pre-wrap; background: var(--tint); padding: .75rem; border-radius: 4px; }
    .palette { position: absolute; top: 100%; left: 0; right: 0; z-index: 5; list-style: none; margin: .25rem 0 0; padding: 0; background: var(--paper); border: 1px solid var(--line); border-radius: 4px; box-shadow: 0 4px 12px rgb(0 0 0 / 15%); }
    .palette li a { display: block; padding: .6rem .75rem; min-height: 44px; text-decoration: none; color: var(--ink); }
    .palette li[aria-selected="true"] a { background: var(--accent); color: var(--accent-ink); }
    .palette .muted { font-size: .875rem; }
    .palette li[aria-selected="true"] .muted { color: var(--accent-ink); }
    ul.hits { list-style: none; padding: 0; }
    ul.hits li { padding: .5rem 0; border-bottom: 1px solid var(--line); }
    ul.hits li a { display: inline-block; min-height: 44px; padding-top: .6rem; }
    section.login { max-width: 24rem; margin: 3rem auto; }
    section.login input { width: 100%; }
    section.login button { margin-top: 1rem; width: 100%; }
    @media (min-width: 900px) {
      .columns-2 { display: grid; grid-template-columns: 1fr 1fr; gap: 2rem; }
      ul.cards { grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr)); }
      main { padding: 1rem 1.5rem; }
    }
    """#
}
