/* input.h: every query or form key Pressroom accepts, with its validator. A route lists the keys it takes;
 * the gate (route.c) validates them before the handler runs, so handlers read typed values only.
 *
 * Two kinds of key. A query key that is malformed makes the request a 400: nobody types those by hand
 * except to probe. A form field that fails its check is kept, cleaned for display, with a message for the
 * person who typed it, so the form can be shown again with nothing lost. */
#ifndef PRESSROOM_INPUT_H
#define PRESSROOM_INPUT_H

enum key {
	/* query keys */
	KEY_PAGE,      /* ?page=N, 1..100000 */
	KEY_TYPE,      /* ?type=releases|events, as an index into input_type_words */
	KEY_YEAR,      /* ?year=YYYY */
	KEY_DONE,      /* ?done=saved|...: what the last action did, for the notice after a redirect */
	KEY_Q,         /* ?q=words to search for: never refused, cleaned and cut to 256 bytes */
	KEY_MONTH,     /* ?month=1..12, with year */
	KEY_LANG,      /* ?lang=: a BCP 47 tag (valid_lang_tag) or "all"; pages check it is one of the site's */
	/* form fields */
	KEY_CSRF,      /* the form's anti-forgery token; checked by the gate itself */
	KEY_ACTION,    /* which button: an index into input_action_words; unknown is a 400 */
	KEY_USERNAME,
	KEY_PASSWORD,
	KEY_KIND,      /* release | event */
	KEY_ITEM_TYPE, /* statement, press-release, ... */
	KEY_TITLE,
	KEY_TEASER,
	KEY_BODY,
	KEY_SIGNATURE,
	KEY_DATE,      /* YYYY-MM-DD */
	KEY_TIME,      /* HH:MM */
	KEY_ZONE,      /* the label of one of the site's clock cities */
	KEY_NOTE,      /* the change note shown with "Updated" */
	KEY_COMMENT,   /* a publisher's comment when sending a draft back */
	KEY_VERSION,   /* the item version a form was loaded from (revision_store.h); malformed is a 400 */
	KEY_WHEN,      /* publish: now | set (the date and time fields); an index into input_when_words */
	KEY_CONFIRM,   /* the instant (Unix seconds) an officer confirmed publishing a backdated item as of */
	KEY_RETURN,    /* return_to: the item form a sign-in carries fields back to, /admin/new or
	                  /admin/items/<id> (i: the id, 0 for new); anything else is a 400 */
	KEY_REV,       /* ?rev=N: a revision of the item (query key) */
	KEY_TO,        /* ?to=N: the revision ?rev= is compared with (query key) */
	KEY_NEW_PASSWORD, /* /admin/account: the password an officer changes theirs to */
	KEY_STATUS,    /* ?status=draft|...: the admin list's filter, an index into input_status_words */
	KEY_EMAIL,     /* the subscribe form's address (alerts_address.h); s: as stored, or as typed with error */
	KEY_RECEIVE,   /* the subscribe forms' releases | events | both: an index into input_receive_words */
	KEY_TOKEN,     /* ?token=: a subscriber's confirmation or manage token, AUTH_TOKEN_HEX lower-case hex (query key) */
	KEY_ONE_CLICK, /* List-Unsubscribe=One-Click, the body of an RFC 8058 one-click unsubscribe; nothing else */
	KEY_TEXT,      /* /verify: a pasted statement, line ends made LF, at most INPUT_TEXT_MAX bytes of UTF-8 */
	KEY_NOTIFY,    /* the edit form's "notify subscribers of this correction" (issue 16): "1" or absent */
	KEY__MAX
};

/* A route's keys are a bit set of 64 (struct route). */
#define KEYBIT(k) (1ull << (k))
_Static_assert(KEY__MAX <= 64, "a route's key set holds 64 keys");

/* The longest text /verify checks: a canonical text holds a body of at most 100,000 characters, a title,
 * teaser and signature block, and a header; in UTF-8 that is at most this many bytes. */
enum { INPUT_TEXT_MAX = 512 * 1024 };

/* A checked value. set: the key was present. s: the text (for a form field with an error, cleaned so it
 * can be shown again); i: numbers and word indexes; error: why a form field is not acceptable, or NULL. */
struct input {
	int set;
	long long i;
	const char *s;
	const char *error;
};

/* The ?type= words, in the order of enum list_type. */
enum list_type { LIST_RELEASES, LIST_EVENTS, LIST__MAX };
extern const char *const input_type_words[];

enum action {
	ACTION_SAVE, ACTION_SUBMIT, ACTION_PUBLISH, ACTION_PREVIEW, ACTION_EDIT,
	ACTION_WITHDRAW, ACTION_SENDBACK, ACTION_SHARE, ACTION_REVOKE,
	ACTION_UNSCHEDULE, /* a scheduled item back to draft */
	ACTION__MAX
};
extern const char *const input_action_words[];

enum done { DONE_SAVED, DONE_SUBMITTED, DONE_PUBLISHED, DONE_SCHEDULED, DONE_SENTBACK, DONE_WITHDRAWN,
            DONE_REVOKED, DONE_UNSCHEDULED, DONE_CHECKED, DONE__MAX };
extern const char *const input_done_words[];

/* The statuses the admin list filters by, as officers see them (store_shown_status), NULL-terminated. */
extern const char *const input_status_words[];

/* When "Publish" makes an item public: now, or at the time the form's fields set. */
enum when { WHEN_NOW, WHEN_SET, WHEN__MAX };
extern const char *const input_when_words[];

/* What a subscriber receives, in the order of enum receive. */
enum receive { RECEIVE_RELEASES, RECEIVE_EVENTS, RECEIVE_BOTH, RECEIVE__MAX };
extern const char *const input_receive_words[];

/* The item kinds and types a form may choose, NULL-terminated, with the words shown for them. */
extern const char *const input_kind_words[];
extern const char *const input_item_type_words[];

struct arena;

/* The name of key k as it appears in a URL or form. */
const char *input_name(enum key k);
/* The key called name, or KEY__MAX if there is none. */
enum key input_key(const char *name);
/* Is k a form field (soft errors) rather than a query key? */
int input_is_field(enum key k);
/* Check raw against key k's validator. A query key: fills *out and returns 1, or returns 0. A form field:
 * always fills *out (with out->error set when it fails) and returns 1, except for the hidden fields the form
 * sets itself (CSRF token, action, version, when, confirm, return_to), which return 0: the gate's 400. Cleaned copies are allocated in a. */
int input_check(struct arena *a, enum key k, const char *raw, struct input *out);
/* The canonical query string of the query keys in[] holds: "" when there are none, else "?k=v&..." with the
 * keys in one fixed order (type, year, month, q, page, done, lang), defaults left out (page 1, an empty q), and
 * values encoded as browsers encode a form (letters, digits and "*-._" as they are, space as '+', every
 * other byte as %XX in capitals). Pages build their links with it and the gate redirects any other
 * spelling to it, so each page has one URL and a cache one key. Allocated in a. */
const char *input_query_string(struct arena *a, const struct input in[KEY__MAX]);

/* The statement form's files (issue 14): rows of fields named "media_<n>_<field>", n from 1 to
 * INPUT_MEDIA_ROWS, and "media_lead" (the row of the lead image) and "media_form" (the form has the rows).
 * The gate passes them through (they are no key of the table above); admin_media.c reads them with these. */
enum media_field { MF_ID, MF_POSITION, MF_ALT, MF_CAPTION, MF_CREDIT, MF_TITLE, MF_DECORATIVE, MF_REMOVE, MF__MAX };
enum { INPUT_MEDIA_ROWS = 12 };
/* 1 with *row and *field if name is a row's field ("media_3_alt"), else 0. */
int input_media_name(const char *name, int *row, enum media_field *field);
/* Check a row field's value as a form field is checked: always fills *out; out->error when it fails. */
void input_media_check(struct arena *a, enum media_field f, const char *raw, struct input *out);

/* The subscribe forms' languages: fields named "language", one checkbox per site language, so the name
 * repeats, which the key table does not allow (the gate passes them through; subscribe_form.c reads them
 * with this). 1 when name is "language" and value has a language tag's shape (valid_lang_tag: whether it
 * is one of the site's is the page's question); 0 when it is but the value does not (a 400: the form sets
 * these values itself); -1 for any other field. */
int input_language_field(const char *name, const char *value);

#endif
