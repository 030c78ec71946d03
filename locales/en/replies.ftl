# Replies of the chat commands (commands/*.ts and the replies they build).

intro-digest = A daily digest of the news that matters, with the key quotes and who said them.
start-intro = A daily digest of the news that matters, with the key quotes and who said them, from the sources this bot reads.
start-subscribe = the digest here every day at { $time } { $zone }
start-subscribe-topics = only stories about these topics
start-time = your hour and time zone
start-digest = today’s digest now
start-quotes = what a person said
start-groups = In groups, administrators manage the subscription. /help lists every command.

subscribe-created = Subscribed: the digest will come here every day.
subscribe-updated = Subscription updated.
unsubscribe-done = Unsubscribed: no more daily digests here. /subscribe brings them back.
unsubscribe-not-subscribed = This chat was not subscribed. /subscribe starts the daily digest.
topics-current = Topics: { $topics }. Change them with /topics <words>, or /topics all.
topics-all = Topics: all the news. Narrow it with /topics <words>, e.g. /topics climate energy.
topics-set = Topics set: { $topics }.
topics-cleared = Topics cleared: all the news.
time-bad-time = "{ $time }" is not a time of day. Use HH:MM on a 24-hour clock, e.g. /time 07:30.
time-bad-zone = "{ $zone }" is not a time zone name. Use Area/City, e.g. Europe/London, America/New_York or Asia/Tokyo.
time-set = Delivery time set.
settings-lead = This chat’s daily digest:
settings-language-set = Language set.
settings-language-choose = Choose a language the bot has words for: { $languages }.
settings-language-here = Language: { $language }. Change it with /settings language <code>.

subscription-topics = Topics:
subscription-all-news = all the news
subscription-delivery = Delivery: every day at
subscription-language = Language:
subscription-status = Status:
subscription-paused = paused ({ $reason }); /subscribe resumes it
subscription-next = next digest { $when }
subscription-change = Change with /topics, /time HH:MM [Area/City], /settings language <code>; stop with /unsubscribe.
subscription-none-here = Subscriptions are for chats on Telegram or Discord. Here, /digest shows today’s digest at any time.
subscription-not-subscribed = This chat is not subscribed yet. Send /subscribe [topics...] to get the digest every day.

source-not-found = No source "{ $id }". /sources lists the ids.
source-removed-config = Removed { $id }, a source of the config file: it stays off after a restart until /source restore { $id }. Its articles stay in the store.
source-removed = Removed { $id }. Its articles stay in the store.
source-not-removed = "{ $id }" is not a removed config source. /source add <url> adds a new one.
source-not-removed-list = "{ $id }" is not a removed config source. Removed ones: { $hidden }. /source add <url> adds a new one.
source-restored = Restored { $id } ({ $url }): { $count } new article(s).
source-refused = Not added: { $reason }
source-added = Added { $id } ({ $url }): { $count } article(s) stored so far.
source-restored-config = Restored the config source { $id } ({ $url }): { $count } article(s) stored so far.

sources-none = No sources yet. An operator can add one with /source add <url>.
sources-title = Sources ({ $count })
sources-removed-title = Removed from the config's list ({ $count })
sources-removed-item = removed { $date }:
sources-removed-item-by = removed { $date } by { $who }:
sources-operators = Operators: /source add <url>, /source remove <id>, /source restore <id>.
sources-failing = failing ({ $count }x): { $error }
sources-failing-next = failing ({ $count }x): { $error }; next try { $next }
sources-ok = ok, last fetch { $at }, { $count } article(s) stored
sources-not-fetched = not fetched yet
sources-unreadable = { $count } file(s) unreadable: { $problems }
sources-origin-config = config file
sources-origin-added = added
sources-origin-added-by = added by { $who }

quotes-type-a-name = Type a name after /quotes, such as /quotes pompeo or /quotes "Mike Pompeo". /quotes alone lists today’s most quoted people.
quotes-nobody = Nobody called "{ $name }" has been quoted yet. /speakers lists everyone who has.
quotes-nobody-closest = Nobody called "{ $name }" has been quoted yet. Closest: { $names }. Try /quotes "{ $first }".
quotes-filter = with { $words }
quotes-among = among the newest { $count }
quotes-no-more = No more quotes{ $filter }{ $among }.
quotes-none = { $who }: no quotes{ $filter }{ $among }.
quotes-none-narrow = { $who }: no quotes{ $filter }{ $among }. A full name or other words narrow the search.
quotes-title = Quotes by { $who }{ $filter } ({ $range })
quotes-corrected = Nobody is called "{ $name }"; showing { $who }.
quotes-many-speakers = { $count } speakers match: { $names }. For one of them: /quotes "{ $first }".
quotes-many-speakers-more = { $count } speakers match: { $names } and { $more } more. For one of them: /quotes "{ $first }".
quotes-searched = Searched the newest { $count } quotes.
quotes-source = source
names-and = { $names } and { $last }
names-and-others = { $names } and { $count } others
range = { $from }–{ $to }
range-of = { $from }–{ $to } of { $total }
most-quoted-none = Nobody has been quoted in the past week. /speakers lists everyone quoted; /quotes <name> shows what one person said.
most-quoted-today = Most quoted today ({ $day })
most-quoted-on = Most quoted on { $day }, the latest day with quotes
quote-count =
    { $count ->
        [one] { $count } quote
       *[other] { $count } quotes
    }
most-quoted-hint = See what one of them said: /quotes <name>.
speakers-no-more = No more speakers.
speakers-none-prefix = No speaker has a name starting with "{ $prefix }". /speakers alone lists everyone.
speakers-none = Nobody has been quoted yet: quotes appear as sources are read.
speakers-item =
    { $count ->
        [one] { $count } quote
       *[other] { $count } quotes
    }, last { $date }
speakers-organisation = organisation
speakers-also = also { $aliases }
speakers-title = Speakers ({ $range })
speakers-title-prefix = Speakers named "{ $prefix }…" ({ $range })
speakers-hint = What one of them said: /quotes <name>.
