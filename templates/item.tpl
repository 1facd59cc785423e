{{%AUTOESCAPE context="HTML"}}
{{! item.tpl: one press release or event in full. }}
{{>HEADER}}
<article class="item item-full">
  <p class="item-meta"><time datetime="{{ITEM_DATE_ISO}}">{{ITEM_LONG_DATE}}</time> <span class="item-type">{{ITEM_TYPE}}</span></p>
  <h1 class="item-title">{{ITEM_TITLE}}</h1>
  <div class="item-body">{{BODY_HTML:none}}</div>
  {{#SIGNATURE}}<div class="signature">{{#SIGNATORY}}<p class="signatory">{{#SIGNATURE_LINE}}<span>{{LINE}}</span>{{/SIGNATURE_LINE}}</p>{{/SIGNATORY}}</div>{{/SIGNATURE}}
</article>
<p class="all-messages"><a href="/messages">all messages</a></p>
{{>FOOTER}}
