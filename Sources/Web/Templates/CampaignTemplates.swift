// The campaign pages: the list, a new campaign, one campaign with its live progress and
// recipients, and one recipient's message as it goes.

extension Templates {
    static let campaigns = #"""
    {{<layout}}{{$body}}
    <h1>{{t.campaigns.title}}</h1>
    <p><a class="button primary" href="/campaigns/new">{{t.campaign.new}}</a> <a href="/templates">{{t.templates.title}}</a>
      {{^archived}}<a href="/campaigns?archived=1">{{t.campaigns.withArchived}}</a>{{/archived}}</p>
    {{#campaigns.first}}{{/campaigns.first}}
    <table class="list">
      <caption class="visually-hidden">{{t.campaigns.title}}</caption>
      <thead><tr><th scope="col">{{t.campaign.name}}</th><th scope="col">{{t.campaign.channel}}</th><th scope="col">{{t.campaign.sentOf}}</th><th scope="col">{{t.campaign.created}}</th></tr></thead>
      <tbody>
      {{#campaigns}}<tr><td><a href="{{href}}">{{name}}</a>{{#archived}} <span class="tag">{{t.campaigns.archived}}</span>{{/archived}}</td><td>{{channel}}</td><td>{{sent}} / {{total}}</td><td>{{created}}</td></tr>{{/campaigns}}
      </tbody>
    </table>
    {{^campaigns}}<p>{{t.campaigns.none}}</p>{{/campaigns}}
    {{/body}}{{/layout}}
    """#

    static let campaignNew = #"""
    {{<layout}}{{$body}}
    <h1>{{t.campaign.new}}</h1>
    {{#error}}<p class="alert" role="alert" id="campaign-error">{{error}}</p>{{/error}}
    {{^hasTemplates}}<p>{{t.mail.noTemplates}}</p>{{/hasTemplates}}
    <form method="post" action="/campaigns" class="record">
      <input type="hidden" name="_csrf" value="{{csrf}}">
      <label for="campaign-name">{{t.campaign.name}}</label>
      <input id="campaign-name" name="name" required value="{{name}}" aria-describedby="campaign-name-help">
      <p id="campaign-name-help" class="muted">{{t.campaign.nameHelp}}</p>
      <label for="campaign-template">{{t.mail.template}}</label>
      <select id="campaign-template" name="template">{{#templates}}<option value="{{name}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/templates}}</select>
      <label for="campaign-segment">{{t.campaign.segment}}</label>
      <select id="campaign-segment" name="segment"><option value="">{{t.campaign.segmentExpression}}</option>{{#segments}}<option value="{{name}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/segments}}</select>
      <label for="campaign-expression">{{t.campaign.expression}}</label>
      <textarea id="campaign-expression" name="expression" rows="2" spellcheck="false">{{expression}}</textarea>
      <label for="campaign-referent">{{t.campaign.referent}}</label>
      <select id="campaign-referent" name="referent">{{#referents}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}} ({{code}})</option>{{/referents}}</select>
      <fieldset><legend>{{t.campaign.channel}}</legend>
      {{#channels}}<label><input type="radio" name="channel" value="{{value}}"{{#selected}} checked{{/selected}}> {{label}}</label>{{/channels}}
      </fieldset>
      <button type="submit" class="primary">{{t.campaign.create}}</button>
    </form>
    {{/body}}{{/layout}}
    """#

    static let campaign = #"""
    {{<layout}}{{$body}}
    <p><a href="/campaigns">{{t.campaigns.title}}</a></p>
    <h1>{{t.campaign.title}} {{name}}</h1>
    {{#message}}<p class="notice" role="status">{{message}}</p>{{/message}}
    {{#error}}<p class="alert" role="alert" id="campaign-error">{{error}}</p>{{/error}}
    {{#ending}}<p class="notice" role="status">{{t.campaign.lastRun}} {{ending}}</p>{{/ending}}
    <dl class="data">
      <dt>{{t.mail.template}}</dt><dd>{{template}}</dd>
      <dt>{{t.campaign.segment}}</dt><dd>{{#segment}}{{segment}}: {{/segment}}<code>{{expression}}</code></dd>
      <dt>{{t.campaign.referent}}</dt><dd>{{referent}}</dd>
      <dt>{{t.campaign.channel}}</dt><dd>{{channel}}</dd>
      <dt>{{t.campaign.created}}</dt><dd>{{created}}</dd>
    </dl>
    {{#progress}}
    <section id="campaign-progress" class="progress" data-progress="/campaigns/{{escaped}}/progress" aria-labelledby="progress-heading">
      <h2 id="progress-heading">{{t.campaign.progress}}</h2>
      <p><strong data-field="stateText" role="status">{{stateText}}</strong></p>
      <progress id="progress-bar" max="{{total}}" value="{{done}}" aria-label="{{t.campaign.progress}}">{{done}} / {{total}}</progress>
      <dl class="counts">
        <dt>{{t.campaign.state.sent}}</dt><dd data-field="sent">{{sent}}</dd>
        <dt>{{t.campaign.state.deferred}}</dt><dd data-field="deferred">{{deferred}}</dd>
        <dt>{{t.campaign.state.failed}}</dt><dd data-field="failed">{{failed}}</dd>
        <dt>{{t.campaign.state.skipped}}</dt><dd data-field="skipped">{{skipped}}</dd>
        <dt>{{t.campaign.left}}</dt><dd data-field="left">{{left}}</dd>
        <dt>{{t.campaign.rate}}</dt><dd data-field="rate">{{rate}}</dd>
        <dt>{{t.campaign.eta}}</dt><dd data-field="eta">{{eta}}</dd>
      </dl>
    </section>
    {{/progress}}
    {{#nextRetry}}<p class="muted">{{t.campaign.nextRetry}} {{nextRetry}} (UTC)</p>{{/nextRetry}}
    <div class="actions">
      {{#canRender}}<form method="post" action="/campaigns/{{escaped}}/render"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit">{{t.campaign.render}}</button></form>{{/canRender}}
      {{#canSend}}
      <form method="post" action="/campaigns/{{escaped}}/test" class="inline">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label for="test-to">{{t.campaign.testTo}}</label>
        <input id="test-to" name="to" type="email" required autocomplete="email">
        <button type="submit">{{t.campaign.test}}</button>
      </form>
      <form method="post" action="/campaigns/{{escaped}}/send"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="primary" id="send-button">{{t.campaign.send}}</button></form>
      {{/canSend}}
      <form method="post" action="/campaigns/{{escaped}}/pause"{{^canPause}} hidden{{/canPause}} data-pause><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit">{{t.campaign.pause}}</button></form>
    </div>
    {{#hasLetters}}<p><a href="/campaigns/{{escaped}}/letters.pdf">{{t.campaign.letters}}</a> · <a href="/campaigns/{{escaped}}/labels.pdf">{{t.campaign.labels}}</a></p>{{/hasLetters}}
    {{#hasFailures}}
    <h2>{{t.campaign.failures}}</h2>
    <table class="list">
      <thead><tr><th scope="col">{{t.campaign.person}}</th><th scope="col">E-mail</th><th scope="col">{{t.campaign.state}}</th><th scope="col">{{t.campaign.attempts}}</th><th scope="col">{{t.campaign.reply}}</th></tr></thead>
      <tbody>{{#failures}}<tr><td>{{person}}</td><td>{{email}}</td><td>{{state}}</td><td>{{attempts}}</td><td>{{reply}}</td></tr>{{/failures}}</tbody>
    </table>
    {{/hasFailures}}
    <h2>{{t.campaign.recipients}}</h2>
    <table class="list">
      <thead><tr><th scope="col">{{t.campaign.person}}</th><th scope="col">E-mail</th><th scope="col">{{t.campaign.state}}</th><th scope="col">{{t.mail.subject}} / {{t.campaign.reason}}</th></tr></thead>
      <tbody>{{#recipients}}<tr><td><a href="{{href}}">{{person}}</a></td><td>{{email}}</td><td>{{state}}</td><td>{{#reason}}{{reason}}{{/reason}}{{^reason}}{{subject}}{{/reason}}</td></tr>{{/recipients}}</tbody>
    </table>
    {{^recipients}}<p>{{t.campaign.noRecipients}}</p>{{/recipients}}
    {{#nextPage}}<p><a href="{{nextPage}}" rel="next">{{t.campaign.more}}</a></p>{{/nextPage}}
    {{/body}}{{/layout}}
    """#

    static let campaignRecipient = #"""
    {{<layout}}{{$body}}
    <p><a href="/campaigns/{{escaped}}">{{t.campaign.title}} {{name}}</a></p>
    <h1>{{t.campaign.recipient}} <a href="/persons/{{person}}">{{person}}</a></h1>
    <nav aria-label="{{t.campaign.recipients}}" class="pager">{{#previous}}<a href="{{previous}}" rel="prev">{{t.campaign.previous}}</a>{{/previous}} {{#next}}<a href="{{next}}" rel="next">{{t.campaign.next}}</a>{{/next}}</nav>
    <dl class="data">
      <dt>{{t.campaign.state}}</dt><dd>{{state}}</dd>
      {{#reason}}<dt>{{t.campaign.reason}}</dt><dd>{{reason}}</dd>{{/reason}}
      {{#reply}}<dt>{{t.campaign.reply}}</dt><dd>{{reply}}</dd>{{/reply}}
      {{#from}}<dt>{{t.mail.from}}</dt><dd>{{from}}</dd>{{/from}}
      {{#to}}<dt>{{t.mail.to}}</dt><dd>{{to}}</dd>{{/to}}
      {{#subject}}<dt>{{t.mail.subject}}</dt><dd>{{subject}}</dd>{{/subject}}
      {{#salutation}}<dt>{{t.campaign.salutation}}</dt><dd>{{salutation}}</dd>{{/salutation}}
      {{#listUnsubscribe}}<dt>List-Unsubscribe</dt><dd><code>{{listUnsubscribe}}</code></dd>{{/listUnsubscribe}}
    </dl>
    {{#isLetter}}<p><a href="/campaigns/{{escaped}}/letters.pdf">{{t.campaign.letters}}</a></p>{{/isLetter}}
    {{#hasMessage}}
    <p><a href="/campaigns/{{escaped}}/recipients/{{person}}/message.eml">{{t.campaign.eml}}</a>
      {{#hasHTML}} · <a href="/campaigns/{{escaped}}/recipients/{{person}}/part.html" target="_blank" rel="noopener">{{t.campaign.html}}</a>{{/hasHTML}}
      {{#contactHref}} · <a href="{{contactHref}}">{{t.campaign.sentMessage}}</a>{{/contactHref}}</p>
    <h2>{{t.campaign.textPart}}</h2>
    <pre class="message">{{text}}</pre>
    {{/hasMessage}}
    {{/body}}{{/layout}}
    """#
}

extension Templates {
    static let templates = #"""
    {{<layout}}{{$body}}
    <h1>{{t.templates.title}}</h1>
    <p><a class="button primary" href="/templates/new">{{t.template.new}}</a></p>
    <form method="post" action="/templates/upload" enctype="multipart/form-data" class="inline">
      <input type="hidden" name="_csrf" value="{{csrf}}">
      <label for="template-file">{{t.template.uploadLabel}}</label>
      <input id="template-file" name="file" type="file" accept=".md,text/markdown,text/plain" required>
      <button type="submit">{{t.template.upload}}</button>
    </form>
    <table class="list">
      <caption class="visually-hidden">{{t.templates.title}}</caption>
      <thead><tr><th scope="col">{{t.campaign.name}}</th><th scope="col">{{t.template.kind}}</th><th scope="col">{{t.template.owner}}</th></tr></thead>
      <tbody>{{#templates}}<tr><td><a href="{{href}}">{{name}}</a></td><td>{{kind}}</td><td>{{owner}}</td></tr>{{/templates}}</tbody>
    </table>
    {{/body}}{{/layout}}
    """#

    static let templateEditor = #"""
    {{<layout}}{{$body}}
    <p><a href="/templates">{{t.templates.title}}</a></p>
    <h1>{{t.template.editor}}{{#original}}: {{original}}{{/original}}</h1>
    {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
    {{#error}}<pre class="alert" role="alert" id="template-error">{{error}}</pre>{{/error}}
    {{#readOnly}}<p class="muted">{{t.template.readOnly}} <a href="/templates/new?from={{name}}">{{t.template.copy}}</a></p>
    <pre class="message">{{text}}</pre>{{/readOnly}}
    {{^readOnly}}
    <form method="post" action="/templates" class="record" id="template-form">
      <input type="hidden" name="_csrf" value="{{csrf}}">
      {{#original}}<input type="hidden" name="original" value="{{original}}">{{/original}}
      <label for="template-name">{{t.campaign.name}}</label>
      <input id="template-name" name="name" required value="{{name}}" aria-describedby="template-help">
      <p id="template-help" class="muted">{{t.template.help}}</p>
      <label for="template-text">{{t.template.text}}</label>
      <textarea id="template-text" name="text" rows="20" spellcheck="false"{{#error}} aria-invalid="true" aria-describedby="template-error"{{/error}}>{{text}}</textarea>
      <button type="submit" class="primary">{{t.template.save}}</button>
    </form>
    {{#mayRemove}}<form method="post" action="/templates/{{originalPath}}/remove"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit">{{t.template.remove}}</button></form>{{/mayRemove}}
    {{/readOnly}}
    {{/body}}{{/layout}}
    """#
}
