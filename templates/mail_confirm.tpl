{{%AUTOESCAPE context="HTML"}}
<!DOCTYPE html>
<html lang="{{LANG}}">
<head><meta charset="utf-8"><title>{{SUBJECT}}</title></head>
<body style="font-family: Georgia, serif; max-width: 40em; margin: 1em auto; line-height: 1.5">
<p>{{INTRO}}</p>
<p><a href="{{CONFIRM_URL}}">{{CONFIRM_LABEL}}</a></p>
<p style="font-size: smaller">{{IGNORE}}</p>
</body>
</html>
