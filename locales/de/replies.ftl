# Antworten der Chat-Befehle.

intro-digest = Ein täglicher Digest der wichtigen Nachrichten, mit den zentralen Zitaten und wer sie gesagt hat.
start-intro = Ein täglicher Digest der wichtigen Nachrichten, mit den zentralen Zitaten und wer sie gesagt hat, aus den Quellen, die dieser Bot liest.
start-subscribe = der Digest hier jeden Tag um { $time } { $zone }
start-subscribe-topics = nur Meldungen zu diesen Themen
start-time = deine Uhrzeit und Zeitzone
start-digest = der heutige Digest sofort
start-quotes = was eine Person gesagt hat
start-groups = In Gruppen verwalten die Administratoren das Abo. /help zeigt alle Befehle.

subscribe-created = Abonniert: Der Digest kommt ab jetzt jeden Tag hierher.
subscribe-updated = Abo aktualisiert.
unsubscribe-done = Abbestellt: Hier kommen keine täglichen Digests mehr. /subscribe holt sie zurück.
unsubscribe-not-subscribed = Dieser Chat hatte kein Abo. /subscribe startet den täglichen Digest.
topics-current = Themen: { $topics }. Ändern mit /topics <wörter> oder /topics all.
topics-all = Themen: alle Nachrichten. Eingrenzen mit /topics <wörter>, z. B. /topics klima energie.
topics-set = Themen festgelegt: { $topics }.
topics-cleared = Themen entfernt: alle Nachrichten.
topics-left-out = Weggelassen: { $words } (ein Chat hat höchstens { $max } Themen mit je höchstens { $chars } Zeichen).
time-bad-time = "{ $time }" ist keine Uhrzeit. Nutze HH:MM im 24-Stunden-Format, z. B. /time 07:30.
time-bad-zone = "{ $zone }" ist kein Zeitzonenname. Nutze Gebiet/Stadt, z. B. Europe/Berlin, America/New_York oder Asia/Tokyo.
time-set = Zustellzeit festgelegt.
settings-lead = Der tägliche Digest dieses Chats:
settings-language-set = Sprache festgelegt.
settings-language-choose = Wähle eine Sprache, die der Bot spricht: { $languages }.
settings-language-here = Sprache: { $language }. Ändern mit /settings language <code>.

subscription-topics = Themen:
subscription-all-news = alle Nachrichten
subscription-language = Sprache:
subscription-status = Status:
subscription-paused = pausiert ({ $reason }); /subscribe setzt es fort
subscription-next = nächster Digest { $when }
subscription-change = Ändern mit /topics, /time HH:MM [Gebiet/Stadt], /schedule, /mode, /filter, /follow, /settings language|images|quiet|silent; beenden mit /unsubscribe.
subscription-none-here = Abos gibt es für Chats auf Telegram oder Discord. Hier zeigt /digest jederzeit den heutigen Digest, mit den Filtern von /filter; auch /follow und /following funktionieren hier.
subscription-not-subscribed = Dieser Chat hat noch kein Abo. Sende /subscribe [themen...], um den Digest täglich zu erhalten.

source-not-found = Keine Quelle "{ $id }". /sources listet die IDs.
source-removed-config = { $id } entfernt, eine Quelle der Konfigurationsdatei: Sie bleibt auch nach einem Neustart aus, bis /source restore { $id }. Ihre Artikel bleiben gespeichert.
source-removed = { $id } entfernt. Ihre Artikel bleiben gespeichert.
source-not-removed = "{ $id }" ist keine entfernte Konfigurationsquelle. /source add <url> fügt eine neue hinzu.
source-not-removed-list = "{ $id }" ist keine entfernte Konfigurationsquelle. Entfernt sind: { $hidden }. /source add <url> fügt eine neue hinzu.
source-restored = { $id } wiederhergestellt ({ $url }): { $count } neue(r) Artikel.
source-refused = Nicht hinzugefügt: { $reason }
source-added = { $id } hinzugefügt ({ $url }): bisher { $count } Artikel gespeichert.
source-found-feed = { $page } ist eine Webseite ohne Artikel; sie verweist auf ihren Feed, und der wurde hinzugefügt.
source-restored-config = Konfigurationsquelle { $id } wiederhergestellt ({ $url }): bisher { $count } Artikel gespeichert.

sources-removed-title = Aus der Liste der Konfiguration entfernt ({ $count })
sources-removed-item = entfernt am { $date }:
sources-removed-item-by = entfernt am { $date } von { $who }:
sources-operators = Betreiber: /source add <url>, /source remove <id>, /source restore <id>.
sources-failing = fehlerhaft ({ $count }x): { $error }
sources-failing-next = fehlerhaft ({ $count }x): { $error }; nächster Versuch { $next }
sources-ok = ok, zuletzt abgerufen { $at }, { $count } Artikel gespeichert
sources-not-fetched = noch nicht abgerufen
sources-unreadable = { $count } Datei(en) unlesbar: { $problems }
sources-origin-config = Konfigurationsdatei
sources-origin-added = hinzugefügt
sources-origin-added-by = hinzugefügt von { $who }

quotes-type-a-name = Gib nach /quotes einen Namen ein, etwa /quotes scholz oder /quotes "Olaf Scholz". /quotes allein zeigt die heute meistzitierten Personen.
quotes-nobody = Niemand namens "{ $name }" wurde bisher zitiert. /speakers listet alle, die zitiert wurden.
quotes-nobody-closest = Niemand namens "{ $name }" wurde bisher zitiert. Am ähnlichsten: { $names }. Versuche /quotes "{ $first }".
quotes-filter = mit { $words }
quotes-among = unter den neuesten { $count }
quotes-no-more = Keine weiteren Zitate{ $filter }{ $among }.
quotes-none = { $who }: keine Zitate{ $filter }{ $among }.
quotes-none-narrow = { $who }: keine Zitate{ $filter }{ $among }. Ein voller Name oder andere Wörter grenzen die Suche ein.
quotes-title = Zitate von { $who }{ $filter } ({ $range })
quotes-corrected = Niemand heißt "{ $name }"; hier { $who }.
quotes-many-speakers = { $count } Personen passen: { $names }. Für eine davon: /quotes "{ $first }".
quotes-many-speakers-more = { $count } Personen passen: { $names } und { $more } weitere. Für eine davon: /quotes "{ $first }".
quotes-searched = Die neuesten { $count } Zitate durchsucht.
quotes-source = Quelle
names-and = { $names } und { $last }
names-and-others = { $names } und { $count } weitere
range = { $from }–{ $to }
range-of = { $from }–{ $to } von { $total }
most-quoted-none = In der letzten Woche wurde niemand zitiert. /speakers listet alle Zitierten; /quotes <name> zeigt, was eine Person gesagt hat.
most-quoted-today = Heute am meisten zitiert ({ $day })
most-quoted-on = Am meisten zitiert am { $day }, dem letzten Tag mit Zitaten
quote-count =
    { $count ->
        [one] { $count } Zitat
       *[other] { $count } Zitate
    }
most-quoted-hint = Was eine dieser Personen gesagt hat: /quotes <name>.
speakers-no-more = Keine weiteren Personen.
speakers-none-prefix = Kein Name beginnt mit "{ $prefix }". /speakers allein listet alle.
speakers-none = Bisher wurde niemand zitiert: Zitate erscheinen, sobald Quellen gelesen werden.
speakers-item =
    { $count ->
        [one] { $count } Zitat
       *[other] { $count } Zitate
    }, zuletzt { $date }
speakers-organisation = Organisation
speakers-also = auch { $aliases }
speakers-title = Zitierte Personen ({ $range })
speakers-title-prefix = Zitierte Personen mit "{ $prefix }…" ({ $range })
speakers-hint = Was eine dieser Personen gesagt hat: /quotes <name>.
subscription-images = Bilder:
subscription-on = an
subscription-off = aus
settings-images-choose = Schreib /settings images on (ein Bild zur wichtigsten Meldung) oder /settings images off.
settings-images-on = Bilder an.
settings-images-off = Bilder aus.
source-terminal-no-chat = Das Terminal hat keinen eigenen Chat: /source add <url> fügt eine Quelle für alle Chats hinzu.
source-added-chat = { $id } ({ $url }) für diesen Chat hinzugefügt: bisher { $count } Artikel gespeichert. Seine Meldungen kommen in den Digest dieses Chats; /source remove { $id } beendet das.
source-added-chat-shared = { $id } ({ $url }) für diesen Chat hinzugefügt. Andere Chats lesen sie schon, sie wird also geteilt; /source remove { $id } beendet sie hier.
source-added-everyone = { $id } ({ $url }) hinzugefügt: sie wird jetzt für alle Chats gelesen.
source-removed-chat = { $id } aus den Quellen dieses Chats entfernt. Ihre Artikel bleiben gespeichert.
source-remove-global-refused = { $id } wird für alle Chats gelesen; nur die Betreiber des Bots können sie entfernen.
source-not-in-chat = Dieser Chat hat keine Quelle „{ $id }“. /sources listet die IDs.
source-removed-chats = { $id } entfernt, eine Quelle von { $count } Chat(s); sie wurden benachrichtigt. Ihre Artikel bleiben gespeichert.
source-operators-only = { $what } ändert, was alle Chats lesen, und ist daher nur für die Betreiber des Bots; /source add <url> fügt eine Quelle für diesen Chat hinzu.
source-operators-only-id = { $what } ändert, was alle Chats lesen, und ist daher nur für die Betreiber des Bots; /source add <url> fügt eine Quelle für diesen Chat hinzu. Deine { $platform }-Benutzer-ID ist { $userId }: ein Betreiber kann sie in der Konfiguration unter { $platform }.operators eintragen.
sources-chat-title = Quellen dieses Chats ({ $count } von { $limit })
sources-chat-none = Noch keine. Die Administratoren dieses Chats können eine mit /source add <url> hinzufügen.
sources-global-none = Noch keine Quellen für alle Chats. Ein Betreiber kann eine mit /source add <url> global hinzufügen.
sources-global-title = Quellen für alle Chats ({ $count })
sources-chats-title = Eigene Quellen der Chats ({ $count })
sources-operators-chat = Betreiber: /source add <url> global fügt für alle Chats hinzu; /source remove <id>, /source restore <id>.
sources-origin-shared = { $added }, von { $count } Chats gelesen
notice-source-removed = Der Betreiber des Bots hat { $id } ({ $url }) entfernt, eine der Quellen dieses Chats; ihre Meldungen kommen hier also nicht mehr an. Frag den Betreiber nach dem Grund, oder füge mit /source add <url> eine andere Adresse hinzu.
notice-source-failing-chat = Eine der Quellen dieses Chats, { $id } ({ $url }), ist { $count }-mal hintereinander fehlgeschlagen: { $reason }. Quotewire versucht es weiter und meldet sich erst wieder, wenn sie erneut funktioniert hat. So behebst du es: { $fix }
notice-source-failing-global = Eine Quelle, die alle Chats lesen, { $id } ({ $url }), ist { $count }-mal hintereinander fehlgeschlagen: { $reason }. Quotewire versucht es weiter und meldet sich erst wieder, wenn sie erneut funktioniert hat. So behebst du es: { $fix }
notice-fix-config = prüfe, ob sich { $url } noch im Browser öffnet; ist der Feed umgezogen, ändere seine url in der Konfigurationsdatei oder stoppe ihn mit /source remove { $id }.
notice-fix-global = prüfe, ob sich { $url } noch im Browser öffnet; ist der Feed umgezogen: /source remove { $id } und /source add <neue Adresse> global.
notice-fix-chat = prüfe, ob sich die Adresse noch im Browser öffnet; ist der Feed umgezogen: /source remove { $id } und /source add <neue Adresse>.
pause-removed-from-chat = der Bot wurde aus diesem Chat entfernt
pause-removed-from-server = der Bot wurde von diesem Server entfernt; füge ihn wieder hinzu, um fortzufahren
pause-channel-deleted = der Kanal wurde gelöscht; nutze /subscribe in einem anderen Kanal
attachment-too-large = die Datei ist größer als { $kb } KB
attachment-not-handed-over = die Plattform hat die Datei nicht herausgegeben; sende sie noch einmal
attachment-not-downloaded = die Datei konnte nicht heruntergeladen werden (HTTP { $status }); sende sie noch einmal
weblogin-web-off = Die Webseite ist aus: starte Quotewire mit --web, oder setze web.enabled: true in der Konfiguration.
weblogin-console-off = Die Betreiberkonsole ist aus (web.console in der Konfiguration).
weblogin-not-running = Die Webseite läuft noch nicht. Versuch es gleich noch einmal.
weblogin-private-only = Ein Anmeldelink wird nur im privaten Chat geschickt, wo ihn niemand sonst sieht: sende /weblogin direkt an den Bot.
weblogin-link = Dein einmaliger Anmeldelink zur Webkonsole (er funktioniert einmal, zehn Minuten lang):
export-none-chat = Dieser Chat hat noch keine eigenen Quellen: /source add <url> oder /import fügt welche hinzu. /sources listet die, die alle Chats lesen.
export-none = Es gibt keine Feed- oder Seitenadressen zum Exportieren (lokale Dateien und Ordner haben keine).
export-done = { $count } Quelle(n) als OPML: importiere die Datei in einen beliebigen Feedreader oder mit /import in einen anderen Chat.
import-nothing = Nichts importiert: { $reason }.
import-unreadable = die Datei konnte nicht gelesen werden
import-path-too-large = { $path } ist größer als { $kb } KB
import-give-path = Gib den Pfad einer OPML-Datei an: /import ./feeds.opml
import-send-file = Sende deine .opml-Datei mit /import als Bildunterschrift (Telegram) oder hänge sie an /import an (Discord). Feedreader wie Feedly, Miniflux und FreshRSS exportieren eine.
import-summary = Importiert: { $added } hinzugefügt, { $skipped } übersprungen, { $refused } abgelehnt, von { $total } Feed(s).
import-summary-titled = „{ $title }“ importiert: { $added } hinzugefügt, { $skipped } übersprungen, { $refused } abgelehnt, von { $total } Feed(s).
import-truncated = Nur die ersten { $max } Feeds der Datei wurden gelesen.
import-added = Hinzugefügt
import-added-as = als { $id }
import-skipped = Übersprungen
import-refused = Abgelehnt
import-listed-twice = doppelt in der Datei
opml-not-xml = die Datei ist kein wohlgeformtes XML und damit kein OPML; exportiere deine Feeds noch einmal aus deinem Reader
opml-other-xml = die Datei ist <{ $element }>-XML, kein OPML; exportiere deine Feeds als OPML aus deinem Reader
opml-no-body = die OPML-Datei hat kein <body> und damit keine Feeds
admission-too-long = diese Adresse ist { $length } Zeichen lang; die Adresse einer Quelle darf höchstens { $max } haben
admission-already-source = schon eine Quelle, als { $id }
admission-already-global = wird schon für alle Chats gelesen, als { $id }
admission-already-chat = schon eine Quelle dieses Chats, als { $id }
admission-quota = dieser Chat hat { $limit } Quelle(n), so viele, wie dieser Bot erlaubt; entferne zuerst eine mit /source remove <id>
admission-chat-sources-off = der Betreiber dieses Bots erlaubt Chats keine eigenen Quellen (chatSources.maxPerChat ist 0)
schedule-daily = jeden Tag um { $at }
schedule-weekdays = montags bis freitags um { $at }
schedule-weekly = jeden { $day } um { $at }
schedule-twice = zweimal täglich, um { $first } und { $second }
instant-off = aus (/mode instant schaltet sie ein)
instant-stories = neue Meldungen
instant-quotes = Zitate von { $follows } Gefolgten
instant-stories-and-quotes = neue Meldungen und Zitate von { $follows } Gefolgten
instant-batching = { $what }, höchstens alle { $minutes } Min. und { $perHour } pro Stunde
subscription-mode = Modus:
subscription-digest = Digest:
subscription-digest-none = keiner (Sofortmodus; /mode both fügt ihn hinzu)
subscription-instant = Sofortbeiträge:
subscription-quiet = Ruhezeiten:
subscription-none = keine
subscription-notifications = Benachrichtigungen:
subscription-silent = lautlos
subscription-filters = Filter:
subscription-filter-count = { $count } (/filter listet sie)
subscription-active = aktiv
settings-quiet-choose = Gib Ruhezeiten als von-bis im 24-Stunden-Format an, z. B. /settings quiet 22:00-07:00, oder /settings quiet off.
settings-quiet-set = Ruhezeiten gesetzt: keine Sofortbeiträge von { $from } bis { $to } ({ $zone }); was in der Zeit kommt, wird danach gepostet.
settings-quiet-off = Ruhezeiten aus.
settings-silent-choose = Nutze /settings silent on oder /settings silent off.
settings-silent-on = Lautlose Zustellung an: Digests und Beiträge kommen ohne Benachrichtigungston.
settings-silent-off = Lautlose Zustellung aus: Zustellungen benachrichtigen wie gewohnt.
mode-lead = Die Zustellung dieses Chats:
mode-set-daily = Modus gesetzt: der Digest nach Zeitplan, keine Sofortbeiträge.
mode-set-instant = Modus gesetzt: jede neue Meldung kommt hierher, sobald sie eintrifft, in Schüben; kein Digest.
mode-set-both = Modus gesetzt: neue Meldungen, sobald sie eintreffen, und der Digest nach Zeitplan.
mode-bad-minutes = Schübe können alle { $min } bis 1440 Minuten kommen, nicht { $minutes }: z. B. /mode { $mode } { $example }.
mode-bad-per-hour = Beiträge pro Stunde können 1 bis { $max } sein, nicht { $perHour }: z. B. { $example }.
schedule-lead = Der Zeitplan dieses Chats:
schedule-set = Zeitplan gesetzt.
schedule-name-day = Nenne einen Wochentag, z. B. /schedule weekly monday.
schedule-name-day-suggest = Nenne einen Wochentag, z. B. /schedule weekly monday. Meintest du { $suggestions }?
schedule-bad-times = Gib die Uhrzeiten im 24-Stunden-Format an: /schedule twice 18:00 (zusammen mit der von /time) oder /schedule twice 07:30 18:00.
schedule-same-times = Beide Uhrzeiten sind { $time }: wähle zwei verschiedene.
schedule-takes-nothing = /schedule { $frequency } nimmt nichts weiter; die Uhrzeit setzt /time HH:MM.
follow-type-a-name = Schreib einen Namen nach /{ $command }, etwa /{ $command } pompeo oder /{ $command } "Mike Pompeo".
follow-nobody-closest = Niemand namens „{ $name }“ wurde bisher zitiert. Am nächsten: { $names }. Versuch /{ $command } "{ $first }".
follow-name-only = /{ $command } nimmt nur einen Namen: „{ $words }“ gehört nicht zum Namen von { $name }. Versuch /{ $command } "{ $name }".
follow-which-one = „{ $name }“ könnte { $count } Personen meinen. Welche? { $choices }
follow-already = Dieser Chat folgt { $name } schon. /following listet, wem er folgt.
follow-too-many = Ein Chat kann höchstens { $max } Personen folgen. Entfolge zuerst jemandem mit /unfollow.
follow-done = Du folgst { $name }: jedes neue Zitat kommt mit seinem Artikel hierher, höchstens { $minutes ->
        [one] jede Minute
       *[other] alle { $minutes } Minuten
    } und { $perHour ->
        [one] 1 Beitrag
       *[other] { $perHour } Beiträge
    } pro Stunde. /unfollow { $name } beendet das.
unfollow-nobody = Dieser Chat folgt niemandem. /follow <Name> fängt an.
unfollow-done = Du folgst { $names } nicht mehr.
unfollow-not-followed = Dieser Chat folgt „{ $name }“ nicht. Er folgt { $names }.
following-nobody = Dieser Chat folgt niemandem. /follow <Name> bringt jedes neue Zitat einer Person hierher.
following-title = Dieser Chat folgt:
following-since = seit { $date }
following-hint = /unfollow <Name> beendet eine.
follow-done-corrected = Niemand heißt „{ $asked }“; du folgst { $name }: jedes neue Zitat kommt mit seinem Artikel hierher, höchstens { $minutes ->
        [one] jede Minute
       *[other] alle { $minutes } Minuten
    } und { $perHour ->
        [one] 1 Beitrag
       *[other] { $perHour } Beiträge
    } pro Stunde. /unfollow { $name } beendet das.
filter-how = Filter gelten für Sofortbeiträge und den Digest: ganze Wörter, egal ob groß, klein oder mit Akzent. /filter add exclude "transfer window", /filter add include huawei source:<id>, /filter remove <Nummer>, /filter clear.
filter-none = Keine Filter: jede Meldung kommt.
filter-title = Die Filter dieses Chats:
filter-cleared =
    { $count ->
        [one] Den einen Filter entfernt: jede Meldung kommt.
       *[other] Alle { $count } Filter entfernt: jede Meldung kommt.
    }
filter-were-none = Es gab keine Filter.
filter-no-number = Es gibt keinen Filter { $number }; dieser Chat hat { $count }. /filter listet sie.
filter-removed-number = Filter { $number } entfernt.
filter-added = Hinzugefügt: { $rules }.
filter-not-found = Dieser Chat hat keinen Filter { $rules }. /filter listet sie.
filter-removed = Entfernt.
filter-remaining =
    { $count ->
        [one] Jetzt { $count } Filter; /filter listet sie.
       *[other] Jetzt { $count } Filter; /filter listet sie.
    }
filter-none-now = Jetzt keine Filter: jede Meldung kommt.
filter-say-kind = Sag include oder exclude: /filter add exclude "transfer window".
filter-bad-kind = „{ $value }“ ist weder include noch exclude. Z. B. /filter add include huawei.
filter-bad-kind-suggest = „{ $value }“ ist weder include noch exclude: meintest du { $suggestion }? Z. B. /filter add include huawei.
filter-too-long = Das ist zu lang für Filter: höchstens { $max } Zeichen je Filter.
filter-no-source = Es gibt keine Quelle „{ $id }“. /sources listet die IDs.
filter-no-source-suggest = Es gibt keine Quelle „{ $id }“: meintest du { $suggestions }? /sources listet die IDs.
filter-say-words = Sag welche Wörter: /filter add { $kind } huawei, oder eine Phrase in Anführungszeichen.
filter-too-many = Ein Chat kann höchstens { $max } Filter haben; dieser hat { $count }. Entferne zuerst welche mit /filter remove.
filter-rule-too-long = ein Filter hat höchstens { $max } Zeichen; nimm eine kürzere Phrase.
filter-rule-no-letters = ein Filter braucht mindestens einen Buchstaben oder eine Ziffer.
filter-rule-too-many-words = eine Phrase hat höchstens { $max } Wörter; nimm eine kürzere.
