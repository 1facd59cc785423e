{{%AUTOESCAPE context="XML"}}
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:at="http://purl.org/atompub/tombstones/1.0" xmlns:history="urn:pressroom:history:1" xml:lang="{{LANG}}">
  <title>{{FEED_TITLE}}</title>
  <id>{{FEED_ID}}</id>
  <link rel="self" type="application/atom+xml" href="{{SELF_URL}}"/>
  {{#HUB}}<link rel="hub" href="{{HUB_URL}}"/>
  {{/HUB}}  <link rel="alternate" type="text/html" href="{{HTML_URL}}"/>
  {{#HREFLANG}}<link rel="alternate" type="application/atom+xml" hreflang="{{HREFLANG}}" href="{{HREFLANG_URL}}"/>
  {{/HREFLANG}}
  <updated>{{UPDATED}}</updated>
  <author><name>{{SITE_NAME}}</name></author>
  {{#HISTORY}}<history:head entries="{{HISTORY_ENTRIES}}" href="{{HISTORY_HEAD_URL}}" log="{{HISTORY_URL}}">{{HISTORY_HEAD}}</history:head>
  {{/HISTORY}}
  {{#ENTRY}}
  <entry>
    <id>{{ID}}</id>
    <title>{{TITLE}}</title>
    <link rel="alternate" type="text/html" href="{{URL}}"/>
    {{#ENCLOSURE}}<link rel="enclosure" type="{{ENCLOSURE_TYPE}}" length="{{ENCLOSURE_LENGTH}}" href="{{ENCLOSURE_URL}}" title="{{ENCLOSURE_TITLE}}"/>
    {{/ENCLOSURE}}
    <published>{{PUBLISHED}}</published>
    <updated>{{UPDATED}}</updated>
    <category term="{{TYPE}}"/>
    <summary>{{TEASER}}</summary>
    <content type="html">{{CONTENT}}</content>
  </entry>
  {{/ENTRY}}
  {{#DELETED}}
  <at:deleted-entry ref="{{REF}}" when="{{WHEN}}">
    <link rel="alternate" type="text/html" href="{{URL}}"/>
    {{#DELETED_NOTE}}<at:comment>{{NOTE}}</at:comment>{{/DELETED_NOTE}}
  </at:deleted-entry>
  {{/DELETED}}
</feed>
