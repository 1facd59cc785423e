{{%AUTOESCAPE context="HTML"}}
{{! item.tpl: one press release or event in full. }}
{{>HEADER}}
{{#PREVIEW}}
<div class="preview-banner" role="status">
  <p><strong>{{W_PREVIEW}}</strong> {{PREVIEW_TEXT}}</p>
  {{#PREVIEW_FORM}}
  <form method="post" action="{{FORM_ACTION}}">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    {{#HIDDEN}}<input type="hidden" name="{{NAME}}" value="{{VALUE:pre_escape}}">{{/HIDDEN}}
    <button type="submit" name="action" value="edit">{{W_BACK_TO_EDITING}}</button>
  </form>
  {{/PREVIEW_FORM}}
</div>
{{/PREVIEW}}
<article class="item item-full">
  {{#OTHER_LANGUAGE}}<p class="item-other-language"><a href="{{URL}}" hreflang="{{LANG}}" lang="{{LANG}}" rel="alternate">{{LABEL}}</a></p>{{/OTHER_LANGUAGE}}
  {{#STALE_TRANSLATION}}<p class="item-stale-translation" role="note">{{STALE_BEFORE}} <time datetime="{{STALE_DATE_ISO}}">{{STALE_DATE}}</time>, {{STALE_AFTER}} <a href="{{ORIGINAL_URL}}">{{ORIGINAL_LINK}}</a></p>{{/STALE_TRANSLATION}}
  <p class="item-meta"><time datetime="{{ITEM_DATE_ISO}}">{{ITEM_LONG_DATE}}</time> <span class="item-type">{{ITEM_TYPE}}</span></p>
  <h1 class="item-title">{{ITEM_TITLE}}</h1>
  {{#UPDATED}}<p class="item-updated">{{W_UPDATED}} <time datetime="{{UPDATED_ISO}}">{{UPDATED_DATE}}</time>{{#UPDATE_NOTE}}: {{NOTE}}{{/UPDATE_NOTE}}</p>{{/UPDATED}}
  {{#LEAD}}{{>FIGURE}}{{/LEAD}}
  <div class="item-body">{{BODY_HTML:none}}</div>
  {{#IMAGE}}{{>FIGURE}}{{/IMAGE}}
  {{#DOCUMENTS}}<section class="item-documents" aria-labelledby="item-documents">
    <h2 id="item-documents">{{DOCUMENTS_HEADING}}</h2>
    <ul>{{#DOCUMENT}}<li><a href="{{URL}}" type="application/pdf">{{TITLE}}</a> <span class="document-meta">({{TYPE}}, {{SIZE}})</span></li>{{/DOCUMENT}}</ul>
  </section>{{/DOCUMENTS}}
  {{#SIGNATURE}}<div class="signature">{{#SIGNATORY}}<p class="signatory">{{#SIGNATURE_LINE}}<span>{{LINE}}</span>{{/SIGNATURE_LINE}}</p>{{/SIGNATORY}}</div>{{/SIGNATURE}}
  {{#SIGNED}}<p class="item-signed">{{W_SIGNED_BY_OFFICE}} <a href="{{TEXT_URL}}" type="text/plain">{{W_SIGNED_TEXT}}</a> &middot; <a href="{{SIGNATURE_URL}}">{{W_SIGNED_SIGNATURE}}</a> &middot; <a href="/signing-key.pub">{{W_SIGNED_KEY}}</a> &middot; {{W_KEY_FINGERPRINT}} <code class="fingerprint">{{FINGERPRINT}}</code> &middot; <a href="{{VERIFY_URL}}">{{W_HOW_TO_VERIFY}}</a></p>{{/SIGNED}}
</article>
{{#NEIGHBOURS}}<nav class="item-nav" aria-label="{{W_OTHER_MESSAGES}}">
  {{#NEWER}}<a class="item-newer" rel="next" href="{{URL}}">{{W_NEWER_ITEM}} {{TITLE}}</a>{{/NEWER}}
  {{#OLDER}}<a class="item-older" rel="prev" href="{{URL}}">{{W_OLDER_ITEM}} {{TITLE}}</a>{{/OLDER}}
</nav>{{/NEIGHBOURS}}
<p class="all-messages"><a href="{{MESSAGES_URL}}">{{W_ALL_MESSAGES_LINK}}</a></p>
{{>FOOTER}}
