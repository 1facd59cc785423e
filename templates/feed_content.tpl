{{%AUTOESCAPE context="HTML"}}
{{! feed_content.tpl: an entry's content as HTML, as the detail page shows it: a correction's "Updated DATE: note" line, the photos, the body, the signature block (a line break between its lines, since feed readers drop our stylesheet); feed.c escapes the result again as the XML text of <content type="html">. }}
{{#UPDATED}}<p class="item-updated">{{W_UPDATED}} <time datetime="{{UPDATED_ISO}}">{{UPDATED_DATE}}</time>{{#UPDATE_NOTE}}: {{NOTE}}{{/UPDATE_NOTE}}</p>
{{/UPDATED}}{{#IMAGE}}{{>FIGURE}}{{/IMAGE}}
{{BODY_HTML:none}}
{{#SIGNATURE}}<div class="signature">{{#SIGNATORY}}<p class="signatory">{{#SIGNATURE_LINE}}{{LINE}}{{#SIGNATURE_LINE_separator}}<br>{{/SIGNATURE_LINE_separator}}{{/SIGNATURE_LINE}}</p>{{/SIGNATORY}}</div>{{/SIGNATURE}}
