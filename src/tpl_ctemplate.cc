// tpl_ctemplate.cc: the only C++ in Pressroom. Wraps ctemplate behind the C API of tpl.h.
#include "tpl.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <new>
#include <string>

#include <ctemplate/template.h>
#include <ctemplate/template_emitter.h>
#include <ctemplate/template_modifiers.h>

extern "C" {
#include "log.h"
#include "valid.h"
}

namespace {

// Writes expansions straight into the response buffer, saving a std::string copy per page.
class BufEmitter : public ctemplate::ExpandEmitter {
	struct buf *out_;

public:
	explicit BufEmitter(struct buf *out) : out_(out) {}
	void Emit(char c) override { buf_putc(out_, c); }
	void Emit(const std::string &s) override { buf_append(out_, s.data(), s.size()); }
	void Emit(const char *s) override { buf_puts(out_, s); }
	void Emit(const char *s, size_t len) override { buf_append(out_, s, len); }
};

const ctemplate::Strip kStrip = ctemplate::STRIP_BLANK_LINES;

/* Keys reserved for the two pre-rendered kinds of value; tpl_set refuses them. */
bool ends_with_html(const char *key)
{
	size_t n = strlen(key);
	return n >= 5 && (strcmp(key + n - 5, "_HTML") == 0 || strcmp(key + n - 5, "_JSON") == 0);
}

ctemplate::TemplateDictionary *D(struct tpl_dict *d)
{
	return reinterpret_cast<ctemplate::TemplateDictionary *>(d);
}

struct tpl_dict *C(ctemplate::TemplateDictionary *d)
{
	return reinterpret_cast<struct tpl_dict *>(d);
}

/* ctemplate hashes a key on every use and looks it up in its global id-to-name map under a lock: two
 * thirds of a SetValue, some 200 of them on a list page. A key it is given as a StaticTemplateString
 * (what generated varnames.h constants are) carries its id and skips both. So each key is made one once
 * per process, found again by its address (keys are string literals) and checked by its text. */
enum { KEY_SLOTS = 512 };
struct key_slot {
	const char *given;
	ctemplate::StaticTemplateString sts;
};
key_slot key_slots[KEY_SLOTS];

ctemplate::TemplateString K(const char *key)
{
	size_t h = (reinterpret_cast<uintptr_t>(key) >> 3) % KEY_SLOTS;
	for (size_t n = 0; n < KEY_SLOTS; n++, h = (h + 1) % KEY_SLOTS) {
		key_slot &s = key_slots[h];
		if (s.given == key && strcmp(s.sts.do_not_use_directly_.ptr_, key) == 0)
			return ctemplate::TemplateString(s.sts);
		if (s.given == NULL) {
			char *copy = strdup(key); /* kept for the process: ctemplate's name map points at it */
			if (copy == NULL)
				break;
			s.sts.do_not_use_directly_.ptr_ = copy;
			s.sts.do_not_use_directly_.length_ = strlen(copy);
			s.sts.do_not_use_directly_.id_ = 0;
			ctemplate::StaticTemplateStringInitializer hashed(&s.sts); /* sets the id, registers the name */
			s.given = key;
			return ctemplate::TemplateString(s.sts);
		}
	}
	return ctemplate::TemplateString(key); /* the table is full: the slow way */
}

/* value with every byte that is not UTF-8 and every character valid_char refuses replaced by U+FFFD, from
 * offset good on. Rows stored before the gate refused them (or written by SQL) must not make a feed
 * unparseable: XML 1.0 cannot carry U+FFFF or most controls, escaped or not. */
std::string text_for_markup(const char *value, size_t good)
{
	std::string out(value, good);
	size_t len = strlen(value);
	for (size_t i = good, n; i < len; i += n) {
		unsigned cp;
		n = valid_utf8_char(value + i, len - i, &cp);
		if (n != 0 && valid_char(cp)) {
			out.append(value + i, n);
		} else {
			out.append("\xEF\xBF\xBD");
			n = n ? n : 1;
		}
	}
	return out;
}

/* Set key to value, made fit for HTML and XML by text_for_markup. */
void set_text(struct tpl_dict *d, const char *key, const char *value)
{
	value = value ? value : "";
	size_t good = valid_text_span(value);
	if (value[good] == '\0')
		D(d)->SetValue(K(key), value);
	else
		D(d)->SetValue(K(key), text_for_markup(value, good));
}

} // namespace

extern "C" int tpl_init(const char *dir, char *err, size_t errlen)
{
	ctemplate::TemplateCache *cache = ctemplate::mutable_default_template_cache();
	std::string root(dir);
	if (root.empty() || root.back() != '/')
		root += '/';
	if (!cache->SetTemplateRootDirectory(root)) {
		snprintf(err, errlen, "cannot use template folder %s", dir);
		return -1;
	}
	DIR *dp = opendir(dir);
	if (dp == NULL) {
		snprintf(err, errlen, "cannot open template folder %s: %s", dir, strerror(errno));
		return -1;
	}
	int rc = 0, count = 0;
	struct dirent *de;
	while ((de = readdir(dp)) != NULL) {
		size_t n = strlen(de->d_name);
		if (n < 5 || strcmp(de->d_name + n - 4, ".tpl") != 0)
			continue;
		count++;
		if (!cache->LoadTemplate(de->d_name, kStrip)) {
			snprintf(err, errlen, "template %s%s does not load (syntax error?)", root.c_str(), de->d_name);
			rc = -1;
			break;
		}
	}
	closedir(dp);
	if (rc == 0 && count == 0) {
		snprintf(err, errlen, "no *.tpl templates in %s", dir);
		rc = -1;
	}
	return rc;
}

extern "C" void tpl_reload(void)
{
	ctemplate::mutable_default_template_cache()->ReloadAllIfChanged(ctemplate::TemplateCache::LAZY_RELOAD);
}

extern "C" struct tpl_dict *tpl_dict_new(void)
{
	return C(new ctemplate::TemplateDictionary("page"));
}

extern "C" void tpl_dict_free(struct tpl_dict *d)
{
	delete D(d);
}

extern "C" void tpl_set(struct tpl_dict *d, const char *key, const char *value)
{
	if (ends_with_html(key)) {
		// A programming error: markup must come through tpl_set_rendered_markup. Show nothing.
		log_error("tpl_set: key %s is reserved for rendered markup", key);
		return;
	}
	set_text(d, key, value);
}

extern "C" void tpl_setf(struct tpl_dict *d, const char *key, const char *fmt, ...)
{
	struct buf b = {NULL, 0, 0};
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	tpl_set(d, key, buf_str(&b));
	buf_free(&b);
}

/* Digits need no check for what XML forbids, nor a formatted buffer: a list page sets some forty counts. */
extern "C" void tpl_set_int(struct tpl_dict *d, const char *key, long long value)
{
	if (ends_with_html(key)) {
		log_error("tpl_set_int: key %s is reserved for rendered markup", key);
		return;
	}
	char text[24], *p = text + sizeof text;
	unsigned long long v = value < 0 ? 0ULL - (unsigned long long)value : (unsigned long long)value;
	do
		*--p = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	if (value < 0)
		*--p = '-';
	D(d)->SetValue(K(key), ctemplate::TemplateString(p, (size_t)(text + sizeof text - p)));
}

extern "C" struct tpl_dict *tpl_section(struct tpl_dict *d, const char *name)
{
	return C(D(d)->AddSectionDictionary(K(name)));
}

extern "C" void tpl_show(struct tpl_dict *d, const char *name)
{
	D(d)->ShowSection(K(name));
}

extern "C" struct tpl_dict *tpl_include(struct tpl_dict *d, const char *name, const char *file)
{
	ctemplate::TemplateDictionary *inc = D(d)->AddIncludeDictionary(K(name));
	inc->SetFilename(file);
	return C(inc);
}

/* A pre-rendered value, printed with :none: only under a key with its kind's suffix. */
static void set_rendered(struct tpl_dict *d, const char *key, const char *suffix, const char *value)
{
	size_t n = strlen(key);
	if (n < 5 || strcmp(key + n - 5, suffix) != 0) {
		log_error("a rendered value's key must end in %s, not %s", suffix, key);
		return;
	}
	set_text(d, key, value);
}

extern "C" void tpl_set_rendered_markup(struct tpl_dict *d, const char *key, const char *html)
{
	set_rendered(d, key, "_HTML", html);
}

extern "C" void tpl_set_rendered_json(struct tpl_dict *d, const char *key, const char *json)
{
	set_rendered(d, key, "_JSON", json);
}

extern "C" void tpl_json_string(struct buf *out, const char *text)
{
	BufEmitter emitter(out);
	buf_putc(out, '"');
	const char *run = text;
	for (const char *p = text;; p++) {
		unsigned char c = (unsigned char)*p;
		if (c >= 0x20 || c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t')
			continue;
		ctemplate::json_escape.Modify(run, (size_t)(p - run), NULL, &emitter, "");
		if (c == '\0')
			break;
		run = p + 1; /* a control character JSON cannot hold raw: left out */
	}
	buf_putc(out, '"');
}

extern "C" int tpl_render(struct tpl_dict *d, const char *file, struct buf *out)
{
	try {
		BufEmitter emitter(out);
		if (!ctemplate::mutable_default_template_cache()->ExpandWithData(file, kStrip, D(d), NULL, &emitter)) {
			log_error("template %s failed to expand", file);
			return -1;
		}
		return 0;
	} catch (const std::bad_alloc &) {
		log_error("template %s: out of memory", file);
		return -1;
	}
}
