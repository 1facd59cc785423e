{{%AUTOESCAPE context="HTML"}}
{{! error.tpl: the one error page, for every 4xx and 5xx. }}
{{>HEADER}}
<section class="error" aria-labelledby="error-title">
  <h1 id="error-title" class="page-title">{{STATUS}} {{REASON}}</h1>
  <p>{{MESSAGE}}</p>
  <p><a href="{{HOME_URL}}">{{W_BACK_TO_FRONT_PAGE}}</a> {{W_OR_SEE}} <a href="{{MESSAGES_URL}}">{{W_ALL_MESSAGES_LINK}}</a>.</p>
</section>
{{>FOOTER}}
