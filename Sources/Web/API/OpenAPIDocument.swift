// /api/openapi.json: the API described in OpenAPI 3.1, kept beside the routes it describes and
// checked against the running server by schemathesis in CI.

enum OpenAPIDocument {
    static let json = #"""
    {
      "openapi": "3.1.0",
      "info": {"title": "Kontakt workspace API", "version": "1",
               "description": "Firms, persons, the contact log and tasks of a Kontakt database. Authenticate with a bearer token from `kontakt user token LOGIN`. Errors carry the same sentences as the command line."},
      "servers": [{"url": "/"}],
      "security": [{"bearer": []}],
      "components": {
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "description": "kt_… from `kontakt user token`"}},
        "schemas": {
          "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object",
            "required": ["kind", "message", "field", "position", "line", "column", "fields"],
            "properties": {
              "kind": {"enum": ["invalid", "notFound", "conflict", "forbidden", "unauthenticated", "unavailable", "failed"]},
              "message": {"type": "string"},
              "field": {"type": ["string", "null"]},
              "position": {"type": ["integer", "null"], "description": "0-based character offset into a segment expression"},
              "line": {"type": ["integer", "null"]},
              "column": {"type": ["integer", "null"]},
              "fields": {"type": "array", "items": {"type": "object", "required": ["field", "message"],
                         "properties": {"field": {"type": "string"}, "message": {"type": "string"}}}}}}}},
          "Firm": {"type": "object", "required": ["id", "name", "ico", "dic", "roles", "street", "city", "zip", "country", "email", "phone", "web", "note", "attributes"],
            "properties": {
              "id": {"type": "integer"}, "name": {"type": "string"}, "ico": {"type": ["string", "null"]}, "dic": {"type": ["string", "null"]},
              "roles": {"type": "array", "items": {"enum": ["customer", "prospect", "supplier"]}},
              "street": {"type": ["string", "null"]}, "city": {"type": ["string", "null"]}, "zip": {"type": ["string", "null"]}, "country": {"type": "string"},
              "email": {"type": ["string", "null"]}, "phone": {"type": ["string", "null"]}, "web": {"type": ["string", "null"]}, "note": {"type": ["string", "null"]},
              "attributes": {"type": "object", "additionalProperties": {"type": ["string", "number"]}}}},
          "Person": {"type": "object", "required": ["id", "firmId", "titleBefore", "first", "last", "titleAfter", "gender", "function", "email", "phone", "mobile", "note", "emailConsent", "attributes"],
            "properties": {
              "id": {"type": "integer"}, "firmId": {"type": "integer"}, "titleBefore": {"type": ["string", "null"]}, "first": {"type": "string"},
              "last": {"type": "string"}, "titleAfter": {"type": ["string", "null"]}, "gender": {"enum": ["m", "f", "unknown"]},
              "function": {"type": ["string", "null"]}, "email": {"type": ["string", "null"]}, "phone": {"type": ["string", "null"]},
              "mobile": {"type": ["string", "null"]}, "note": {"type": ["string", "null"]}, "emailConsent": {"type": "boolean"},
              "attributes": {"type": "object", "additionalProperties": {"type": ["string", "number"]}}, "firmName": {"type": "string", "description": "in segment previews"}}},
          "CampaignSummary": {"type": "object", "required": ["name", "createdAt", "archivedAt", "href"], "properties": {
            "name": {"type": "string"}, "createdAt": {"type": "string"}, "archivedAt": {"type": ["string", "null"]}, "href": {"type": "string"}}},
          "CampaignStatus": {"type": "object", "required": ["name", "template", "templateHash", "expression", "segment", "target", "referent", "channel", "createdAt", "archivedAt", "recipients", "nextRetry", "running", "failures"],
            "properties": {
              "name": {"type": "string"}, "template": {"type": "string"}, "templateHash": {"type": "string"}, "expression": {"type": "string"},
              "segment": {"type": ["string", "null"]}, "target": {"enum": ["person", "firm"]}, "referent": {"type": "string"}, "channel": {"enum": ["email", "letter", "auto"]},
              "createdAt": {"type": "string"}, "archivedAt": {"type": ["string", "null"]},
              "recipients": {"type": "object", "description": "recipients in each state, every state present", "additionalProperties": {"type": "integer", "minimum": 0}},
              "nextRetry": {"type": ["string", "null"]},
              "running": {"oneOf": [{"type": "null"}, {"type": "object", "required": ["purpose", "process", "host", "since"], "properties": {
                "purpose": {"enum": ["render", "send"]}, "process": {"type": "integer"}, "host": {"type": "string"}, "since": {"type": "string"}}}]},
              "failures": {"type": "array", "items": {"type": "object", "required": ["personId", "email", "state", "attempts", "reply"], "properties": {
                "personId": {"type": "integer"}, "email": {"type": ["string", "null"]}, "state": {"enum": ["deferred", "failed", "skipped"]},
                "attempts": {"type": "integer"}, "reply": {"type": ["string", "null"]}}}}}},
          "Contact": {"type": "object", "required": ["id", "firmId", "firmName", "personId", "personName", "date", "status", "kind", "referent", "result", "text", "note", "nextDate", "nextTask", "nextReferent"],
            "properties": {
              "id": {"type": "integer"}, "firmId": {"type": "integer"}, "firmName": {"type": "string"}, "personId": {"type": ["integer", "null"]},
              "personName": {"type": ["string", "null"]}, "date": {"type": "string", "description": "YYYY-MM-DD or YYYY-MM-DDTHH:MM, local time"},
              "status": {"enum": ["contact", "task"]}, "kind": {"type": "string"}, "referent": {"type": "string"}, "result": {"type": ["string", "null"]},
              "text": {"type": "string"}, "note": {"type": ["string", "null"]}, "nextDate": {"type": ["string", "null"]},
              "nextTask": {"type": ["string", "null"]}, "nextReferent": {"type": ["string", "null"]},
              "done": {"type": ["string", "null"], "description": "tasks only: when it was done"}}},
          "Hit": {"type": "object", "required": ["kind", "id", "title", "detail", "firmId", "email", "phone", "href"],
            "properties": {"kind": {"enum": ["firm", "person"]}, "id": {"type": "integer"}, "title": {"type": "string"}, "detail": {"type": "string"},
                           "firmId": {"type": "integer"}, "email": {"type": ["string", "null"]}, "phone": {"type": ["string", "null"]}, "href": {"type": "string"}}},
          "NewContact": {"type": "object", "required": ["text"], "properties": {
              "firmId": {"type": "integer", "minimum": 1}, "personId": {"type": "integer", "minimum": 1},
              "date": {"$ref": "#/components/schemas/Date"}, "status": {"enum": ["contact", "task"]}, "kind": {"type": "string", "description": "a code of the kind code list (default call)"},
              "referent": {"type": "string", "description": "default: the token's user; a sales user may name only its own"},
              "result": {"type": "string"}, "text": {"type": "string", "maxLength": 250}, "note": {"type": "string"},
              "nextDate": {"$ref": "#/components/schemas/Date"}, "nextTask": {"type": "string", "maxLength": 250}, "nextReferent": {"type": "string"}},
            "dependentRequired": {"nextDate": ["nextTask"], "nextTask": ["nextDate"]}},
          "Date": {"type": "string", "format": "date",
                   "description": "YYYY-MM-DD; YYYY-MM-DDTHH:MM (local time) and 29.11.2026 14:30 are read too"}
        },
        "responses": {
          "Invalid": {"description": "the input does not check", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "Unauthenticated": {"description": "no or no valid token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "Forbidden": {"description": "the user's role does not allow it", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "NotFound": {"description": "no such record", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "Conflict": {"description": "refused in the record's state", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "Unsupported": {"description": "the body is not JSON", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        },
        "parameters": {
          "Id": {"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}}
        }
      },
      "paths": {
        "/api/v1/me": {"get": {"summary": "The token's user", "responses": {
          "200": {"description": "the user", "content": {"application/json": {"schema": {"type": "object", "required": ["login", "role", "referent"],
                  "properties": {"login": {"type": "string"}, "role": {"enum": ["admin", "sales"]}, "referent": {"type": "string"}}}}}},
          "401": {"$ref": "#/components/responses/Unauthenticated"}}}},
        "/api/v1/firms": {"get": {"summary": "Firms in Czech order, one keyset page",
          "parameters": [
            {"name": "where", "in": "query", "schema": {"type": "string"}, "description": "a segment expression"},
            {"name": "segment", "in": "query", "schema": {"type": "string"}, "description": "a saved segment's name"},
            {"name": "q", "in": "query", "schema": {"type": "string"}, "description": "search instead of listing"},
            {"name": "after", "in": "query", "schema": {"type": "string", "pattern": "^.*~[0-9]+$"}, "description": "the previous page's next"},
            {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500}}],
          "responses": {
            "200": {"description": "a page of firms, or search hits when q is given", "content": {"application/json": {"schema": {"oneOf": [
              {"type": "object", "required": ["firms", "next", "count", "countCapped"], "properties": {
                "firms": {"type": "array", "items": {"$ref": "#/components/schemas/Firm"}}, "next": {"type": ["string", "null"]},
                "count": {"type": "integer"}, "countCapped": {"type": "boolean", "description": "true: more than count"}}},
              {"type": "object", "required": ["hits"], "properties": {"hits": {"type": "array", "items": {"$ref": "#/components/schemas/Hit"}}}}]}}}},
            "401": {"$ref": "#/components/responses/Unauthenticated"}, "404": {"$ref": "#/components/responses/NotFound"},
            "422": {"$ref": "#/components/responses/Invalid"}}}},
        "/api/v1/firms/{id}": {"get": {"summary": "A firm with its persons, open tasks and a page of its contacts",
          "parameters": [{"$ref": "#/components/parameters/Id"}, {"name": "before", "in": "query", "schema": {"type": "string", "pattern": "^.*~[0-9]+$"}, "description": "the previous page's nextContacts"}],
          "responses": {
            "200": {"description": "the firm", "content": {"application/json": {"schema": {"type": "object", "required": ["firm", "persons", "openTasks", "contacts", "nextContacts"], "properties": {
              "firm": {"$ref": "#/components/schemas/Firm"}, "persons": {"type": "array", "items": {"$ref": "#/components/schemas/Person"}},
              "openTasks": {"type": "array", "items": {"$ref": "#/components/schemas/Contact"}}, "contacts": {"type": "array", "items": {"$ref": "#/components/schemas/Contact"}},
              "nextContacts": {"type": ["string", "null"]}}}}}},
            "401": {"$ref": "#/components/responses/Unauthenticated"}, "404": {"$ref": "#/components/responses/NotFound"},
            "422": {"$ref": "#/components/responses/Invalid"}}}},
        "/api/v1/persons/{id}": {"get": {"summary": "A person with their firm and contacts", "parameters": [{"$ref": "#/components/parameters/Id"}],
          "responses": {
            "200": {"description": "the person", "content": {"application/json": {"schema": {"type": "object", "required": ["person", "firm", "contacts"], "properties": {
              "person": {"$ref": "#/components/schemas/Person"}, "firm": {"$ref": "#/components/schemas/Firm"},
              "contacts": {"type": "array", "items": {"$ref": "#/components/schemas/Contact"}}}}}}},
            "401": {"$ref": "#/components/responses/Unauthenticated"}, "404": {"$ref": "#/components/responses/NotFound"}}}},
        "/api/v1/contacts": {"post": {"summary": "Log a contact (and its next contact as a task)",
          "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewContact"}}}},
          "responses": {
            "201": {"description": "logged", "headers": {"Location": {"schema": {"type": "string"}}},
                    "content": {"application/json": {"schema": {"type": "object", "required": ["id", "taskId"], "properties": {"id": {"type": "integer"}, "taskId": {"type": ["integer", "null"]}}}}}},
            "401": {"$ref": "#/components/responses/Unauthenticated"}, "403": {"$ref": "#/components/responses/Forbidden"},
            "404": {"$ref": "#/components/responses/NotFound"}, "409": {"$ref": "#/components/responses/Conflict"},
            "415": {"$ref": "#/components/responses/Unsupported"}, "422": {"$ref": "#/components/responses/Invalid"}}}},
        "/api/v1/contacts/{id}": {"get": {"summary": "One contact", "parameters": [{"$ref": "#/components/parameters/Id"}],
          "responses": {"200": {"description": "the contact", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Contact"}}}},
                        "401": {"$ref": "#/components/responses/Unauthenticated"}, "404": {"$ref": "#/components/responses/NotFound"}}}},
        "/api/v1/tasks": {"get": {"summary": "Open tasks of a referent (default: the token's user), by urgency",
          "parameters": [{"name": "referent", "in": "query", "schema": {"type": "string"}}],
          "responses": {
            "200": {"description": "the tasks", "content": {"application/json": {"schema": {"type": "object", "required": ["today", "overdue", "dueToday", "thisWeek", "later"], "properties": {
              "today": {"type": "string"}, "overdue": {"type": "array", "items": {"$ref": "#/components/schemas/Contact"}},
              "dueToday": {"type": "array", "items": {"$ref": "#/components/schemas/Contact"}}, "thisWeek": {"type": "array", "items": {"$ref": "#/components/schemas/Contact"}},
              "later": {"type": "array", "items": {"$ref": "#/components/schemas/Contact"}}}}}}},
            "401": {"$ref": "#/components/responses/Unauthenticated"}, "422": {"$ref": "#/components/responses/Invalid"}}}},
        "/api/v1/tasks/{id}/done": {"post": {"summary": "Mark a task done", "parameters": [{"$ref": "#/components/parameters/Id"}],
          "responses": {"200": {"description": "the task, done", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Contact"}}}},
                        "401": {"$ref": "#/components/responses/Unauthenticated"}, "403": {"$ref": "#/components/responses/Forbidden"},
                        "404": {"$ref": "#/components/responses/NotFound"}, "409": {"$ref": "#/components/responses/Conflict"}}}},
        "/api/v1/search": {"get": {"summary": "Firms and persons by name, IČO, e-mail or phone (case, diacritics and phone formatting ignored)",
          "parameters": [{"name": "q", "in": "query", "schema": {"type": "string"}}],
          "responses": {"200": {"description": "the best hits", "content": {"application/json": {"schema": {"type": "object", "required": ["hits"],
                          "properties": {"hits": {"type": "array", "items": {"$ref": "#/components/schemas/Hit"}}}}}}},
                        "401": {"$ref": "#/components/responses/Unauthenticated"}}}},
        "/api/v1/segments/count": {"post": {"summary": "How many persons or firms a segment expression selects (capped at 1,000)",
          "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["expression"], "properties": {
            "expression": {"type": "string", "minLength": 1, "description": "in the segment language: checked against the attributes and code lists"}, "target": {"enum": ["person", "firm"]}}}}}},
          "responses": {
            "200": {"description": "the count", "content": {"application/json": {"schema": {"type": "object", "required": ["target", "count", "countCapped"], "properties": {
              "target": {"enum": ["person", "firm"]}, "count": {"type": "integer"}, "countCapped": {"type": "boolean"}}}}}},
            "401": {"$ref": "#/components/responses/Unauthenticated"}, "404": {"$ref": "#/components/responses/NotFound"},
            "415": {"$ref": "#/components/responses/Unsupported"}, "422": {"$ref": "#/components/responses/Invalid"}}}},
        "/api/v1/segments/preview": {"post": {"summary": "The first matches of a segment expression (50 unless limit says), with the capped count",
          "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["expression"], "properties": {
            "expression": {"type": "string", "minLength": 1}, "target": {"enum": ["person", "firm"]}, "limit": {"type": "integer", "minimum": 1, "maximum": 200}}}}}},
          "responses": {
            "200": {"description": "the matches in Czech order", "content": {"application/json": {"schema": {"type": "object",
              "required": ["target", "count", "countCapped", "persons", "firms"], "properties": {
              "target": {"enum": ["person", "firm"]}, "count": {"type": "integer"}, "countCapped": {"type": "boolean"},
              "persons": {"type": "array", "items": {"$ref": "#/components/schemas/Person"}}, "firms": {"type": "array", "items": {"$ref": "#/components/schemas/Firm"}}}}}}},
            "401": {"$ref": "#/components/responses/Unauthenticated"}, "404": {"$ref": "#/components/responses/NotFound"},
            "415": {"$ref": "#/components/responses/Unsupported"}, "422": {"$ref": "#/components/responses/Invalid"}}}},
        "/api/v1/campaigns": {"get": {"summary": "The campaigns, oldest first (archived ones with archived=true)",
          "parameters": [{"name": "archived", "in": "query", "schema": {"enum": ["true", "false"]}}],
          "responses": {
            "200": {"description": "the campaigns", "content": {"application/json": {"schema": {"type": "object", "required": ["campaigns"], "properties": {
              "campaigns": {"type": "array", "items": {"$ref": "#/components/schemas/CampaignSummary"}}}}}}},
            "401": {"$ref": "#/components/responses/Unauthenticated"}, "422": {"$ref": "#/components/responses/Invalid"}}}},
        "/api/v1/campaigns/{name}": {"get": {"summary": "A campaign's status: recipients by state, failures with the server's reply, the sending process",
          "parameters": [{"name": "name", "in": "path", "required": true, "schema": {"type": "string", "minLength": 1}}],
          "responses": {
            "200": {"description": "the status", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CampaignStatus"}}}},
            "401": {"$ref": "#/components/responses/Unauthenticated"}, "404": {"$ref": "#/components/responses/NotFound"}}}}
      }
    }
    """#
}
