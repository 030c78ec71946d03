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
time-bad-time = "{ $time }" ist keine Uhrzeit. Nutze HH:MM im 24-Stunden-Format, z. B. /time 07:30.
time-bad-zone = "{ $zone }" ist kein Zeitzonenname. Nutze Gebiet/Stadt, z. B. Europe/Berlin, America/New_York oder Asia/Tokyo.
time-set = Zustellzeit festgelegt.
settings-lead = Der tägliche Digest dieses Chats:
settings-language-set = Sprache festgelegt.
settings-language-choose = Wähle eine Sprache, die der Bot spricht: { $languages }.
settings-language-here = Sprache: { $language }. Ändern mit /settings language <code>.

subscription-topics = Themen:
subscription-all-news = alle Nachrichten
subscription-delivery = Zustellung: jeden Tag um
subscription-language = Sprache:
subscription-status = Status:
subscription-paused = pausiert ({ $reason }); /subscribe setzt es fort
subscription-next = nächster Digest { $when }
subscription-change = Ändern mit /topics, /time HH:MM [Gebiet/Stadt], /settings language <code>; beenden mit /unsubscribe.
subscription-none-here = Abos gibt es für Chats auf Telegram oder Discord. Hier zeigt /digest jederzeit den heutigen Digest.
subscription-not-subscribed = Dieser Chat hat noch kein Abo. Sende /subscribe [themen...], um den Digest täglich zu erhalten.

source-not-found = Keine Quelle "{ $id }". /sources listet die IDs.
source-removed-config = { $id } entfernt, eine Quelle der Konfigurationsdatei: Sie bleibt auch nach einem Neustart aus, bis /source restore { $id }. Ihre Artikel bleiben gespeichert.
source-removed = { $id } entfernt. Ihre Artikel bleiben gespeichert.
source-not-removed = "{ $id }" ist keine entfernte Konfigurationsquelle. /source add <url> fügt eine neue hinzu.
source-not-removed-list = "{ $id }" ist keine entfernte Konfigurationsquelle. Entfernt sind: { $hidden }. /source add <url> fügt eine neue hinzu.
source-restored = { $id } wiederhergestellt ({ $url }): { $count } neue(r) Artikel.
source-refused = Nicht hinzugefügt: { $reason }
source-added = { $id } hinzugefügt ({ $url }): bisher { $count } Artikel gespeichert.
source-restored-config = Konfigurationsquelle { $id } wiederhergestellt ({ $url }): bisher { $count } Artikel gespeichert.

sources-none = Noch keine Quellen. Ein Betreiber kann eine mit /source add <url> hinzufügen.
sources-title = Quellen ({ $count })
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
