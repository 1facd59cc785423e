{{%AUTOESCAPE context="HTML"}}
<!DOCTYPE html>
<html lang="{{LANG}}">
<head><meta charset="utf-8"><title>{{ITEM_TITLE}}</title></head>
<body style="font-family: Georgia, serif; max-width: 40em; margin: 1em auto; line-height: 1.5">
{{#CORRECTION}}<p style="border-left: 4px solid #b00; padding-left: .5em"><strong>{{CORRECTION_LABEL}}</strong> {{CORRECTION_NOTE}}</p>{{/CORRECTION}}
<h1>{{ITEM_TITLE}}</h1>
<p>{{ITEM_LONG_DATE}}</p>
<p><em>{{ITEM_TEASER}}</em></p>
{{BODY_HTML:none}}
{{#SIGNATURE}}<div>{{#SIGNATORY}}<p>{{#SIGNATURE_LINE}}{{LINE}}<br>{{/SIGNATURE_LINE}}</p>{{/SIGNATORY}}</div>{{/SIGNATURE}}
<p><a href="{{LINK_URL}}">{{READ_LABEL}}</a>{{#MINISIG}} &middot; <a href="{{MINISIG_URL}}">{{MINISIG_LABEL}}</a>{{/MINISIG}}</p>
<hr>
<p style="font-size: smaller"><a href="{{MANAGE_URL}}">{{MANAGE_LABEL}}</a></p>
</body>
</html>
