{{%AUTOESCAPE context="HTML"}}
{{! home.tpl: the front page: the latest press release in full, the latest events, the link to all. }}
{{>HEADER}}
<h1 class="page-title">{{SITE_TAGLINE}}</h1>
{{#RELEASE}}
<article class="item item-full latest-release">
  <p class="item-meta"><time datetime="{{ITEM_DATE_ISO}}">{{ITEM_DATE}}</time> <span class="item-type">{{ITEM_TYPE}}</span></p>
  <h2 class="item-title"><a href="{{ITEM_URL}}">{{ITEM_TITLE}}</a></h2>
  {{#THUMB}}<a class="item-thumb" href="{{ITEM_URL}}" tabindex="-1"><picture>{{#THUMB_WEBP}}<source type="image/webp" srcset="{{WEBP_SRC}}">{{/THUMB_WEBP}}<img src="{{SRC}}" width="{{WIDTH}}" height="{{HEIGHT}}" alt="{{ALT}}" loading="lazy"></picture></a>{{/THUMB}}
  <div class="item-body">{{BODY_HTML:none}}</div>
  {{#SIGNATURE}}<div class="signature">{{#SIGNATORY}}<p class="signatory">{{#SIGNATURE_LINE}}<span>{{LINE}}</span>{{/SIGNATURE_LINE}}</p>{{/SIGNATORY}}</div>{{/SIGNATURE}}
</article>
{{/RELEASE}}
{{#OTHER_RELEASES}}
<section class="other-releases" aria-labelledby="other-releases">
  <h2 id="other-releases">{{OTHER_RELEASES_TITLE}}</h2>
  <ul class="item-list compact">
    {{#OTHER_RELEASE}}<li><time datetime="{{ITEM_DATE_ISO}}">{{ITEM_DATE}}</time> <a href="{{ITEM_URL}}">{{ITEM_TITLE}}</a></li>{{/OTHER_RELEASE}}
  </ul>
</section>
{{/OTHER_RELEASES}}
{{#NO_RELEASE}}<p class="empty">{{W_NO_RELEASES_YET}}</p>{{/NO_RELEASE}}
<section class="latest-events" aria-labelledby="latest-events">
  <h2 id="latest-events">{{W_LATEST_EVENTS}}</h2>
  <ol class="item-list">
    {{#EVENT}}
    <li class="item item-summary">
      <p class="item-meta"><time datetime="{{ITEM_DATE_ISO}}">{{ITEM_DATE}}</time> <span class="item-type">{{ITEM_TYPE}}</span></p>
      <h3 class="item-title"><a href="{{ITEM_URL}}">{{ITEM_TITLE}}</a></h3>
      {{#THUMB}}<a class="item-thumb" href="{{ITEM_URL}}" tabindex="-1"><picture>{{#THUMB_WEBP}}<source type="image/webp" srcset="{{WEBP_SRC}}">{{/THUMB_WEBP}}<img src="{{SRC}}" width="{{WIDTH}}" height="{{HEIGHT}}" alt="{{ALT}}" loading="lazy"></picture></a>{{/THUMB}}
      <p class="item-teaser">{{ITEM_TEASER}}</p>
    </li>
    {{/EVENT}}
  </ol>
  {{#NO_EVENTS}}<p class="empty">{{W_NO_EVENTS_YET}}</p>{{/NO_EVENTS}}
  <p class="all-messages"><a href="{{MESSAGES_URL}}">{{W_ALL_MESSAGES_LINK}}</a></p>
</section>
{{>FOOTER}}
