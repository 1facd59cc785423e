{{%AUTOESCAPE context="HTML"}}
{{! subscribe.tpl: the email alerts' public pages: the subscribe form and its answer, the confirmation
    button, a subscriber's preferences and the unsubscribed page (subscribe.c, subscription.c). }}
{{>HEADER}}
<section class="subscribe" aria-labelledby="subscribe-title">
  <h1 id="subscribe-title" class="page-title">{{TITLE}}</h1>
  {{#NOTICE}}<p class="subscribe-notice">{{TEXT}}</p>{{/NOTICE}}
  {{#FORM}}
  <form class="subscribe-form" method="post" action="{{ACTION}}">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    {{#FORM_ERROR}}<p class="field-error" role="alert">{{MESSAGE}}</p>{{/FORM_ERROR}}
    {{#EMAIL_FIELD}}<p class="field">
      <label for="email">{{L_EMAIL}}</label>
      <input id="email" type="email" name="email" value="{{EMAIL}}" maxlength="254" autocomplete="email" required{{#EMAIL_ERROR}} aria-invalid="true" aria-describedby="email-error"{{/EMAIL_ERROR}}>
      {{#EMAIL_ERROR}}<span id="email-error" class="field-error">{{MESSAGE}}</span>{{/EMAIL_ERROR}}
    </p>{{/EMAIL_FIELD}}
    {{#EMAIL_SHOWN}}<p class="field">{{L_EMAIL}}: <strong>{{EMAIL}}</strong></p>{{/EMAIL_SHOWN}}
    <fieldset>
      <legend>{{L_RECEIVE}}</legend>
      {{#RECEIVE}}<label><input type="radio" name="receive" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>
      {{/RECEIVE}}
    </fieldset>
    <fieldset>
      <legend>{{L_LANGUAGES}}</legend>
      {{#LANGUAGE}}<label><input type="checkbox" name="language" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>
      {{/LANGUAGE}}
    </fieldset>
    <button type="submit">{{L_SUBMIT}}</button>
  </form>
  {{/FORM}}
  {{#CONFIRM}}<form method="post" action="{{ACTION}}">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <button type="submit">{{L_CONFIRM}}</button>
  </form>{{/CONFIRM}}
  {{#UNSUBSCRIBE}}<form class="unsubscribe-form" method="post" action="{{ACTION}}">
    <input type="hidden" name="List-Unsubscribe" value="One-Click">
    <button type="submit">{{L_UNSUBSCRIBE}}</button>
  </form>{{/UNSUBSCRIBE}}
  {{#LINK}}<p><a href="{{URL}}">{{TEXT}}</a></p>{{/LINK}}
</section>
{{>FOOTER}}
