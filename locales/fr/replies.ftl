# Réponses des commandes du chat.

intro-digest = Un digest quotidien de l’actualité qui compte, avec les citations clés et leurs auteurs.
start-intro = Un digest quotidien de l’actualité qui compte, avec les citations clés et leurs auteurs, tiré des sources que lit ce bot.
start-subscribe = le digest ici chaque jour à { $time } { $zone }
start-subscribe-topics = seulement les articles sur ces sujets
start-time = votre heure et votre fuseau horaire
start-digest = le digest du jour tout de suite
start-quotes = ce qu’une personne a dit
start-groups = Dans les groupes, les administrateurs gèrent l’abonnement. /help liste toutes les commandes.

subscribe-created = Abonné : le digest arrivera ici chaque jour.
subscribe-updated = Abonnement mis à jour.
unsubscribe-done = Désabonné : plus de digest quotidien ici. /subscribe le rétablit.
unsubscribe-not-subscribed = Ce chat n’était pas abonné. /subscribe lance le digest quotidien.
topics-current = Sujets : { $topics }. Changez-les avec /topics <mots>, ou /topics all.
topics-all = Sujets : toute l’actualité. Affinez avec /topics <mots>, p. ex. /topics climat énergie.
topics-set = Sujets définis : { $topics }.
topics-cleared = Sujets effacés : toute l’actualité.
time-bad-time = "{ $time }" n’est pas une heure. Utilisez HH:MM sur 24 heures, p. ex. /time 07:30.
time-bad-zone = "{ $zone }" n’est pas un fuseau horaire. Utilisez Région/Ville, p. ex. Europe/Paris, America/New_York ou Asia/Tokyo.
time-set = Heure d’envoi réglée.
settings-lead = Le digest quotidien de ce chat :
settings-language-set = Langue définie.
settings-language-choose = Choisissez une langue que le bot connaît : { $languages }.
settings-language-here = Langue : { $language }. Changez-la avec /settings language <code>.

subscription-topics = Sujets :
subscription-all-news = toute l’actualité
subscription-delivery = Envoi : chaque jour à
subscription-language = Langue :
subscription-status = État :
subscription-paused = en pause ({ $reason }) ; /subscribe le reprend
subscription-next = prochain digest { $when }
subscription-change = Modifiez avec /topics, /time HH:MM [Région/Ville], /settings language <code> ; arrêtez avec /unsubscribe.
subscription-none-here = Les abonnements sont pour les chats Telegram ou Discord. Ici, /digest montre le digest du jour à tout moment.
subscription-not-subscribed = Ce chat n’est pas encore abonné. Envoyez /subscribe [sujets...] pour recevoir le digest chaque jour.

source-not-found = Aucune source "{ $id }". /sources liste les ids.
source-removed-config = { $id } retirée, une source du fichier de configuration : elle reste désactivée après un redémarrage jusqu’à /source restore { $id }. Ses articles restent stockés.
source-removed = { $id } retirée. Ses articles restent stockés.
source-not-removed = "{ $id }" n’est pas une source de configuration retirée. /source add <url> en ajoute une nouvelle.
source-not-removed-list = "{ $id }" n’est pas une source de configuration retirée. Sources retirées : { $hidden }. /source add <url> en ajoute une nouvelle.
source-restored = { $id } rétablie ({ $url }) : { $count } nouvel(s) article(s).
source-refused = Non ajoutée : { $reason }
source-added = { $id } ajoutée ({ $url }) : { $count } article(s) stocké(s) jusqu’ici.
source-restored-config = Source de configuration { $id } rétablie ({ $url }) : { $count } article(s) stocké(s) jusqu’ici.

sources-none = Pas encore de source. Un opérateur peut en ajouter une avec /source add <url>.
sources-title = Sources ({ $count })
sources-removed-title = Retirées de la liste de la configuration ({ $count })
sources-removed-item = retirée le { $date } :
sources-removed-item-by = retirée le { $date } par { $who } :
sources-operators = Opérateurs : /source add <url>, /source remove <id>, /source restore <id>.
sources-failing = en échec ({ $count }x) : { $error }
sources-failing-next = en échec ({ $count }x) : { $error } ; prochain essai { $next }
sources-ok = ok, dernier relevé { $at }, { $count } article(s) stocké(s)
sources-not-fetched = pas encore relevée
sources-unreadable = { $count } fichier(s) illisible(s) : { $problems }
sources-origin-config = fichier de configuration
sources-origin-added = ajoutée
sources-origin-added-by = ajoutée par { $who }

quotes-type-a-name = Tapez un nom après /quotes, comme /quotes macron ou /quotes "Emmanuel Macron". /quotes seul liste les personnes les plus citées du jour.
quotes-nobody = Personne du nom de "{ $name }" n’a encore été cité. /speakers liste toutes les personnes citées.
quotes-nobody-closest = Personne du nom de "{ $name }" n’a encore été cité. Les plus proches : { $names }. Essayez /quotes "{ $first }".
quotes-filter = avec { $words }
quotes-among = parmi les { $count } plus récentes
quotes-no-more = Plus de citations{ $filter }{ $among }.
quotes-none = { $who } : aucune citation{ $filter }{ $among }.
quotes-none-narrow = { $who } : aucune citation{ $filter }{ $among }. Un nom complet ou d’autres mots affinent la recherche.
quotes-title = Citations de { $who }{ $filter } ({ $range })
quotes-corrected = Personne ne s’appelle "{ $name }" ; voici { $who }.
quotes-many-speakers = { $count } personnes correspondent : { $names }. Pour l’une d’elles : /quotes "{ $first }".
quotes-many-speakers-more = { $count } personnes correspondent : { $names } et { $more } de plus. Pour l’une d’elles : /quotes "{ $first }".
quotes-searched = Recherche faite dans les { $count } citations les plus récentes.
quotes-source = source
names-and = { $names } et { $last }
names-and-others = { $names } et { $count } autres
range = { $from }–{ $to }
range-of = { $from }–{ $to } sur { $total }
most-quoted-none = Personne n’a été cité cette semaine. /speakers liste toutes les personnes citées ; /quotes <nom> montre ce qu’une personne a dit.
most-quoted-today = Les plus cités aujourd’hui ({ $day })
most-quoted-on = Les plus cités le { $day }, dernier jour avec des citations
quote-count =
    { $count ->
        [one] { $count } citation
       *[other] { $count } citations
    }
most-quoted-hint = Ce que l’une de ces personnes a dit : /quotes <nom>.
speakers-no-more = Plus de personnes.
speakers-none-prefix = Aucun nom ne commence par "{ $prefix }". /speakers seul les liste toutes.
speakers-none = Personne n’a encore été cité : les citations apparaissent à mesure que les sources sont lues.
speakers-item =
    { $count ->
        [one] { $count } citation
       *[other] { $count } citations
    }, dernière le { $date }
speakers-organisation = organisation
speakers-also = aussi { $aliases }
speakers-title = Personnes citées ({ $range })
speakers-title-prefix = Personnes citées commençant par "{ $prefix }…" ({ $range })
speakers-hint = Ce que l’une d’elles a dit : /quotes <nom>.
