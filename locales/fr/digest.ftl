# Le digest : la réponse à /digest et les mots d’un digest envoyé.

digest-title = Digest Quotewire du { $date }
digest-title-topic = Digest Quotewire du { $date } (sujet : { $topic })
digest-title-topics = Digest Quotewire du { $date } (sujets : { $topics })
digest-no-stories-topic = Aucun article sur "{ $topic }" ces dernières { $hours }. Essayez /digest sans sujet, ou /sources pour voir ce qui est lu.
digest-no-stories = Aucun nouvel article ces dernières { $hours }. Les sources sont relevées selon leur calendrier ; /sources montre leur état.
digest-no-stories-filtered =
    { $count ->
        [one] Le seul article de ces dernières { $hours } a été écarté par les filtres de ce chat.
       *[other] Les { $count } articles de ces dernières { $hours } ont tous été écartés par les filtres de ce chat.
    } /filter les liste ; /filter clear les supprime.
digest-no-stories-today = Aucun nouvel article aujourd’hui. /sources montre l’état des sources.
digest-hours =
    { $hours ->
        [one] { $hours } heure
       *[other] { $hours } heures
    }
digest-overview =
    { $stories ->
        [one] { $stories } sujet tiré
       *[other] { $stories } sujets tirés
    } de { $articles ->
        [one] { $articles } article
       *[other] { $articles } articles
    } ces dernières { $hours }.
digest-overview-top = Les { $shown } principaux sujets sur { $stories }, tirés de { $articles } articles ces dernières { $hours }.
digest-quote-of-the-day = Citation du jour
digest-story-sources =
    { $count ->
        [1] Source :
       *[other] { $count } sources :
    }
digest-sources = Sources
digest-more-stories =
    { $count ->
        [one] … et { $count } autre sujet.
       *[other] … et { $count } autres sujets.
    }
digest-topic-gone = Le sujet du forum où paraissait le digest quotidien de ce chat n’existe plus : le digest arrive donc ici désormais. Un administrateur peut envoyer /subscribe dans un autre sujet pour l’y déplacer.
digest-thread-gone = Le fil où paraissait le digest quotidien de ce salon n’existe plus : le digest arrive donc ici désormais. Quelqu’un ayant la permission Gérer les salons peut utiliser /subscribe dans un autre fil pour l’y déplacer.
