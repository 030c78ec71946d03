# Der Digest: die Antwort auf /digest und die Wörter eines zugestellten Digests.

digest-title = Quotewire-Digest für { $date }
digest-title-topic = Quotewire-Digest für { $date } (Thema: { $topic })
digest-title-topics = Quotewire-Digest für { $date } (Themen: { $topics })
digest-no-stories-topic = Keine Meldungen zu "{ $topic }" in den letzten { $hours }. Versuche /digest ohne Thema oder /sources, um zu sehen, was gelesen wird.
digest-no-stories = Keine neuen Meldungen in den letzten { $hours }. Quellen werden nach ihrem Zeitplan abgerufen; /sources zeigt, wie es ihnen geht.
digest-no-stories-filtered =
    { $count ->
        [one] Die eine Meldung der letzten { $hours } haben die Filter dieses Chats ausgeschlossen.
       *[other] Alle { $count } Meldungen der letzten { $hours } haben die Filter dieses Chats ausgeschlossen.
    } /filter listet sie; /filter clear entfernt sie.
digest-no-stories-today = Heute keine neuen Meldungen. /sources zeigt, wie es den Quellen geht.
digest-hours =
    { $hours ->
        [one] { $hours } Stunde
       *[other] { $hours } Stunden
    }
digest-overview =
    { $stories ->
        [one] { $stories } Meldung
       *[other] { $stories } Meldungen
    } aus { $articles ->
        [one] { $articles } Artikel
       *[other] { $articles } Artikeln
    } der letzten { $hours }.
digest-overview-top = Die wichtigsten { $shown } von { $stories } Meldungen aus { $articles } Artikeln der letzten { $hours }.
digest-quote-of-the-day = Zitat des Tages
digest-story-sources =
    { $count ->
        [1] Quelle:
       *[other] { $count } Quellen:
    }
digest-sources = Quellen
digest-more-stories =
    { $count ->
        [one] … und { $count } weitere Meldung.
       *[other] … und { $count } weitere Meldungen.
    }
digest-topic-gone = Das Forenthema, in dem der tägliche Digest dieses Chats erschien, gibt es nicht mehr; der Digest kommt deshalb jetzt hierher. Ein Admin kann /subscribe in einem anderen Thema senden, um ihn dorthin zu verlegen.
digest-thread-gone = Den Thread, in dem der tägliche Digest dieses Kanals erschien, gibt es nicht mehr; der Digest kommt deshalb jetzt hierher. Wer „Kanäle verwalten“ darf, kann /subscribe in einem anderen Thread nutzen, um ihn dorthin zu verlegen.
