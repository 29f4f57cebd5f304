// My day: open tasks by urgency; each can be done, moved or closed with its outcome, each in at
// most three actions (open, type, save).

extension Templates {
    static let day = #"""
    {{<layout}}{{$body}}
    <h1>{{t.day.title}} <span class="muted">{{todayText}}</span></h1>
    {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
    <div id="live-region" data-live="{{liveScope}}" data-live-version="{{liveVersion}}" data-live-show="{{t.live.show}}">
    {{#empty}}<p>{{t.day.empty}}</p>{{/empty}}
    {{#groups}}
    <section class="tasks {{key}}" aria-labelledby="group-{{key}}">
      <h2 id="group-{{key}}">{{label}} <span class="count">{{count}}</span></h2>
      <ul class="cards">
      {{#tasks}}
        <li class="card" id="task-{{id}}">
          <p class="when">{{date}}</p>
          <p><a href="/firms/{{firmId}}">{{firmName}}</a>{{#personName}} · <a href="/persons/{{personId}}">{{personName}}</a>{{/personName}}</p>
          <p class="text">{{text}}</p>
          <div class="actions">
            <form method="post" action="/tasks/{{id}}/done">
              <input type="hidden" name="_csrf" value="{{csrf}}">
              <button type="submit">{{t.task.done}}</button>
            </form>
            <details>
              <summary>{{t.task.reschedule}}</summary>
              <form method="post" action="/tasks/{{id}}/reschedule" class="inline">
                <input type="hidden" name="_csrf" value="{{csrf}}">
                <label for="move-{{id}}">{{t.task.rescheduleTo}}</label>
                <input id="move-{{id}}" name="date" type="date" required value="{{tomorrow}}">
                <button type="submit">{{t.task.reschedule}}</button>
              </form>
            </details>
            <details>
              <summary>{{t.task.outcome}}</summary>
              <form method="post" action="/tasks/{{id}}/complete" class="stack">
                <input type="hidden" name="_csrf" value="{{csrf}}">
                <label for="kind-{{id}}">{{t.log.kind}}</label>
                <select id="kind-{{id}}" name="kind">{{#kinds}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/kinds}}</select>
                <label for="result-{{id}}">{{t.log.result}}</label>
                <select id="result-{{id}}" name="result"><option value="">{{t.log.noResult}}</option>{{#results}}<option value="{{code}}">{{label}}</option>{{/results}}</select>
                <label for="text-{{id}}">{{t.log.text}} <span class="muted">({{t.log.textHelp}})</span></label>
                <textarea id="text-{{id}}" name="text" maxlength="250" required data-counter rows="2"></textarea>
                <label for="next-date-{{id}}">{{t.log.nextDate}}</label>
                <input id="next-date-{{id}}" name="nextDate" type="date">
                <label for="next-task-{{id}}">{{t.log.nextTask}}</label>
                <input id="next-task-{{id}}" name="nextTask" maxlength="250">
                <button type="submit" class="primary">{{t.task.outcomeSave}}</button>
              </form>
            </details>
          </div>
        </li>
      {{/tasks}}
      </ul>
    </section>
    {{/groups}}
    </div>
    <p class="live-status muted" id="live-status" role="status" data-live-updated="{{t.live.updated}}"></p>
    {{/body}}{{/layout}}
    """#
}
