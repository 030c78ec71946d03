# Warum eine Quelle nicht gelesen oder hinzugefügt werden konnte (/source add, /import, /sources,
# Fehlermeldungen an Chats).

problem-redirect-loop = { $url } leitet zurück auf { $next } weiter, eine Schleife; die Website ist falsch eingerichtet. Öffne sie im Browser, um die echte Adresse des Feeds zu finden
problem-too-many-redirects = { $url } hat mehr als { $max }-mal weitergeleitet (zuletzt auf { $last }); nutze direkt die letzte Adresse oder erhöhe polling.maxRedirects in der Konfiguration
problem-timeout = { $url } hat nach { $seconds } nicht geantwortet; die Website ist vielleicht langsam oder nicht erreichbar{ $then }
problem-bad-url = "{ $text }" ist keine gültige URL; schreib sie vollständig, z. B. https://example.com/feed.xml
problem-bad-redirect = { $url } leitet auf "{ $location }" weiter, das ist keine gültige URL; die Website ist falsch eingerichtet
problem-too-large = { $url } { $unpacked ->
        [yes] ergibt entpackt
       *[no] hat
    } mehr als { $size } geschickt; erhöhe polling.maxBytes in der Konfiguration, wenn diese Quelle wirklich so groß ist
problem-bad-encoding = { $broken ->
        [yes] { $url } hat einen beschädigten { $encoding }-Inhalt geschickt, der sich nicht entpacken lässt; die Website ist vielleicht falsch eingerichtet{ $then }
       *[no] { $url } antwortet mit einem nicht unterstützten Content-Encoding ({ $encoding }); die Website schickt etwas, das Quotewire nicht lesen kann
    }
problem-http-status = { $url } hat mit { $status } geantwortet; { $advice ->
        [rate-limited] die Website bremst Anfragen aus{ $then }
        [rate-limited-wait] die Website bremst Anfragen aus und bittet, { $seconds } zu warten{ $then }
        [gone] der Feed ist vielleicht umgezogen oder entfernt worden; prüfe die Adresse im Browser
        [no-access] die Website verweigert den Zugriff; prüfe die Adresse, oder ob sie eine Anmeldung verlangt
        [server] die Website ist vielleicht gestört{ $then }
        [redirect] die Website leitet weiter, ohne zu sagen wohin; prüfe die Adresse im Browser
       *[other] prüfe die Adresse im Browser
    }
problem-network = { $cause ->
        [refused] keine Verbindung zu { $host } (Verbindung abgelehnt); prüfe die Adresse, oder ob die Website läuft
        [no-host] { $host } wurde nicht gefunden (kein solcher Hostname); prüfe die Adresse auf Tippfehler
        [dns] { $host } ließ sich nicht auflösen (DNS hat nicht geantwortet); prüfe das Netzwerk{ $then }
        [dropped] { $host } hat die Verbindung abgebrochen; die Website ist vielleicht überlastet{ $then }
        [connect-timeout] keine Verbindung zu { $host } in der vorgesehenen Zeit; die Website ist vielleicht nicht erreichbar{ $then }
       *[unreachable] { $host } ist von diesem Rechner aus nicht erreichbar; prüfe das Netzwerk
    }
problem-tls = { $host } hat ein TLS-Zertifikat vorgelegt, das sich nicht prüfen ließ ({ $code }); die HTTPS-Einrichtung der Website ist fehlerhaft
problem-fetch-failed = { $url } konnte nicht abgerufen werden ({ $detail }){ $then }
problem-not-http = { $url } ist keine http- oder https-Adresse; Quotewire ruft nur Feeds und Seiten aus dem Web ab
problem-scheme-typo = { $url } ist keine http- oder https-Adresse; meintest du { $suggestion }?
problem-forbidden-address = abgelehnt: { $subject } { $via ->
        [host] wird aufgelöst zu
       *[url] zeigt auf
    } { $range ->
        [loopback] einer Loopback-Adresse
        [private] einer privaten Adresse
        [link-local] einer Link-Local-Adresse
        [metadata] einer Cloud-Metadaten-Adresse
        [unspecified] der unspezifizierten Adresse
        [multicast] einer Multicast-Adresse
        [broadcast] der Broadcast-Adresse
        [reserved] einer reservierten Adresse
       *[invalid] einer ungültigen Adresse
    } ({ $address }); { $range ->
        [loopback] setze polling.allowLoopback in der Konfiguration, um sie zu erlauben
        [private] setze polling.allowPrivateAddresses in der Konfiguration, um sie zu erlauben
        [link-local] setze polling.allowPrivateAddresses in der Konfiguration, um sie zu erlauben
       *[other] von solchen Adressen ruft Quotewire nie etwas ab
    }
problem-local-files-here = lokale Dateien und Ordner lassen sich nur am Terminal oder in der Konfigurationsdatei hinzufügen; gib hier eine vollständige Adresse an, z. B. https://example.com/feed.xml
problem-not-file-url = "{ $location }" ist keine Datei-URL; gib einen Pfad an, z. B. /srv/news oder file:///srv/news
problem-no-file = unter { $path } gibt es weder Datei noch Ordner
problem-not-url = "{ $location }" ist keine URL; gib eine vollständige Adresse an, z. B. https://example.com/feed.xml
problem-path-missing = { $path } existiert nicht; prüfe den Pfad (wurde die Datei verschoben oder umbenannt?)
problem-path-unreadable = { $path } lässt sich nicht lesen: { $code }
problem-file-too-large = { $path } ist größer als polling.maxBytes ({ $max } Bytes)
problem-binary-file = { $name } ist kein Textdokument (es enthält Binärdaten: ein Bild, ein PDF, ein Archiv?); Quotewire liest Feeds, Webseiten, Markdown und reinen Text
problem-no-text = { $name } enthält keinen lesbaren Text; prüfe, ob es die richtige Datei ist
problem-not-feed-or-page = { $url } liefert { $type }, weder ein Feed noch eine Webseite; prüfe die URL
problem-page-links-feed = { $url } ist eine Webseite ohne Artikel, verweist aber auf einen Feed unter { $feed }: füge stattdessen diesen hinzu
problem-feed-huge = der Feed ist { $mb } MB groß, weit mehr als jeder echte Feed; prüfe die Adresse
problem-html-no-feed = das ist eine HTML-Seite, kein Feed, und sie verweist auf keinen; such die RSS- oder Atom-Adresse der Website und füge diese hinzu
problem-html-feed-link = das ist eine HTML-Seite, kein Feed; sie verweist auf einen Feed unter { $feed }{ $more ->
        [0] { "" }
       *[other] { " " }(und { $more } weitere)
    }: füge stattdessen diesen hinzu
problem-empty-response = die Antwort ist leer; prüfe die Adresse oder versuch es später noch einmal
problem-bad-json = der Feed ist kein gültiges JSON; wende dich an den Herausgeber oder versuch es später noch einmal
problem-json-not-feed = das ist JSON, aber kein JSON Feed (es fehlt "version": "https://jsonfeed.org/version/…"); prüfe die Adresse
problem-opml-not-feed = das ist eine OPML-Abonnementliste, kein RSS-, Atom- oder JSON-Feed; prüfe die Adresse
problem-other-xml = das ist XML mit dem Wurzelelement <{ $root }>, kein RSS-, Atom- oder JSON-Feed; prüfe die Adresse
problem-plain-text = das ist reiner Text, kein Feed; prüfe die Adresse
problem-xml-broken = der Feed ist kein wohlgeformtes XML (Zeile { $line }): { $detail }; wende dich an den Herausgeber oder versuch es später noch einmal
problem-too-deep = der Feed verschachtelt Elemente tiefer als { $max } Ebenen, das tut kein echter Feed; bitte den Herausgeber, das zu beheben
problem-no-article = { $url }: auf dieser Seite wurde kein Artikeltext gefunden: sie braucht vielleicht JavaScript, liegt hinter einer Anmeldung oder Bezahlschranke, oder ist eine Liste von Links (eine Start- oder Rubrikseite); füge stattdessen den RSS-Feed der Website hinzu, oder die Adresse eines einzelnen Artikels
problem-feed-served-page = { $url } hat statt seines Feeds eine Webseite geliefert (eine Wartungs- oder Bot-Prüfseite?){ $then }
problem-page-too-complex = { $url }: { $what ->
        [size] die Seite ist { $amount } Millionen Zeichen lang
        [elements] die Seite hat { $amount } Elemente
       *[depth] die Seite verschachtelt ihr Markup { $amount } Ebenen tief
    }, mehr als die Artikelerkennung annimmt; füge stattdessen den RSS-Feed der Website hinzu
notice-unreadable = sie konnte nicht gelesen werden

# Die OPML-Datei von /export (ihr <title>, den Feedreader anzeigen).
export-file-title = Quotewire-Quellen
export-file-title-chat = Quotewire-Quellen von { $chat }

# Warum die Zustellung hier pausiert, wenn die Plattform sie abgelehnt hat (in /settings).
pause-platform-said = die Plattform hat das Posten hier abgelehnt ("{ $reason }"); { $hint }
pause-hint-subscribe-again = sobald der Bot hier wieder posten darf, sende /subscribe
pause-hint-cannot-see = der Bot sieht den Kanal nicht; gib ihm dort die Berechtigung „Kanal ansehen“, dann /subscribe erneut
pause-hint-no-permission = dem Bot fehlen Berechtigungen; gib ihm im Kanal „Nachrichten senden“ und „Links einbetten“, dann /subscribe erneut
pause-hint-check-access = prüfe, ob der Bot noch auf dem Server ist und im Kanal posten darf

# How a passing problem ends: `then-retry` for a polled source (tried again with backoff),
# `then-try-later` for a one-off read such as adding a source, which nothing repeats.
problem-then-retry = , Quotewire versucht es in wachsenden Abständen erneut
problem-then-try-later = ; versuche es später noch einmal
