{{%AUTOESCAPE context="HTML"}}
{{! error.tpl: the one error page, for every 4xx and 5xx. }}
{{>HEADER}}
<section class="error" aria-labelledby="error-title">
  <h1 id="error-title" class="page-title">{{STATUS}} {{REASON}}</h1>
  <p>{{MESSAGE}}</p>
  <p><a href="/">Back to the front page</a> or see <a href="/messages">all messages</a>.</p>
</section>
{{>FOOTER}}
