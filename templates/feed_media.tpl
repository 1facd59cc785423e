{{%AUTOESCAPE context="HTML"}}
{{! feed_media.tpl: an entry's photos as HTML for the feed's content, before the body; feed.c escapes the result again as the XML text of <content type="html">. }}
{{#IMAGE}}{{>FIGURE}}{{/IMAGE}}
