{{%AUTOESCAPE context="HTML"}}
{{! figure.tpl: one photo of an item: WebP and JPEG at each width, its size reserved (no layout shift), its alt text, caption and credit. }}
<figure class="item-figure">
  <picture>
    {{#WEBP}}<source type="image/webp" srcset="{{WEBP_SRCSET}}" sizes="{{SIZES}}">{{/WEBP}}
    <img src="{{SRC}}" srcset="{{JPEG_SRCSET}}" sizes="{{SIZES}}" width="{{WIDTH}}" height="{{HEIGHT}}" alt="{{ALT}}" loading="{{LOADING}}">
  </picture>
  {{#FIGCAPTION}}<figcaption>{{#CAPTION}}<span class="caption">{{TEXT}}</span>{{/CAPTION}}{{#CREDIT}} <span class="credit">{{LABEL}} {{TEXT}}</span>{{/CREDIT}}</figcaption>{{/FIGCAPTION}}
</figure>
