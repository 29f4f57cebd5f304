// A firm's page and a person's page, and the parts they share: the "log a contact" form, the
// timeline and the change log.

extension Templates {
    static let firm = #"""
    {{<layout}}{{$body}}
    <article class="record">
      <h1>{{name}}</h1>
      {{#roleLabels}}<p class="roles">{{roleLabels}}</p>{{/roleLabels}}
      <p class="record-actions"><a href="/firms/{{id}}/edit">{{t.firm.edit}}</a> <a href="/firms/{{id}}/persons/new">{{t.firm.addPerson}}</a>
        <a href="/firms/{{id}}/dossier.pdf">{{t.firm.dossier}}</a> <a href="/firms/{{id}}/history">{{t.history.link}}</a></p>
      {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
      <div class="columns-2">
        <section aria-labelledby="data-heading">
          <h2 id="data-heading">{{t.firm.data}}</h2>
          <dl class="data">
            {{#ico}}<dt>{{t.col.ico}}</dt><dd>{{ico}}</dd>{{/ico}}
            {{#dic}}<dt>{{t.firm.dic}}</dt><dd>{{dic}}</dd>{{/dic}}
            {{#email}}<dt>{{t.col.email}}</dt><dd><a href="mailto:{{email}}">{{email}}</a></dd>{{/email}}
            {{#phone}}<dt>{{t.col.phone}}</dt><dd><a href="tel:{{phone}}">{{phone}}</a></dd>{{/phone}}
            {{#web}}<dt>{{t.col.web}}</dt><dd>{{web}}</dd>{{/web}}
            {{#note}}<dt>{{t.firm.note}}</dt><dd>{{note}}</dd>{{/note}}
          </dl>
          <h3>{{t.firm.address}}</h3>
          <pre class="address" id="address">{{address}}</pre>
          <button type="button" data-copy="address" data-copied="{{t.firm.copied}}">{{t.firm.copy}}</button>
          {{#hasAttributes}}
          <h3>{{t.firm.attributes}}</h3>
          <dl class="data">{{#attributes}}<dt>{{label}}</dt><dd>{{value}}</dd>{{/attributes}}</dl>
          {{/hasAttributes}}
        </section>
        <section aria-labelledby="persons-heading">
          <h2 id="persons-heading">{{t.firm.persons}}</h2>
          <ul class="persons">
          {{#persons}}<li><a href="/persons/{{id}}">{{name}}</a>{{#function}} <span class="muted">{{function}}</span>{{/function}}
            {{#email}}<br><a href="mailto:{{email}}">{{email}}</a>{{/email}}{{#phone}} · <a href="tel:{{phone}}">{{phone}}</a>{{/phone}}</li>{{/persons}}
          </ul>
          {{^persons}}<p>{{t.firm.noPersons}}</p>{{/persons}}
        </section>
      </div>
      {{> logForm}}
      <div id="live-region" data-live="{{liveScope}}" data-live-version="{{liveVersion}}" data-live-show="{{t.live.show}}">{{{timelineHTML}}}</div>
      <p class="live-status muted" id="live-status" role="status" data-live-updated="{{t.live.updated}}"></p>
      {{> changes}}
    </article>
    {{/body}}{{/layout}}
    """#

    static let person = #"""
    {{<layout}}{{$body}}
    <article class="record">
      <h1>{{name}}</h1>
      <p class="roles"><a href="/firms/{{firmId}}">{{firmName}}</a>{{#function}} · {{function}}{{/function}}</p>
      <p class="record-actions"><a href="/persons/{{id}}/edit">{{t.person.edit}}</a> <a href="/persons/{{id}}/card.pdf">{{t.person.card}}</a> <a href="/persons/{{id}}/history">{{t.history.link}}</a>
        {{#email}}<a href="/persons/{{id}}/mail">{{t.person.mail}}</a>{{/email}}</p>
      {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
      <div class="columns-2">
        <section aria-labelledby="data-heading">
          <h2 id="data-heading">{{t.firm.data}}</h2>
          <dl class="data">
            {{#email}}<dt>{{t.person.email}}</dt><dd><a href="mailto:{{email}}">{{email}}</a></dd>{{/email}}
            {{#phone}}<dt>{{t.person.phone}}</dt><dd><a href="tel:{{phone}}">{{phone}}</a></dd>{{/phone}}
            {{#mobile}}<dt>{{t.person.mobile}}</dt><dd><a href="tel:{{mobile}}">{{mobile}}</a></dd>{{/mobile}}
            <dt>{{t.person.consent}}</dt><dd>{{#consent}}{{t.person.consentYes}}{{/consent}}{{^consent}}{{t.person.consentNo}}{{/consent}}</dd>
            {{#note}}<dt>{{t.firm.note}}</dt><dd>{{note}}</dd>{{/note}}
          </dl>
          {{#hasAttributes}}
          <h3>{{t.firm.attributes}}</h3>
          <dl class="data">{{#attributes}}<dt>{{label}}</dt><dd>{{value}}</dd>{{/attributes}}</dl>
          {{/hasAttributes}}
        </section>
        <section aria-labelledby="address-heading">
          <h2 id="address-heading">{{t.firm.address}}</h2>
          <pre class="address" id="address">{{address}}</pre>
          <button type="button" data-copy="address" data-copied="{{t.firm.copied}}">{{t.firm.copy}}</button>
        </section>
      </div>
      {{> logForm}}
      <div id="live-region" data-live="{{liveScope}}" data-live-version="{{liveVersion}}" data-live-show="{{t.live.show}}">{{{timelineHTML}}}</div>
      <p class="live-status muted" id="live-status" role="status" data-live-updated="{{t.live.updated}}"></p>
      {{> changes}}
    </article>
    {{/body}}{{/layout}}
    """#

    static let logForm = #"""
    <section class="log" aria-labelledby="log-heading">
      <h2 id="log-heading">{{t.log.title}}</h2>
      {{#has_formErrors}}<div class="alert" role="alert"><p>{{t.error.invalid}}</p><ul>{{#formErrors}}<li>{{.}}</li>{{/formErrors}}</ul></div>{{/has_formErrors}}
      <form method="post" action="{{logAction}}" class="stack" id="log-form">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <div class="row">
          <div><label for="log-kind">{{t.log.kind}}</label>
          <select id="log-kind" name="kind">{{#kinds}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/kinds}}</select></div>
          {{#has_personChoices}}<div><label for="log-person">{{t.log.person}}</label>
          <select id="log-person" name="person"><option value="">{{t.log.noPerson}}</option>{{#personChoices}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/personChoices}}</select></div>{{/has_personChoices}}
          <div><label for="log-result">{{t.log.result}}</label>
          <select id="log-result" name="result"><option value="">{{t.log.noResult}}</option>{{#results}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/results}}</select></div>
        </div>
        <label for="log-text">{{t.log.text}} <span class="muted">({{t.log.textHelp}})</span></label>
        <textarea id="log-text" name="text" maxlength="250" required rows="2" data-counter aria-describedby="log-text-count">{{draft.text}}</textarea>
        <p id="log-text-count" class="counter muted" aria-live="polite"></p>
        <label for="log-note">{{t.log.note}}</label>
        <textarea id="log-note" name="note" rows="2">{{draft.note}}</textarea>
        <div class="row">
          <div><label for="log-next-date">{{t.log.nextDate}}</label><input id="log-next-date" name="nextDate" type="date" value="{{draft.nextDate}}"></div>
          <div class="grow"><label for="log-next-task">{{t.log.nextTask}}</label><input id="log-next-task" name="nextTask" maxlength="250" value="{{draft.nextTask}}"></div>
        </div>
        <button type="submit" class="primary">{{t.log.submit}}</button>
      </form>
    </section>
    """#

    static let timeline = #"""
    <section class="timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{{t.timeline.title}}</h2>
      {{#has_openTasks}}<h3>{{t.firm.tasks}}</h3>
      <ul class="entries">{{#openTasks}}<li class="entry task"><p class="when">{{date}} · {{referent}}</p><p>{{text}}</p></li>{{/openTasks}}</ul>{{/has_openTasks}}
      <ol class="entries" id="timeline">
      {{#entries}}
        <li class="entry {{kind}}" id="contact-{{id}}">
          <p class="when">{{date}} · <span class="tag">{{kindLabel}}</span> · {{referent}}{{#personName}} · <a href="/persons/{{personId}}">{{personName}}</a>{{/personName}}{{#isTask}} · {{t.timeline.task}}{{#done}} ({{t.timeline.done}} {{done}}){{/done}}{{/isTask}}</p>
          {{#resultLabel}}<p class="result">{{resultLabel}}</p>{{/resultLabel}}
          <p class="text">{{text}}</p>
          {{#note}}<p class="note">{{note}}</p>{{/note}}
          {{#next}}<p class="next">{{t.timeline.next}}: {{date}} — {{task}} ({{referent}})</p>{{/next}}
          {{#hasMessage}}<p><a href="/contacts/{{id}}/message">{{t.timeline.message}}</a></p>{{/hasMessage}}
        </li>
      {{/entries}}
      </ol>
      {{^entries}}<p>{{t.timeline.empty}}</p>{{/entries}}
      {{#olderHref}}<p><a href="{{olderHref}}" rel="next">{{t.timeline.older}}</a></p>{{/olderHref}}
    </section>
    """#

    static let changes = #"""
    <details class="changes">
      <summary>{{t.changes.title}}</summary>
      {{#has_changes}}
      <div class="scroll"><table>
        <thead><tr><th scope="col">{{t.changes.at}}</th><th scope="col">{{t.changes.who}}</th><th scope="col">{{t.changes.field}}</th><th scope="col">{{t.changes.old}}</th><th scope="col">{{t.changes.new}}</th></tr></thead>
        <tbody>{{#changes}}<tr><td>{{at}}</td><td>{{actor}}</td><td>{{field}}</td><td>{{old}}</td><td>{{new}}</td></tr>{{/changes}}</tbody>
      </table></div>
      {{/has_changes}}
      {{^changes}}<p>{{t.changes.none}}</p>{{/changes}}
    </details>
    """#
}
