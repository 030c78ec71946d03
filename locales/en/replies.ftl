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
topics-left-out = Left out: { $words } (a chat has at most { $max } topics, each of at most { $chars } characters).
time-bad-time = "{ $time }" is not a time of day. Use HH:MM on a 24-hour clock, e.g. /time 07:30.
time-bad-zone = "{ $zone }" is not a time zone name. Use Area/City, e.g. Europe/London, America/New_York or Asia/Tokyo.
time-set = Delivery time set.
settings-lead = This chat’s daily digest:
settings-language-set = Language set.
settings-language-choose = Choose a language the bot has words for: { $languages }.
settings-language-here = Language: { $language }. Change it with /settings language <code>.

subscription-topics = Topics:
subscription-all-news = all the news
subscription-language = Language:
subscription-status = Status:
subscription-paused = paused ({ $reason }); /subscribe resumes it
subscription-next = next digest { $when }
subscription-change = Change with /topics, /time HH:MM [Area/City], /schedule, /mode, /filter, /follow, /settings language|images|quiet|silent; stop with /unsubscribe.
subscription-none-here = Subscriptions are for chats on Telegram or Discord. Here, /digest shows today’s digest at any time, with the filters of /filter; /follow and /following work here too.
subscription-not-subscribed = This chat is not subscribed yet. Send /subscribe [topics...] to get the digest every day.

source-not-found = No source "{ $id }". /sources lists the ids.
source-removed-config = Removed { $id }, a source of the config file: it stays off after a restart until /source restore { $id }. Its articles stay in the store.
source-removed = Removed { $id }. Its articles stay in the store.
source-not-removed = "{ $id }" is not a removed config source. /source add <url> adds a new one.
source-not-removed-list = "{ $id }" is not a removed config source. Removed ones: { $hidden }. /source add <url> adds a new one.
source-restored = Restored { $id } ({ $url }): { $count } new article(s).
source-refused = Not added: { $reason }
source-added = Added { $id } ({ $url }): { $count } article(s) stored so far.
source-found-feed = { $page } is a web page without an article; it links to its feed, and that is what was added.
source-restored-config = Restored the config source { $id } ({ $url }): { $count } article(s) stored so far.

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
names-and-others =
    { $count ->
        [one] { $names } and 1 other
       *[other] { $names } and { $count } others
    }
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
subscription-images = Images:
subscription-on = on
subscription-off = off
settings-images-choose = Say /settings images on (a picture with the top story) or /settings images off.
settings-images-on = Images on.
settings-images-off = Images off.
source-terminal-no-chat = The terminal has no chat of its own: /source add <url> adds a source for every chat.
source-added-chat = Added { $id } ({ $url }) for this chat: { $count } article(s) stored so far. Its news goes into this chat's digest; /source remove { $id } stops it.
source-added-chat-shared = Added { $id } ({ $url }) for this chat. Other chats read it already, so it is shared; /source remove { $id } stops it here.
source-added-everyone = Added { $id } ({ $url }): it is read for every chat now.
source-removed-chat = Removed { $id } from this chat's sources. Its articles stay in the store.
source-remove-global-refused = { $id } is read for every chat; only the bot's operators can remove it.
source-not-in-chat = This chat has no source "{ $id }". /sources lists the ids.
source-removed-chats = Removed { $id }, a source of { $count } chat(s); they have been told. Its articles stay in the store.
source-operators-only = { $what } changes what every chat reads, so it is for the bot's operators only; /source add <url> adds a source for this chat.
source-operators-only-id = { $what } changes what every chat reads, so it is for the bot's operators only; /source add <url> adds a source for this chat. Your { $platform } user id is { $userId }: an operator can add it to { $platform }.operators in the config.
sources-chat-title = This chat's sources ({ $count } of { $limit })
sources-chat-none = None yet. This chat's administrators can add one with /source add <url>.
sources-global-none = No sources for every chat yet. An operator can add one with /source add <url> global.
sources-global-title = Sources for every chat ({ $count })
sources-chats-title = Chats' own sources ({ $count })
sources-operators-chat = Operators: /source add <url> global adds for every chat; /source remove <id>, /source restore <id>.
sources-origin-shared = { $added }, read by { $count } chats
notice-source-removed = The bot's operator has removed { $id } ({ $url }), one of this chat's sources, so its news no longer reaches this chat. Ask the operator why, or add another address with /source add <url>.
notice-source-failing-chat = One of this chat's sources, { $id } ({ $url }), has failed { $count ->
        [one] once
       *[other] { $count } times in a row
    }: { $reason }. Quotewire keeps trying and will not say this again until it works again. To fix it: { $fix }
notice-source-failing-global = A source every chat reads, { $id } ({ $url }), has failed { $count ->
        [one] once
       *[other] { $count } times in a row
    }: { $reason }. Quotewire keeps trying and will not say this again until it works again. To fix it: { $fix }
notice-fix-config = check that { $url } still opens in a browser; if the feed moved, change its url in the config file, or stop it with /source remove { $id }.
notice-fix-global = check that { $url } still opens in a browser; if the feed moved, /source remove { $id } and /source add <new address> global.
notice-fix-chat = check that the address still opens in a browser; if the feed moved, /source remove { $id } and /source add <new address>.
pause-removed-from-chat = the bot was removed from this chat
pause-removed-from-server = the bot was removed from this server; add it back to resume
pause-channel-deleted = the channel was deleted; /subscribe in another channel
attachment-too-large = the file is larger than { $kb } KB
attachment-not-handed-over = the platform did not hand over the file; send it again
attachment-not-downloaded = the file could not be downloaded (HTTP { $status }); send it again
weblogin-web-off = The web page is off: start Quotewire with --web, or set web.enabled: true in the config.
weblogin-console-off = The operator console is off (web.console in the config).
weblogin-not-running = The web page is not running yet. Try again in a moment.
weblogin-private-only = A login link is sent only in a private chat, where nobody else can see it: send /weblogin to the bot directly.
weblogin-link = Your one-time login link to the web console (it works once, for ten minutes):
export-none-chat = This chat has no sources of its own yet: /source add <url> or /import adds some. /sources lists those every chat reads.
export-none = There are no feed or page addresses to export (local files and folders have none).
export-done = { $count } source(s) as OPML: import the file into any feed reader, or into another chat with /import.
import-nothing = Nothing imported: { $reason }.
import-unreadable = the file could not be read
import-path-too-large = { $path } is larger than { $kb } KB
import-give-path = Give the path of an OPML file: /import ./feeds.opml
import-send-file = Send your .opml file with /import as its caption (Telegram), or attach it to /import (Discord). Feed readers such as Feedly, Miniflux and FreshRSS export one.
import-summary = Imported { $added } added, { $skipped } skipped, { $refused } refused, of { $total } feed(s).
import-summary-titled = Imported "{ $title }": { $added } added, { $skipped } skipped, { $refused } refused, of { $total } feed(s).
import-truncated = Only the first { $max } feeds of the file were read.
import-added = Added
import-added-as = as { $id }
import-skipped = Skipped
import-refused = Refused
import-listed-twice = listed twice in the file
opml-not-xml = the file is not well-formed XML, so not OPML; export your feeds from your reader again
opml-other-xml = the file is <{ $element }> XML, not OPML; export your feeds as OPML from your reader
opml-no-body = the OPML file has no <body>, so no feeds
admission-too-long = that address is { $length } characters long; a source's address may have at most { $max }
admission-already-source = already a source, as { $id }
admission-already-global = already read for every chat, as { $id }
admission-already-chat = already one of this chat's sources, as { $id }
admission-quota = this chat has { $limit } source(s), as many as this bot allows; /source remove <id> one first
admission-chat-sources-off = this bot's operator has not allowed chats to add their own sources (chatSources.maxPerChat is 0)
schedule-daily = every day at { $at }
schedule-weekdays = Monday to Friday at { $at }
schedule-weekly = every { $day } at { $at }
schedule-twice = twice a day, at { $first } and { $second }
instant-off = off (/mode instant turns them on)
instant-stories = new stories
instant-quotes = quotes by { $follows } followed
instant-stories-and-quotes = new stories and quotes by { $follows } followed
instant-batching = { $what }, at most every { $minutes } min and { $perHour } an hour
subscription-mode = Mode:
subscription-digest = Digest:
subscription-digest-none = none (instant mode; /mode both adds it)
subscription-instant = Instant posts:
subscription-quiet = Quiet hours:
subscription-none = none
subscription-notifications = Notifications:
subscription-silent = silent
subscription-filters = Filters:
subscription-filter-count = { $count } (/filter lists them)
subscription-active = active
settings-quiet-choose = Give quiet hours as from-to on a 24-hour clock, e.g. /settings quiet 22:00-07:00, or /settings quiet off.
settings-quiet-set = Quiet hours set: no instant posts from { $from } to { $to } ({ $zone }); what comes meanwhile is posted when they end.
settings-quiet-off = Quiet hours off.
settings-silent-choose = Use /settings silent on, or /settings silent off.
settings-silent-on = Silent delivery on: digests and posts arrive without a notification sound.
settings-silent-off = Silent delivery off: deliveries notify as usual.
mode-lead = This chat’s delivery:
mode-set-daily = Mode set: the digest on its schedule, no instant posts.
mode-set-instant = Mode set: each new story is posted here as it arrives, in batches; no digest.
mode-set-both = Mode set: new stories as they arrive, and the digest on its schedule.
mode-bad-minutes = Batches can come every { $min } to 1440 minutes, not { $minutes }: e.g. /mode { $mode } { $example }.
mode-bad-per-hour = Posts per hour can be 1 to { $max }, not { $perHour }: e.g. { $example }.
schedule-lead = This chat’s schedule:
schedule-set = Schedule set.
schedule-name-day = Name a day of the week, e.g. /schedule weekly monday.
schedule-name-day-suggest = Name a day of the week, e.g. /schedule weekly monday. Did you mean { $suggestions }?
schedule-bad-times = Give the times on a 24-hour clock: /schedule twice 18:00 (with the /time one), or /schedule twice 07:30 18:00.
schedule-same-times = The two times are both { $time }: choose two different ones.
schedule-takes-nothing = /schedule { $frequency } takes nothing more; the time is set with /time HH:MM.
follow-type-a-name = Type a name after /{ $command }, such as /{ $command } pompeo or /{ $command } "Mike Pompeo".
follow-nobody-closest = Nobody called "{ $name }" has been quoted yet. Closest: { $names }. Try /{ $command } "{ $first }".
follow-name-only = /{ $command } takes a name only: "{ $words }" is not part of { $name }'s name. Try /{ $command } "{ $name }".
follow-which-one = "{ $name }" could be { $count } people. Which one? { $choices }
follow-already = This chat already follows { $name }. /following lists who it follows.
follow-too-many = A chat can follow at most { $max } people. /unfollow someone first.
follow-done = Following { $name }: each new quote comes here with its article, at most { $minutes ->
        [one] once a minute
       *[other] every { $minutes } minutes
    } and { $perHour ->
        [one] 1 post
       *[other] { $perHour } posts
    } an hour. /unfollow { $name } stops it.
unfollow-nobody = This chat follows nobody. /follow <name> starts.
unfollow-done = Stopped following { $names }.
unfollow-not-followed = This chat does not follow "{ $name }". It follows { $names }.
following-nobody = This chat follows nobody. /follow <name> gets each new quote by a person here.
following-title = This chat follows:
following-since = since { $date }
following-hint = /unfollow <name> stops one.
follow-done-corrected = Nobody is called "{ $asked }"; following { $name }: each new quote comes here with its article, at most { $minutes ->
        [one] once a minute
       *[other] every { $minutes } minutes
    } and { $perHour ->
        [one] 1 post
       *[other] { $perHour } posts
    } an hour. /unfollow { $name } stops it.
filter-how = Filters apply to instant posts and the digest: whole words, any case or accents. /filter add exclude "transfer window", /filter add include huawei source:<id>, /filter remove <number>, /filter clear.
filter-none = No filters: every story comes.
filter-title = This chat’s filters:
filter-cleared =
    { $count ->
        [one] Removed the one filter: every story comes.
       *[other] Removed all { $count } filters: every story comes.
    }
filter-were-none = There were no filters.
filter-no-number = There is no filter { $number }; this chat has { $count }. /filter lists them.
filter-removed-number = Removed filter { $number }.
filter-added = Added: { $rules }.
filter-not-found = This chat has no filter { $rules }. /filter lists them.
filter-removed = Removed.
filter-remaining =
    { $count ->
        [one] { $count } filter now; /filter lists them.
       *[other] { $count } filters now; /filter lists them.
    }
filter-none-now = No filters now: every story comes.
filter-say-kind = Say include or exclude: /filter add exclude "transfer window".
filter-bad-kind = "{ $value }" is neither include nor exclude. E.g. /filter add include huawei.
filter-bad-kind-suggest = "{ $value }" is neither include nor exclude: did you mean { $suggestion }? E.g. /filter add include huawei.
filter-too-long = That is too long for filters: at most { $max } characters each.
filter-no-source = There is no source "{ $id }". /sources lists their ids.
filter-no-source-suggest = There is no source "{ $id }": did you mean { $suggestions }? /sources lists their ids.
filter-say-words = Say which words: /filter add { $kind } huawei, or a phrase in quotes.
filter-too-many = A chat can have at most { $max } filters; this one has { $count }. /filter remove some first.
filter-rule-too-long = a filter is at most { $max } characters; use a shorter phrase.
filter-rule-no-letters = a filter needs at least one letter or digit.
filter-rule-too-many-words = a phrase is at most { $max } words; use a shorter one.
