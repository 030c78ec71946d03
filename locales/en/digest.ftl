# The digest: /digest's reply, and the words of a delivered digest on Telegram and Discord.

digest-title = Quotewire digest for { $date }
digest-title-topic = Quotewire digest for { $date } (topic: { $topic })
digest-title-topics = Quotewire digest for { $date } (topics: { $topics })
digest-no-stories-topic = No stories about "{ $topic }" in the last { $hours }. Try /digest without a topic, or /sources to see what is read.
digest-no-stories = No new stories in the last { $hours }. Sources are polled on their schedule; /sources shows how they are doing.
digest-no-stories-filtered =
    { $count ->
        [one] The one story of the last { $hours } was left out by this chat’s filters.
       *[other] All { $count } stories of the last { $hours } were left out by this chat’s filters.
    } /filter lists them; /filter clear removes them.
digest-no-stories-today = No new stories today. /sources shows how the sources are doing.
digest-hours =
    { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    }
digest-overview =
    { $stories ->
        [one] { $stories } story
       *[other] { $stories } stories
    } from { $articles ->
        [one] { $articles } article
       *[other] { $articles } articles
    } in the last { $hours }.
digest-overview-top =
    The top { $shown } of { $stories } stories from { $articles ->
        [one] { $articles } article
       *[other] { $articles } articles
    } in the last { $hours }.
digest-quote-of-the-day = Quote of the day
digest-story-sources =
    { $count ->
        [1] Source:
       *[other] { $count } sources:
    }
digest-sources = Sources
digest-more-stories =
    { $count ->
        [one] … and { $count } more story.
       *[other] … and { $count } more stories.
    }
digest-topic-gone = The forum topic this chat’s daily digest was posted in is gone, so the digest comes here now. An admin can send /subscribe inside another topic to move it there.
digest-thread-gone = The thread this channel’s daily digest was posted in is gone, so the digest comes here now. Someone with Manage Channels can use /subscribe inside another thread to move it there.
