{{%AUTOESCAPE context="HTML"}}
{{! verify.tpl: /verify, how to check a statement, and the form that checks a pasted text. }}
{{>HEADER}}
<section class="verify" aria-labelledby="verify-title">
  <h1 id="verify-title">{{W_VERIFY_TITLE}}</h1>
  {{#SIGNED_SITE}}
  <p>{{W_VERIFY_SIGNED_INTRO}}</p>
  <ol class="verify-steps">
    <li>{{W_VERIFY_STEP_DOWNLOAD}} <a href="/signing-key.pub">{{W_VERIFY_KEY_LINK}}</a></li>
    <li>{{W_VERIFY_STEP_MINISIGN}}<pre><code>{{MINISIGN_COMMAND}}</code></pre>{{W_VERIFY_STEP_MINISIGN_AFTER}}</li>
    <li>{{W_VERIFY_STEP_FINGERPRINT}} <code class="fingerprint">{{FINGERPRINT}}</code></li>
    <li>{{W_VERIFY_STEP_HISTORY}} <a href="{{HISTORY_URL}}">{{W_FOOTER_HISTORY}}</a><pre><code>{{VERIFY_COMMAND}}</code></pre></li>
  </ol>
  {{/SIGNED_SITE}}
  {{#UNSIGNED_SITE}}<p class="verify-unsigned">{{W_VERIFY_NOT_SIGNED}}</p>{{/UNSIGNED_SITE}}
  <h2>{{W_VERIFY_PASTE_TITLE}}</h2>
  <p>{{W_VERIFY_PASTE_INTRO}}</p>
  {{#RESULT_MATCH}}<p class="verify-result verify-match" role="status">{{W_VERIFY_MATCH}} <a href="{{ITEM_URL}}">{{TITLE}}</a>, <a href="{{VERSION_URL}}">{{VERSION_LABEL}}</a> ({{CHANGE_LABEL}}, <time datetime="{{AT_ISO}}">{{AT}}</time>).</p>{{/RESULT_MATCH}}
  {{#RESULT_NONE}}<p class="verify-result verify-none" role="status">{{W_VERIFY_NO_MATCH}}</p>{{/RESULT_NONE}}
  <form class="verify-form" method="post" action="{{VERIFY_URL}}">
    <label for="verify-text">{{W_VERIFY_TEXT_LABEL}}</label>
    <textarea id="verify-text" name="text" rows="14" cols="80" required>{{TEXT:pre_escape}}</textarea>
    <button type="submit">{{W_VERIFY_CHECK}}</button>
  </form>
</section>
{{>FOOTER}}
