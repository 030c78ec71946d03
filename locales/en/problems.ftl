# Why a source could not be read or added (src/sources/source-problem.ts), as chats see it in
# /source add, /import, /sources and failure notices. The same sentences as the English errors the
# log shows; keep the two alike when changing one.

problem-redirect-loop = { $url } redirects back to { $next }, a loop; the site is misconfigured, so open it in a browser to find the feed's real address
problem-too-many-redirects = { $url } redirected more than { $max } times (last to { $last }); use the final address directly or raise polling.maxRedirects in the config
problem-timeout = { $url } timed out after { $seconds }; the site may be slow or down{ $then }
problem-bad-url = "{ $text }" is not a valid URL; write it in full, such as https://example.com/feed.xml
problem-bad-redirect = { $url } redirected to "{ $location }", which is not a valid URL; the site is misconfigured
problem-too-large = { $url } { $unpacked ->
        [yes] unpacks to
       *[no] sent
    } more than { $size }; raise polling.maxBytes in the config if this source really is that big
problem-bad-encoding = { $broken ->
        [yes] { $url } sent a broken { $encoding } body that could not be unpacked; the site may be misconfigured{ $then }
       *[no] { $url } answered with an unsupported Content-Encoding ({ $encoding }); the site is sending something Quotewire cannot read
    }
problem-http-status = { $url } answered { $status }; { $advice ->
        [rate-limited] the site is rate-limiting requests{ $then }
        [rate-limited-wait] the site is rate-limiting requests and asks to wait { $seconds }{ $then }
        [gone] the feed may have moved or been removed; check the address in a browser
        [no-access] the site refuses access; check the address or whether it needs a login
        [server] the site may be down{ $then }
        [redirect] the site redirected without saying where to; check the address in a browser
       *[other] check the address in a browser
    }
problem-network = { $cause ->
        [refused] could not connect to { $host } (connection refused); check the address, or whether the site is up
        [no-host] could not find { $host } (no such host name); check the address for typos
        [dns] could not look up { $host } (DNS did not answer); check the network{ $then }
        [dropped] { $host } dropped the connection; the site may be overloaded{ $then }
        [connect-timeout] could not connect to { $host } in time; the site may be down{ $then }
       *[unreachable] { $host } is unreachable from this machine; check the network
    }
problem-tls = { $host } presented a TLS certificate that could not be verified ({ $code }); the site's HTTPS setup is broken
problem-fetch-failed = could not fetch { $url } ({ $detail }){ $then }
problem-not-http = { $url } is not an http or https address; Quotewire only fetches web feeds and pages
problem-scheme-typo = { $url } is not an http or https address; did you mean { $suggestion }?
problem-forbidden-address = refused: { $subject } { $via ->
        [host] resolves to
       *[url] points to
    } { $range ->
        [loopback] a loopback address
        [private] a private address
        [link-local] a link-local address
        [metadata] a cloud metadata address
        [unspecified] the unspecified address
        [multicast] a multicast address
        [broadcast] the broadcast address
        [reserved] a reserved address
       *[invalid] an invalid address
    } ({ $address }); { $range ->
        [loopback] set polling.allowLoopback in the config to allow it
        [private] set polling.allowPrivateAddresses in the config to allow it
        [link-local] set polling.allowPrivateAddresses in the config to allow it
       *[other] Quotewire never fetches from such addresses
    }
problem-local-files-here = local files and folders can only be added at the terminal or in the config file; here, give a full address such as https://example.com/feed.xml
problem-not-file-url = "{ $location }" is not a file URL; give a path such as /srv/news or file:///srv/news
problem-no-file = no file or folder at { $path }
problem-not-url = "{ $location }" is not a URL; give a full address such as https://example.com/feed.xml
problem-path-missing = { $path } does not exist; check the path (was the file moved or renamed?)
problem-path-unreadable = cannot read { $path }: { $code }
problem-file-too-large = { $path } is larger than polling.maxBytes ({ $max } bytes)
problem-binary-file = { $name } is not a text document (it holds binary data: an image, a PDF, an archive?); Quotewire reads feeds, web pages, Markdown and plain text
problem-no-text = { $name } has no text to read; check that it is the right file
problem-not-feed-or-page = { $url } serves { $type } that is neither a feed nor a web page; check the URL
problem-page-links-feed = { $url } is a web page without an article, but it links to a feed at { $feed }: add that instead
problem-feed-huge = the feed is { $mb } MB, far larger than any real feed; check the address
problem-html-no-feed = this is an HTML page, not a feed, and it does not link to one; find the site's RSS or Atom feed address and add that
problem-html-feed-link = this is an HTML page, not a feed; it links to a feed at { $feed }{ $more ->
        [0] { "" }
       *[other] { " " }(and { $more } more)
    }: add that instead
problem-empty-response = the response is empty; check the address or try again later
problem-bad-json = the feed is not valid JSON; ask the publisher or try again later
problem-json-not-feed = this is JSON but not a JSON Feed (it has no "version": "https://jsonfeed.org/version/…"); check the address
problem-opml-not-feed = this is an OPML subscription list, not an RSS, Atom or JSON feed; check the address
problem-other-xml = this is XML with a <{ $root }> root, not an RSS, Atom or JSON feed; check the address
problem-plain-text = this is plain text, not a feed; check the address
problem-xml-broken = the feed is not well-formed XML (line { $line }): { $detail }; ask the publisher or try again later
problem-too-deep = the feed nests elements more than { $max } levels deep, which no real feed does; ask the publisher to fix it
problem-no-article = { $url }: no article text found on this page: it may need JavaScript to show its content, be behind a login or paywall, or be a list of links (a home or section page); add the site’s RSS feed instead, or the address of a single article
problem-feed-served-page = { $url } answered with a web page instead of its feed (a maintenance or bot-check page?){ $then }
problem-page-too-complex = { $url }: { $what ->
        [size] the page is { $amount } million characters long
        [elements] the page has { $amount } elements
       *[depth] the page nests its markup { $amount } levels deep
    }, beyond what article extraction accepts; add the site's RSS feed instead
notice-unreadable = it could not be read

# The OPML file /export sends (its <title>, shown by feed readers).
export-file-title = Quotewire sources
export-file-title-chat = Quotewire sources of { $chat }

# Why deliveries here are paused, when the platform refused them (shown by /settings).
pause-platform-said = the platform refused to post here ("{ $reason }"); { $hint }
pause-hint-subscribe-again = once the bot may post here again, send /subscribe
pause-hint-cannot-see = the bot cannot see the channel; give it View Channel there, then /subscribe again
pause-hint-no-permission = the bot lacks permissions; give it Send Messages and Embed Links in the channel, then /subscribe again
pause-hint-check-access = check that the bot is still in the server and may post in the channel

# How a passing problem ends: `then-retry` for a polled source (tried again with backoff),
# `then-try-later` for a one-off read such as adding a source, which nothing repeats.
problem-then-retry = , Quotewire will retry with backoff
problem-then-try-later = ; try again later
